from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth import get_user_model
from django.core.files.storage import default_storage
from django.urls import reverse
from wagtail.models import Locale

from hoaban.articles.models import ArticlePage
from hoaban.images.models import NewsImage
from hoaban.ingest import importer
from hoaban.ingest.models import FetchRun, ImportedItem, Source
from hoaban.ingest.pipeline import Syndicator

from .factories import feed_source, make_source

pytestmark = pytest.mark.news_site_per_module

HANOI = ZoneInfo("Asia/Ho_Chi_Minh")
SAINT_PETERSBURG = "dienbien/tin-tuc/dien-bien-tang-cuong-hop-tac-voi-saint-petersburg-1203.html"


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def dienbien(news_site, portal):
    return feed_source(news_site, portal, "Cổng TTĐT tỉnh Điện Biên", "dienbien/rss.xml")


def run(*sources, **options):
    syndicator = Syndicator(**options)
    try:
        return syndicator.run(sources)
    finally:
        syndicator.fetcher.close()


def test_each_malformed_item_is_reported_and_skipped_while_the_run_goes_on(dienbien, media):
    (summary,) = run(dienbien)
    reasons = {failure["url"].rsplit("/", 1)[-1]: failure["reason"] for failure in summary.failures}
    assert reasons.keys() == {
        "bai-viet-da-go-1199.html",
        "big.html",
        "slow.html",
        "loop.html",
        "mojibake.html",
    }
    assert "404" in reasons["bai-viet-da-go-1199.html"]
    assert "giới hạn" in reasons["big.html"]
    assert "Không có phản hồi" in reasons["slow.html"]
    assert "chuyển hướng" in reasons["loop.html"]
    assert "lỗi phông" in reasons["mojibake.html"]
    # Both pages with a wrong charset label are read right and imported.
    titles = set(ArticlePage.objects.values_list("title", flat=True))
    assert titles == {
        "Điện Biên tăng cường hợp tác với thành phố Saint Petersburg",
        "Chủ tịch UBND tỉnh làm việc với Đại sứ quán Việt Nam tại Liên bang Nga",
        "Phòng chống đuối nước trẻ em mùa mưa lũ",
        "Hỗ trợ thí sinh có hoàn cảnh khó khăn trong kỳ thi tốt nghiệp",
    }
    assert (summary.imported, summary.duplicates, summary.failed) == (4, 1, 5)
    dienbien.refresh_from_db()
    assert dienbien.last_result == Source.Result.PARTIAL
    assert "bai-viet-da-go-1199.html: HTTP 404" in dienbien.last_error
    assert FetchRun.objects.get(source=dienbien).failed == 5


def test_item_becomes_a_draft_article_with_source_link_photos_and_byline(
    dienbien, news_site, media
):
    run(dienbien)
    item = ImportedItem.objects.get(url__endswith=SAINT_PETERSBURG)
    article = item.article
    assert not article.live and article.has_unpublished_changes
    assert article.get_parent().specific == news_site.sections["news"]
    assert article.locale.language_code == "vi"
    assert article.slug == "dien-bien-tang-cuong-hop-tac-voi-thanh-pho-saint-petersburg"
    assert article.source_name == "Cổng TTĐT tỉnh Điện Biên"
    assert article.source_url.endswith(SAINT_PETERSBURG)
    assert article.dateline == "ĐBP"
    assert article.lead.startswith("Chiều 13/3, Bí thư Tỉnh ủy Trần Quốc Cường")
    assert article.byline == "Quang Hưng"
    assert article.date == datetime(2025, 3, 13, 16, 45, tzinfo=HANOI)
    assert article.lead_image.caption.startswith("Bí thư Tỉnh ủy Trần Quốc Cường tiếp đoàn")
    assert article.lead_image.credit == "Ảnh: Quang Hưng"
    photos = [block.value for block in article.body if block.block_type == "image"]
    assert [photo["caption"] for photo in photos] == ["Lãnh đạo tỉnh tặng đoàn chiếc khèn Mông."]
    assert photos[0]["image"].credit == "Ảnh: Quang Hưng"
    body = "".join(str(block.value) for block in article.body if block.block_type == "paragraph")
    assert "khèn Mông, nhạc cụ truyền thống" in body
    assert "You have 500/500" not in body and "Nguồn:" not in body
    assert (
        "<strong>ĐBP - Chiều 13/3" in item.html and "Tin mới nhất" in item.html
    )  # page kept whole
    assert article.revisions.count() == 1


def test_same_article_under_a_second_url_is_linked_not_imported(dienbien, media):
    run(dienbien)
    printed = ImportedItem.objects.get(url__endswith="in-bai/1203.html")
    assert printed.status == ImportedItem.Status.DUPLICATE
    assert printed.duplicate_of.url.endswith(SAINT_PETERSBURG)
    assert printed.article is None


