"""JSON-LD and social cards as crawlers read them: every ld+json script parsed with json, the
required properties and types of Google's article, breadcrumb and sitelinks search box
guidelines checked."""

import json
from datetime import datetime

import pytest
from lxml import html
from wagtail_localize.models import Translation, TranslationSource

from hoaban.images.models import NewsImage

pytestmark = pytest.mark.news_site_per_module


def page_data(client, url):
    response = client.get(url)
    assert response.status_code == 200
    tree = html.fromstring(response.content)
    graph = []
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        data = json.loads(script.text)
        assert data["@context"] == "https://schema.org"
        graph.extend(data["@graph"])
    meta = {
        element.get("property") or element.get("name"): element.get("content")
        for element in tree.xpath("//meta[@property or @name]")
    }
    return {item["@type"]: item for item in graph}, meta, tree


@pytest.fixture
def photo(settings, tmp_path):
    from wagtail.images.tests.utils import get_test_image_file_jpeg

    settings.MEDIA_ROOT = tmp_path
    return NewsImage.objects.create(
        title="Tặng khèn Mông cho đoàn Saint Petersburg",
        file=get_test_image_file_jpeg("khen.jpg", size=(1600, 1000)),
    )


@pytest.fixture
def story(news_site, photo):
    return news_site.article(
        "news",
        title="Bí thư Tỉnh ủy Trần Quốc Cường tiếp đoàn công tác thành phố Saint Petersburg",
        lead="Ngày 13/3, đồng chí Trần Quốc Cường tiếp đoàn do ông Kalganov dẫn đầu.",
        byline="Minh Châu",
        lead_image=photo,
        tags=["Hợp tác quốc tế"],
    )


def test_article_is_a_news_article_with_the_required_properties(client, news_site, story):
    items, _meta, _tree = page_data(client, story.url)
    article = items["NewsArticle"]
    assert article["headline"] == story.title
    assert article["description"] == story.lead
    assert datetime.fromisoformat(article["datePublished"]).tzinfo is not None
    assert datetime.fromisoformat(article["dateModified"]) >= datetime.fromisoformat(
        article["datePublished"]
    )
    assert article["author"] == [{"@type": "Person", "name": "Minh Châu"}]
    assert article["inLanguage"] == "vi"
    assert article["mainEntityOfPage"] == f"http://testserver{story.url}"
    assert article["articleSection"] == "Tin tức - Chính trị"
    assert article["keywords"] == ["Hợp tác quốc tế"]
    publisher = article["publisher"]
    assert publisher["@type"] == "NewsMediaOrganization"
    assert publisher["name"] == "Báo Điện Biên Phủ"
    assert publisher["logo"]["@type"] == "ImageObject"
    assert publisher["logo"]["url"].endswith("/static/img/logo.png")
    (image,) = article["image"]
    assert (image["width"], image["height"]) == (1200, 630)
    assert image["url"].startswith("http://")
    assert "isBasedOn" not in article
    assert "translationOfWork" not in article


def test_article_and_section_have_breadcrumbs_from_the_front_page(client, news_site, story):
    items, _, _ = page_data(client, story.url)
    trail = items["BreadcrumbList"]["itemListElement"]
    assert [(item["position"], item["name"]) for item in trail] == [
        (1, "Báo Điện Biên Phủ"),
        (2, "Tin tức - Chính trị"),
        (3, story.title),
    ]
    assert trail[1]["item"] == "http://testserver/vi/tin-tuc-chinh-tri/"
    section_items, _, _ = page_data(client, news_site.sections["news"].url)
    assert [item["name"] for item in section_items["BreadcrumbList"]["itemListElement"]] == [
        "Báo Điện Biên Phủ",
        "Tin tức - Chính trị",
    ]


