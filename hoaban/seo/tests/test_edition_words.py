"""Each edition describes itself in its own language, once, and as plain text."""

import pytest
from lxml import etree, html
from wagtail.models import Site

from hoaban.core.models import NewsroomSettings
from hoaban.images.texts import credit_in
from hoaban.testing import translate

TAGLINE = "Tin tức tỉnh Điện Biên – Việt Nam"


@pytest.fixture
def newsroom(news_site):
    return NewsroomSettings.objects.create(
        site=Site.objects.get(is_default_site=True),
        publisher_name="Báo Điện Biên Phủ",
        tagline=TAGLINE,
    )


def head(client, url):
    tree = html.fromstring(client.get(url).content)
    meta = {
        element.get("property") or element.get("name"): element.get("content")
        for element in tree.xpath("//meta[@property or @name]")
    }
    return tree, meta


def test_english_home_never_shows_the_vietnamese_tagline(
    client, newsroom, english_edition, django_capture_on_commit_callbacks
):
    tree, meta = head(client, "/en/")
    assert TAGLINE not in meta["description"]
    assert TAGLINE not in meta["og:description"]
    assert not tree.xpath('//*[@class="masthead__tagline"]')

    home, _section = english_edition
    home.search_description = "News from Điện Biên province, Vietnam"
    with django_capture_on_commit_callbacks(execute=True):  # the page cache's purge
        home.save_revision().publish()
    tree, meta = head(client, "/en/")
    assert meta["description"] == "News from Điện Biên province, Vietnam"
    assert tree.xpath('//*[@class="masthead__tagline"]/text()') == [home.search_description]
    channel = etree.fromstring(client.get("/en/feeds/rss.xml").content).find("channel")
    assert channel.findtext("description") == home.search_description


def test_vietnamese_home_keeps_the_newsroom_tagline(client, newsroom):
    tree, meta = head(client, "/vi/")
    assert meta["description"] == TAGLINE
    assert tree.xpath('//*[@class="masthead__tagline"]/text()') == [TAGLINE]


def test_home_title_names_the_publisher_once(client, newsroom):
    tree, _meta = head(client, "/vi/")
    assert tree.findtext(".//title") == f"Báo Điện Biên Phủ – {TAGLINE}"


def test_tag_page_and_feed_are_described_in_the_edition_language(
    client, newsroom, news_site, english_edition
):
    article = news_site.article("news", tags=["Du lịch"])
    translate(article, "en", title="Hoa ban season in Điện Biên")
    _tree, meta = head(client, "/en/tags/du-lich/")
    assert meta["description"] == "News tagged “Du lịch”."
    channel = etree.fromstring(client.get("/en/feeds/tags/du-lich/rss.xml").content)
    assert channel.find("channel").findtext("description") == "News tagged “Du lịch”."


def test_topic_description_is_plain_text_without_markup(client, newsroom, news_site):
    topic = news_site.topic
    topic.introduction = "<p>Quan hệ <b>kết nghĩa</b> giữa Điện Biên &amp; Saint Petersburg.</p>"
    topic.save_revision().publish()
    page = client.get(topic.url).content.decode()
    _tree, meta = head(client, topic.url)
    expected = "Quan hệ kết nghĩa giữa Điện Biên & Saint Petersburg."
    assert meta["description"] == meta["og:description"] == meta["twitter:description"]
    assert meta["description"] == expected
    assert "&lt;p&gt;" not in page


@pytest.mark.parametrize(
    ("credit", "language", "shown"),
    [
        ("Ảnh minh họa: Hoa Ban", "en", "Illustration: Hoa Ban"),
        ("Ảnh minh hoạ: Hoa Ban", "ru", "Иллюстрация: Hoa Ban"),
        ("Ảnh: Quang Hưng", "ru", "Фото: Quang Hưng"),
        ("Ảnh: Quang Hưng", "vi", "Ảnh: Quang Hưng"),
        ("TTXVN", "en", "TTXVN"),
    ],
)
def test_photo_credit_label_is_in_the_edition_language(credit, language, shown):
    assert credit_in(credit, language) == shown
