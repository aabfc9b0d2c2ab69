"""A video file uploaded as a document is played by the site itself: the article and the Videos
listing draw a <video> with the lead photo as poster, and the API gives the file's address."""

import io
import re

import pytest
from django.core.files import File
from PIL import Image
from wagtail.documents.models import Document

from hoaban.demo.loader import VIDEO_CLIP
from hoaban.images.models import NewsImage
from hoaban.security.uploads import UnacceptableDocument, check_document


@pytest.fixture
def video_article(news_site, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    clip = Document(title="Hoa ban nở trắng đồi Điện Biên")
    clip.file.save("hoa-ban.webm", File(VIDEO_CLIP.open("rb")), save=False)
    clip.save()
    buffer = io.BytesIO()
    Image.new("RGB", (1600, 900), (120, 170, 215)).save(buffer, "JPEG")
    photo = NewsImage(title="Sườn đồi hoa ban", file=File(buffer, name="hoa-ban.jpg"))
    photo.save()
    return news_site.article(
        "culture", title="Video: Sắc hoa ban trắng", video_file=clip, lead_image=photo
    )


def test_article_plays_its_video_file_with_poster(client, video_article):
    html = client.get(video_article.url).content.decode()
    player = re.search(r"<video [^>]*>.*?</video>", html, re.S).group(0)
    assert " controls" in player
    assert re.search(r'poster="/media/images/[^"]+\.jpg"', player)
    source = re.search(r'<source src="([^"]+)" type="video/webm">', player).group(1)
    response = client.get(source)
    assert response.status_code == 200
    assert response["Content-Type"] == "video/webm"
    assert b"".join(response.streaming_content) == VIDEO_CLIP.read_bytes()
    assert "youtube" not in html


def test_videos_listing_plays_it_and_the_api_gives_its_address(client, video_article, settings):
    listing = client.get("/vi/video/").content.decode()
    assert "Video: Sắc hoa ban trắng" in listing
    assert f'<source src="{video_article.video_file.url}"' in listing
    item = client.get(f"/api/v1/articles/{video_article.pk}/").json()
    public = settings.HOABAN_PUBLIC_BASE_URL
    assert item["video_url"] == f"{public}{video_article.video_file.url}"


def test_webm_upload_is_accepted_by_content_not_by_name():
    head = VIDEO_CLIP.read_bytes()[:8192]
    check_document(name="phong-su.webm", head=head, size=len(head))
    with pytest.raises(UnacceptableDocument):
        check_document(name="phong-su.webm", head=b"<html><script>", size=14)


def test_demo_clip_is_short_and_small():
    data = VIDEO_CLIP.read_bytes()
    assert data[:4] == b"\x1a\x45\xdf\xa3"  # EBML, the container WebM is
    assert len(data) < 1_000_000