def test_syndicated_article_is_based_on_its_source(client, news_site):
    article = news_site.article(
        "news",
        title="Chủ tịch UBND tỉnh Lê Thành Đô làm việc với Đại sứ quán Việt Nam tại Liên bang Nga",
        source_name="Cổng thông tin điện tử tỉnh Điện Biên",
        source_url="https://dienbien.gov.vn/portal/tin-tuc/le-thanh-do-lam-viec-tai-moskva",
    )
    items, _, _ = page_data(client, article.url)
    based_on = items["NewsArticle"]["isBasedOn"]
    assert based_on["url"] == article.source_url
    assert based_on["publisher"]["name"] == "Cổng thông tin điện tử tỉnh Điện Biên"


def test_translated_article_names_the_work_it_translates(
    client, english_edition, story, django_capture_on_commit_callbacks
):
    source, _ = TranslationSource.get_or_create_from_instance(story)
    translation = Translation.objects.create(source=source, target_locale=english_edition[0].locale)
    # wagtail-localize publishes the translation once the transaction commits.
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=True)
    english = story.get_translation(english_edition[0].locale)
    items, _, _ = page_data(client, english.url)
    original = items["NewsArticle"]["translationOfWork"]
    assert original["url"] == f"http://testserver{story.url}"
    assert original["inLanguage"] == "vi"
    assert items["NewsArticle"]["inLanguage"] == "en"
    vietnamese, _, tree = page_data(client, story.url)
    assert "translationOfWork" not in vietnamese["NewsArticle"]
    hreflangs = {link.get("hreflang") for link in tree.xpath('//link[@rel="alternate"][@hreflang]')}
    assert hreflangs == {"vi", "en", "x-default"}


def test_front_page_describes_the_organization_and_its_search(client, news_site):
    items, _, _ = page_data(client, news_site.home.url)
    organization = items["NewsMediaOrganization"]
    assert organization["name"] == "Báo Điện Biên Phủ"
    assert organization["url"] == "http://testserver/vi/"
    assert organization["logo"]["url"].endswith("/static/img/logo.png")
    site = items["WebSite"]
    assert site["url"] == "http://testserver/vi/"
    action = site["potentialAction"]
    assert action["@type"] == "SearchAction"
    assert action["target"]["urlTemplate"] == "http://testserver/vi/search/?q={search_term_string}"
    assert action["query-input"] == "required name=search_term_string"


def test_article_has_open_graph_and_twitter_cards_with_a_share_sized_image(client, story):
    _, meta, tree = page_data(client, story.url)
    assert meta["og:type"] == "article"
    assert meta["og:title"] == story.title
    # og:url is the canonical address, which follows the host the page was asked for.
    assert meta["og:url"] == f"http://testserver{story.url}"
    assert meta["og:locale"] == "vi_VN"
    assert meta["og:image"].endswith(".fill-1200x630.jpg")
    assert (meta["og:image:width"], meta["og:image:height"]) == ("1200", "630")
    assert meta["twitter:card"] == "summary_large_image"
    assert meta["twitter:image"] == meta["og:image"]
    assert meta["article:section"] == "Tin tức - Chính trị"
    assert tree.xpath('//link[@rel="canonical"]/@href') == [meta["og:url"]]


def test_a_headline_with_markup_cannot_break_out_of_the_json_ld_script(client, news_site):
    article = news_site.article("news", title="Cảnh giác </script><script>alert(1)</script>")
    items, _, tree = page_data(client, article.url)
    assert items["NewsArticle"]["headline"] == article.title
    assert not tree.xpath("//script[contains(., 'alert(1)') and not(@type)]")


def test_every_page_type_has_a_description_and_headings_that_skip_no_level(
    client, news_site, story
):
    section = story.get_parent().specific
    for url in (news_site.home.url, section.url, story.url, news_site.topic.url):
        _, meta, tree = page_data(client, url)
        assert meta["description"].strip(), url
        levels = [int(element.tag[1]) for element in tree.iter("h1", "h2", "h3", "h4", "h5", "h6")]
        assert levels[0] == 1, url
        assert all(b - a <= 1 for a, b in zip(levels, levels[1:], strict=False)), (url, levels)