def test_lightly_edited_copy_from_another_source_is_a_near_duplicate(
    dienbien, news_site, portal, media
):
    newspaper = feed_source(news_site, portal, "Báo Điện Biên Phủ", "baodienbienphu/atom.xml")
    run(dienbien, newspaper)
    copy = ImportedItem.objects.get(
        url__endswith="tang-cuong-hop-tac-voi-saint-petersburg-4030.html"
    )
    assert copy.status == ImportedItem.Status.DUPLICATE
    assert copy.duplicate_of.url.endswith(SAINT_PETERSBURG)
    assert 0.7 <= copy.similarity < 1
    credit = ImportedItem.objects.get(url__endswith="tin-dung-uu-dai-giup-ho-ngheo-4021.html")
    assert credit.status == ImportedItem.Status.IMPORTED
    assert credit.article.date == datetime(2025, 4, 14, 8, 30, tzinfo=HANOI)


def test_second_run_imports_nothing(dienbien, news_site, portal, media):
    towns = make_source(
        news_site,
        portal,
        "Huyện Mường Chà",
        list_url=portal.url("muongcha/tin-tuc.html"),
        link_pattern=r"/bai-viet/\d+-",
    )
    run(dienbien, towns)
    articles, items = ArticlePage.objects.count(), ImportedItem.objects.count()
    again = run(dienbien, towns)
    assert ArticlePage.objects.count() == articles
    assert ImportedItem.objects.count() == items
    assert [(summary.imported, summary.duplicates) for summary in again] == [(0, 0), (0, 0)]
    assert again[1].skipped == 2


def test_unchanged_feed_is_not_modified_once_a_run_had_no_failures(news_site, portal, media):
    culture = feed_source(news_site, portal, "Sở VHTTDL", "vanhoa/rss10.rdf", section="culture")
    run(culture)
    culture.refresh_from_db()
    assert culture.etag
    (again,) = run(culture)
    culture.refresh_from_db()
    assert again.not_modified and culture.last_result == Source.Result.NOT_MODIFIED
    assert portal.requested("/vanhoa/rss10.rdf")[-1]["If-None-Match"] == culture.etag


def test_feed_validators_are_not_kept_after_failures_so_failed_items_come_back(dienbien, media):
    run(dienbien)
    dienbien.refresh_from_db()
    assert dienbien.etag == ""


def test_broken_feeds_are_reported_and_the_other_sources_still_run(news_site, portal, media):
    broken = feed_source(news_site, portal, "Huyện Tủa Chùa", "broken/rss.xml")
    html = feed_source(news_site, portal, "Huyện Mường Chà", "muongcha/tin-tuc.html")
    culture = feed_source(news_site, portal, "Sở VHTTDL", "vanhoa/rss10.rdf", section="culture")
    summaries = run(broken, html, culture)
    assert "not well-formed" in summaries[0].error
    assert "không phải kênh tin" in summaries[1].error
    assert summaries[2].imported == 1
    broken.refresh_from_db()
    assert broken.last_result == Source.Result.FAILED and "not well-formed" in broken.last_error


def test_failure_while_writing_leaves_no_article_image_or_file_behind(dienbien, media, monkeypatch):
    def fail(*args, **kwargs):
        raise RuntimeError("database went away")

    monkeypatch.setattr(importer.ImportedItem, "save", fail)
    (summary,) = run(dienbien)
    assert summary.imported == 0 and summary.failed == 10
    assert "RuntimeError: database went away" in summary.failures[0]["reason"]
    assert not ArticlePage.objects.exists()
    assert not NewsImage.objects.exists()
    assert not [path for path in media.rglob("*") if path.is_file()]
    assert default_storage.location == str(media)


def test_photos_a_killed_run_left_behind_are_taken_over_by_the_next_run(dienbien, media):
    # A killed run writes photo files and never gets to delete them; here the write fails and
    # the clean-up does nothing, as after SIGKILL.
    storage = NewsImage._meta.get_field("file").storage
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(importer.ImportedItem, "save", lambda *a, **k: 1 / 0)
        patch.setattr(storage, "delete", lambda name: None)
        run(dienbien)
    left = {path.name for path in media.rglob("*") if path.is_file()}
    assert left and not NewsImage.objects.exists()

    (summary,) = run(dienbien)
    assert summary.imported == 4
    on_disk = {path.name for path in media.rglob("*") if path.is_file()}
    used = {Path(name).name for name in NewsImage.objects.values_list("file", flat=True)}
    assert on_disk == used and left <= used


def test_dry_run_writes_nothing_but_counts_what_would_happen(dienbien, media):
    (summary,) = run(dienbien, dry_run=True)
    assert (summary.imported, summary.duplicates, summary.failed) == (4, 1, 5)
    assert not ArticlePage.objects.exists() and not ImportedItem.objects.exists()
    assert not FetchRun.objects.exists()
    dienbien.refresh_from_db()
    assert dienbien.last_fetched_at is None


def test_items_published_before_since_are_skipped(dienbien, media):
    (summary,) = run(dienbien, since=datetime(2025, 4, 1, tzinfo=HANOI))
    titles = list(ArticlePage.objects.values_list("title", flat=True))
    assert "Điện Biên tăng cường hợp tác với thành phố Saint Petersburg" not in titles
    assert "Chủ tịch UBND tỉnh làm việc với Đại sứ quán Việt Nam tại Liên bang Nga" in titles
    assert summary.skipped == 2


