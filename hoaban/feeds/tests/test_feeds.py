"""The feeds as a feed reader sees them: parsed by feedparser, checked against RSS 2.0 and
Atom 1.0 (RFC 4287) required elements."""

from email.utils import parsedate_to_datetime

import feedparser
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from lxml import etree
from wagtail.models import PageViewRestriction

pytestmark = pytest.mark.news_site_per_module

ATOM = "{http://www.w3.org/2005/Atom}"
MEDIA = "{http://search.yahoo.com/mrss/}"


def fetch(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.content[:500]
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.get("bozo_exception")
    return response, parsed


@pytest.fixture
def stories(news_site, photo):
    lead = news_site.article(
        "news",
        title="Lãnh đạo tỉnh Điện Biên tiếp đoàn công tác Saint Petersburg",
        lead="Bí thư Tỉnh ủy Trần Quốc Cường tiếp đoàn do ông Kalganov dẫn đầu.",
        lead_image=photo,
        byline="Minh Châu",
        tags=["Hợp tác quốc tế", "Saint Petersburg"],
    )
    other = news_site.article("business", title="Vay vốn ưu đãi giúp hộ nghèo Mường Chà")
    return lead, other


def test_edition_rss_has_every_required_channel_and_item_element(client, stories):
    lead, _ = stories
    response, parsed = fetch(client, "/vi/feeds/rss.xml")
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = etree.fromstring(response.content).find("channel")
    for required in ("title", "link", "description"):
        assert channel.findtext(required), required
    assert channel.findtext("language") == "vi"
    assert parsed.version == "rss20"
    assert [entry.title for entry in parsed.entries][:2] == [
        lead.title,
        "Vay vốn ưu đãi giúp hộ nghèo Mường Chà",
    ]

    item = channel.find("item")
    assert item.findtext("description") == f"ĐBP - {lead.lead}"
    assert item.findtext("link") == f"http://testserver/vi/tin-tuc-chinh-tri/{lead.slug}/"
    assert item.find("guid").get("isPermaLink") == "false"
    published = parsedate_to_datetime(item.findtext("pubDate"))
    assert published.tzinfo is not None
    assert published == lead.date.replace(microsecond=0)
    categories = {category.text for category in item.findall("category")}
    assert categories == {"Tin tức - Chính trị", "Hợp tác quốc tế", "Saint Petersburg"}
    assert parsed.entries[0].author == "Minh Châu"


def test_lead_image_is_an_enclosure_and_media_content_of_share_size(client, stories):
    response, parsed = fetch(client, "/vi/feeds/rss.xml")
    item = etree.fromstring(response.content).find("channel/item")
    enclosure = item.find("enclosure")
    assert enclosure.get("type") == "image/jpeg"
    assert int(enclosure.get("length")) > 0
    assert enclosure.get("url").startswith("http://testserver/media/images/")
    media = item.find(f"{MEDIA}content")
    assert (media.get("width"), media.get("height")) == ("1200", "630")
    assert media.get("url") == enclosure.get("url")
    assert parsed.entries[0].media_content[0]["url"] == enclosure.get("url")
    # The story without a photo carries no enclosure.
    assert etree.fromstring(response.content).findall("channel/item")[1].find("enclosure") is None


def test_atom_feed_has_rfc_4287_required_elements(client, stories):
    lead, _ = stories
    response, parsed = fetch(client, "/vi/feeds/atom.xml")
    assert parsed.version == "atom10"
    feed = etree.fromstring(response.content)
    for required in ("id", "title", "updated", "author/" + ATOM + "name"):
        path = "/".join(ATOM + part if not part.startswith("{") else part for part in [required])
        assert feed.find(path.replace(ATOM + "author/", ATOM + "author/")) is not None, required
    entry = feed.find(f"{ATOM}entry")
    for required in ("id", "title", "updated", "published"):
        assert entry.findtext(f"{ATOM}{required}"), required
    assert entry.find(f"{ATOM}link[@rel='alternate']").get("href").endswith(f"/{lead.slug}/")
    assert entry.find(f"{ATOM}link[@rel='enclosure']").get("type") == "image/jpeg"
    assert parsed.entries[0].updated_parsed is not None
    assert parsed.entries[0].id.startswith("urn:uuid:")


def test_guid_stays_the_same_when_the_story_is_edited_and_moved(
    client, news_site, stories, django_capture_on_commit_callbacks
):
    lead, _ = stories
    _, before = fetch(client, "/vi/feeds/rss.xml")
    lead.title = "Điện Biên và Saint Petersburg mở rộng hợp tác"
    lead.slug = "dien-bien-va-saint-petersburg-mo-rong-hop-tac"
    with django_capture_on_commit_callbacks(execute=True):  # the page cache's purges
        lead.save_revision().publish()
        lead.move(news_site.sections["culture"], pos="last-child")
    _, after = fetch(client, "/vi/feeds/rss.xml")
    assert after.entries[0].title == "Điện Biên và Saint Petersburg mở rộng hợp tác"
    assert after.entries[0].id == before.entries[0].id
    assert after.entries[0].link != before.entries[0].link


def test_section_feed_lists_only_that_sections_stories(client, stories):
    lead, other = stories
    _, parsed = fetch(client, "/vi/feeds/sections/kinh-te/rss.xml")
    assert [entry.title for entry in parsed.entries] == [other.title]
    assert parsed.feed.title == "Kinh tế – Báo Điện Biên Phủ"
    assert parsed.feed.link == "http://testserver/vi/kinh-te/"


def test_tag_feed_lists_stories_with_that_tag(client, stories):
    lead, _ = stories
    _, parsed = fetch(client, "/vi/feeds/tags/hop-tac-quoc-te/atom.xml")
    assert [entry.title for entry in parsed.entries] == [lead.title]
    assert parsed.feed.link == "http://testserver/vi/tags/hop-tac-quoc-te/"


def test_topic_feed_lists_the_topics_stories(client, news_site, stories):
    lead, _ = stories
    lead.topics.add(news_site.topic)
    lead.save_revision().publish()
    _, parsed = fetch(client, f"/vi/feeds/topics/{news_site.topic.slug}/rss.xml")
    assert [entry.title for entry in parsed.entries] == [lead.title]


def test_unknown_section_or_topic_is_not_found(client, stories):
    assert client.get("/vi/feeds/sections/khong-co/rss.xml").status_code == 404
    assert client.get("/vi/feeds/topics/khong-co/atom.xml").status_code == 404


def test_drafts_and_private_stories_never_appear_in_any_feed(client, news_site, stories):
    draft = news_site.article("news", title="Bản nháp chưa duyệt", publish=False, tags=["Nháp"])
    private = news_site.article("news", title="Tin nội bộ", tags=["Nháp"])
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    unpublished = news_site.article("news", title="Tin đã gỡ", tags=["Nháp"])
    unpublished.unpublish()
    for url in (
        "/vi/feeds/rss.xml",
        "/vi/feeds/atom.xml",
        "/vi/feeds/sections/tin-tuc-chinh-tri/rss.xml",
        "/vi/feeds/tags/nhap/rss.xml",
    ):
        body = client.get(url).content.decode()
        for hidden in (draft, private, unpublished):
            assert hidden.title not in body, (url, hidden.title)


def test_each_language_has_its_own_feed(client, news_site, english_edition, stories):
    from hoaban.articles.models import ArticlePage

    _, section = english_edition
    story = ArticlePage(title="Dien Bien welcomes Saint Petersburg delegation", lead="A visit.")
    section.add_child(instance=story)
    story.save_revision().publish()
    _, english = fetch(client, "/en/feeds/rss.xml")
    assert [entry.title for entry in english.entries] == [story.title]
    assert english.feed.language == "en"
    _, vietnamese = fetch(client, "/vi/feeds/rss.xml")
    assert story.title not in {entry.title for entry in vietnamese.entries}
    assert client.get("/ru/feeds/rss.xml").status_code == 404


def test_feed_costs_the_same_queries_for_two_or_ten_stories(client, news_site, photo):
    def count_queries():
        client.get("/vi/feeds/rss.xml")  # renditions are made on first sight
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/vi/feeds/rss.xml").status_code == 200
        return len(captured.captured_queries)

    for number in range(2):
        news_site.article("news", lead_image=photo, tags=[f"Chủ đề {number}"])
    few = count_queries()
    for number in range(8):
        news_site.article("culture", lead_image=photo, tags=[f"Chủ đề {number}", "Văn hóa"])
    assert count_queries() == few
    assert few <= 12


def test_pages_announce_their_feeds_for_autodiscovery(client, news_site, stories):
    html = client.get(news_site.sections["business"].url).content.decode()
    assert (
        '<link rel="alternate" type="application/rss+xml" '
        'href="/vi/feeds/sections/kinh-te/rss.xml" title="Kinh tế (RSS)">'
    ) in html
    assert 'type="application/atom+xml" href="/vi/feeds/atom.xml"' in html
    tag_page = client.get("/vi/tags/hop-tac-quoc-te/").content.decode()
    assert 'href="/vi/feeds/tags/hop-tac-quoc-te/rss.xml"' in tag_page
