"""Sitemaps and robots.txt, validated against the sitemap 0.9, Google News and XHTML link
schemas shipped beside these tests."""

from datetime import timedelta

from django.utils import timezone
from lxml import etree
from wagtail.models import PageViewRestriction

from hoaban.articles.models import ArticlePage

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def valid_document(client, url, schema):
    response = client.get(url)
    assert response.status_code == 200, response.content[:300]
    document = etree.fromstring(response.content)
    assert schema.validate(document), schema.error_log
    return document


def locations(document):
    return [loc.text for loc in document.iter(f"{SITEMAP}loc")]


def test_index_lists_each_live_edition_and_the_news_sitemap(
    client, news_site, english_edition, index_schema
):
    news_site.article("news", title="Điện Biên đón đoàn đại biểu Saint Petersburg")
    document = valid_document(client, "/sitemap.xml", index_schema)
    assert locations(document) == [
        "http://testserver/sitemap-vi.xml",
        "http://testserver/sitemap-en.xml",
        "http://testserver/sitemap-news.xml",
    ]
    assert client.get("/sitemap-ru.xml").status_code == 404


def test_edition_sitemap_lists_live_public_pages_only(client, news_site, urlset_schema):
    story = news_site.article("news", title="Tín dụng chính sách giúp hộ nghèo thoát nghèo")
    draft = news_site.article("news", title="Bản nháp", publish=False)
    private = news_site.article("news", title="Tin nội bộ")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    document = valid_document(client, "/sitemap-vi.xml", urlset_schema)
    found = locations(document)
    assert "http://testserver/vi/" in found
    assert f"http://testserver/vi/tin-tuc-chinh-tri/{story.slug}/" in found
    assert not any(draft.slug in url or private.slug in url for url in found)


def test_translated_pages_name_each_other_as_hreflang_alternates(
    client, news_site, english_edition, urlset_schema
):
    for language in ("vi", "en"):
        document = valid_document(client, f"/sitemap-{language}.xml", urlset_schema)
        section_url = {
            "vi": "http://testserver/vi/tin-tuc-chinh-tri/",
            "en": "http://testserver/en/tin-tuc-chinh-tri/",
        }[language]
        entry = next(
            url
            for url in document.iter(f"{SITEMAP}url")
            if url.findtext(f"{SITEMAP}loc") == section_url
        )
        alternates = {link.get("hreflang"): link.get("href") for link in entry.iter(f"{XHTML}link")}
        assert alternates == {
            "en": "http://testserver/en/tin-tuc-chinh-tri/",
            "vi": "http://testserver/vi/tin-tuc-chinh-tri/",
        }
    # The business section has no English version: no alternates.
    document = valid_document(client, "/sitemap-vi.xml", urlset_schema)
    business = next(
        url
        for url in document.iter(f"{SITEMAP}url")
        if url.findtext(f"{SITEMAP}loc") == "http://testserver/vi/kinh-te/"
    )
    assert business.find(f"{XHTML}link") is None


def test_news_sitemap_lists_only_the_last_48_hours(client, news_site, urlset_schema):
    fresh = news_site.article("news", title="Hỗ trợ thí sinh khó khăn dự thi tốt nghiệp")
    old = news_site.article(
        "news", title="Phục dựng nghề truyền thống", date=timezone.now() - timedelta(hours=49)
    )
    news_site.article("news", title="Bản nháp tin nóng", publish=False)
    document = valid_document(client, "/sitemap-news.xml", urlset_schema)
    entries = list(document.iter(f"{SITEMAP}url"))
    assert [entry.findtext(f"{SITEMAP}loc") for entry in entries] == [
        f"http://testserver/vi/tin-tuc-chinh-tri/{fresh.slug}/"
    ]
    news = entries[0].find(f"{NEWS}news")
    assert news.findtext(f"{NEWS}publication/{NEWS}name") == "Báo Điện Biên Phủ"
    assert news.findtext(f"{NEWS}publication/{NEWS}language") == "vi"
    assert news.findtext(f"{NEWS}title") == fresh.title
    assert news.findtext(f"{NEWS}publication_date").endswith("+07:00")
    assert old.slug not in etree.tostring(document).decode()


def test_news_schema_rejects_an_entry_without_a_title(urlset_schema):
    document = etree.fromstring(
        b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        b'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"><url>'
        b"<loc>http://testserver/vi/a/</loc><news:news><news:publication><news:name>A</news:name>"
        b"<news:language>vi</news:language></news:publication>"
        b"<news:publication_date>2025-03-13</news:publication_date></news:news></url></urlset>"
    )
    assert not urlset_schema.validate(document)


def test_robots_txt_points_to_the_sitemap_index(client, news_site):
    response = client.get("/robots.txt")
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    sitemaps = [line for line in response.content.decode().splitlines() if "Sitemap" in line]
    assert sitemaps == ["Sitemap: http://testserver/sitemap.xml"]


def test_without_news_of_the_last_48_hours_there_is_no_empty_news_sitemap(
    client, news_site, index_schema
):
    ArticlePage.objects.update(date=timezone.now() - timedelta(days=3))
    document = valid_document(client, "/sitemap.xml", index_schema)
    assert "http://testserver/sitemap-news.xml" not in locations(document)
    # An empty <urlset> is not a valid sitemap: none is served.
    assert client.get("/sitemap-news.xml").status_code == 404