REPUBLISHED = "thongtin/bai-viet/dien-bien-hop-tac-saint-petersburg-5501.html"


@pytest.fixture
def thongtin(news_site, portal):
    return feed_source(
        news_site,
        portal,
        "Thông tin đối ngoại",
        "thongtin/rss.xml",
        home_url=portal.url("thongtin/"),
    )


def test_republished_page_credits_the_original_and_keeps_the_republisher_as_via(
    thongtin, news_site, portal, media
):
    dienbien = feed_source(
        news_site,
        portal,
        "Cổng TTĐT tỉnh Điện Biên",
        "dienbien/rss.xml",
        home_url=portal.url("dienbien/"),
        active=False,
    )
    run(thongtin)
    item = ImportedItem.objects.get(source=thongtin)
    article = item.article
    assert article.source_name == dienbien.name  # the original's portal is a known Source
    assert article.source_url == portal.url(SAINT_PETERSBURG)
    assert article.source_via_name == "Thông tin đối ngoại"
    assert article.source_via_url == portal.url(REPUBLISHED)
    assert article.byline == "Quang Hưng"
    assert "Nguồn" not in str(article.body) and "Quang Hưng" not in str(article.body)
    # The original, fetched later from its own portal, is the same story, not a second draft.
    (summary,) = run(dienbien)
    original = ImportedItem.objects.get(url=portal.url(SAINT_PETERSBURG))
    assert original.status == ImportedItem.Status.DUPLICATE
    assert original.duplicate_of == item


def test_republication_of_an_item_already_imported_links_to_that_item(
    dienbien, thongtin, portal, media
):
    run(dienbien)
    run(thongtin)
    original = ImportedItem.objects.get(url=portal.url(SAINT_PETERSBURG))
    copy = ImportedItem.objects.get(source=thongtin)
    assert copy.status == ImportedItem.Status.DUPLICATE
    assert copy.duplicate_of == original
    assert copy.article is None


def test_unknown_original_is_credited_by_the_name_its_link_gives(thongtin, portal, media):
    run(thongtin)
    article = ImportedItem.objects.get(source=thongtin).article
    assert article.source_name == "Cổng thông tin điện tử tỉnh Điện Biên"
    assert article.source_url == portal.url(SAINT_PETERSBURG)


def test_page_cut_off_is_imported_with_a_warning_shown_to_the_editor(
    news_site, portal, media, client
):
    source = feed_source(news_site, portal, "Cổng TTĐT tỉnh Điện Biên", "bad/cut-rss.xml")
    (summary,) = run(source)
    assert (summary.imported, summary.failed) == (2, 0)
    cut = ImportedItem.objects.get(url=portal.url("bad/cut.html"))
    assert cut.incomplete == "mã HTML của trang bị cắt cụt"
    undated = ImportedItem.objects.exclude(pk=cut.pk).get()
    assert (undated.incomplete, undated.date_basis) == ("", "url")

    editor = get_user_model().objects.create_superuser("bientap", "bt@example.com", "pw")
    client.force_login(editor)
    page = client.get(reverse("wagtailadmin_pages:edit", args=[cut.article_id])).content.decode()
    assert "có thể chưa đầy đủ (mã HTML của trang bị cắt cụt)" in page
    assert "được lấy từ địa chỉ trang" not in page
    page = client.get(reverse("wagtailadmin_pages:edit", args=[undated.article_id]))
    assert "ngày của bài viết này được lấy từ địa chỉ trang" in page.content.decode()
    assert "có thể chưa đầy đủ" not in page.content.decode()


@pytest.fixture
def russian_section(news_site):
    russian = Locale.objects.get_or_create(language_code="ru")[0]
    home = news_site.home.copy_for_translation(russian)
    home.save_revision().publish()
    section = news_site.sections["news"].copy_for_translation(russian)
    section.title = "Новости"
    section.save_revision().publish()
    return section.specific


def test_a_russian_translation_of_a_story_imported_in_vietnamese_is_a_duplicate(
    thongtin, russian_section, portal, media
):
    russian = Source.objects.create(
        name="Вестник Дьенбьена",
        home_url=portal.url("ruvestnik/"),
        feed_url=portal.url("ruvestnik/rss.xml"),
        language="ru",
        default_section=russian_section,
    )
    run(thongtin)
    drafts = ArticlePage.objects.count()
    (summary,) = run(russian)
    assert (summary.imported, summary.duplicates) == (0, 1)
    translation = ImportedItem.objects.get(source=russian)
    assert translation.status == ImportedItem.Status.DUPLICATE
    assert translation.duplicate_of == ImportedItem.objects.get(source=thongtin)
    assert translation.similarity >= 0.7 and translation.facts["language"] == "ru"
    assert ArticlePage.objects.count() == drafts
