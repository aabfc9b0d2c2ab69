"""The read API as partners use it: filters, pagination, field selection, HTTP caching,
CORS, and the guarantee that nothing unpublished ever comes out."""

import json
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import PageViewRestriction

from hoaban.articles.models import ArticlePage

API = "/api/v1"


def get(client, url, **headers):
    response = client.get(url, **headers)
    assert response.status_code == 200, response.content[:400]
    return response.json()


@pytest.fixture
def stories(news_site):
    politics = news_site.article(
        "news",
        title="Bí thư Tỉnh ủy Trần Quốc Cường tiếp đoàn Saint Petersburg",
        tags=["Hợp tác quốc tế"],
        byline="Minh Châu",
        date=timezone.now() - timedelta(days=3),
    )
    politics.topics.add(news_site.topic)
    politics.save_revision().publish()
    business = news_site.article(
        "business",
        title="Vay vốn ưu đãi giúp hộ nghèo Mường Chà",
        source_name="Cổng thông tin điện tử tỉnh Điện Biên",
        source_url="https://dienbien.gov.vn/portal/vay-von-uu-dai",
    )
    return politics, business


def test_articles_list_newest_first_with_every_field(client, stories):
    politics, business = stories
    data = get(client, f"{API}/articles/")
    assert data["count"] == 2
    assert [item["title"] for item in data["items"]] == [business.title, politics.title]
    first = data["items"][0]
    assert first["section"] == {
        "id": business.get_parent().pk,
        "title": "Kinh tế",
        "slug": "kinh-te",
    }
    assert first["source"] == {
        "name": "Cổng thông tin điện tử tỉnh Điện Biên",
        "url": "https://dienbien.gov.vn/portal/vay-von-uu-dai",
    }
    assert first["url"] == f"http://testserver{business.url}"
    assert first["locale"] == "vi"
    assert data["items"][1]["tags"] == ["Hợp tác quốc tế"]
    assert data["items"][1]["byline"] == "Minh Châu"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("section=tin-tuc-chinh-tri", ["politics"]),
        ("tag=hop-tac-quoc-te", ["politics"]),
        ("topic=dien-bien-saint-petersburg", ["politics"]),
        ("locale=vi", ["business", "politics"]),
        ("locale=en", []),
        ("since={today}", ["business"]),
        ("until={four_days_ago}", []),
    ],
)
def test_articles_filter_by_section_tag_topic_locale_and_date(client, stories, query, expected):
    politics, business = stories
    today = timezone.localdate()
    query = query.format(today=today, four_days_ago=today - timedelta(days=4))
    titles = [item["title"] for item in get(client, f"{API}/articles/?{query}")["items"]]
    assert titles == [{"politics": politics, "business": business}[key].title for key in expected]


def test_articles_paginate_with_next_and_previous_links(client, news_site):
    for number in range(5):
        news_site.article("news", title=f"Tin Điện Biên số {number}")
    page = get(client, f"{API}/articles/?limit=2&offset=2&fields=title")
    assert page["count"] == 5
    assert len(page["items"]) == 2
    assert page["next"] == "http://testserver/api/v1/articles/?limit=2&offset=4&fields=title"
    assert page["previous"].endswith("offset=0&fields=title") or "offset=0" in page["previous"]
    last = get(client, page["next"].replace("http://testserver", ""))
    assert last["next"] is None and len(last["items"]) == 1


def test_fields_selects_what_each_article_carries(client, stories):
    data = get(client, f"{API}/articles/?fields=id,title")
    assert all(set(item) == {"id", "title"} for item in data["items"])
    response = client.get(f"{API}/articles/?fields=title,email", HTTP_ACCEPT_LANGUAGE="vi")
    assert response.status_code == 400
    assert "Trường không hợp lệ: email" in response.json()["detail"]
    # Outside the language prefixes, errors follow the client's Accept-Language.
    response = client.get(f"{API}/articles/?fields=title,email", HTTP_ACCEPT_LANGUAGE="en")
    assert "Unknown field(s): email" in response.json()["detail"]


def test_article_detail_has_the_body_and_404s_for_unknown_ids(client, stories):
    politics, _ = stories
    data = get(client, f"{API}/articles/{politics.pk}/")
    assert data["title"] == politics.title
    assert "body_html" in data
    assert client.get(f"{API}/articles/999999/").status_code == 404


def test_sections_topics_and_search(client, news_site, stories, english_edition):
    politics, _ = stories
    sections = get(client, f"{API}/sections/?locale=vi")
    assert [section["slug"] for section in sections] == [
        "tin-tuc-chinh-tri",
        "kinh-te",
        "van-hoa-du-lich",
        "video",
    ]
    assert [section["title"] for section in get(client, f"{API}/sections/?locale=en")] == [
        "News - Politics"
    ]
    topics = get(client, f"{API}/topics/")
    assert [topic["title"] for topic in topics] == ["Điện Biên – Saint Petersburg"]
    found = get(client, f"{API}/search/?q=Petersburg&fields=id,title")
    assert found["items"] == [{"id": politics.pk, "title": politics.title}]


def test_search_reads_queries_as_the_search_page_does(client, stories):
    politics, _ = stories
    accented = get(client, f"{API}/search/?q=Trần Quốc Cường&locale=vi&fields=id")
    unaccented = get(client, f"{API}/search/?q=TRAN QUOC CUONG&locale=vi&fields=id")
    assert {"id": politics.pk} in accented["items"]
    assert unaccented["items"] == accented["items"]
    for hostile in ('<"', "NEAR(a b", "* OR '", "!!!"):
        response = client.get(f"{API}/search/", {"q": hostile})
        assert response.status_code == 200, hostile


def test_nothing_unpublished_or_private_appears_in_any_endpoint(client, news_site, stories):
    draft = news_site.article("news", title="Bản nháp Petersburg", publish=False, tags=["Nháp"])
    private = news_site.article("news", title="Tin nội bộ Petersburg", tags=["Nháp"])
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    withdrawn = news_site.article("news", title="Tin đã gỡ Petersburg", tags=["Nháp"])
    withdrawn.unpublish()
    hidden_section = news_site.sections["culture"]
    hidden_section.unpublish()
    ArticlePage.objects.filter(pk=draft.pk).update(title=draft.title)
    bodies = [
        client.get(f"{API}/{path}").content.decode()
        for path in (
            "articles/?limit=100",
            "articles/?tag=nhap",
            "search/?q=Petersburg",
            "sections/",
            "topics/",
        )
    ]
    for hidden in (draft, private, withdrawn):
        assert client.get(f"{API}/articles/{hidden.pk}/").status_code == 404
        assert all(json.dumps(hidden.title)[1:-1] not in body for body in bodies)
        assert all(hidden.title not in body for body in bodies)
    assert all("van-hoa-du-lich" not in body for body in bodies)
    assert client.get(f"{API}/sections/{hidden_section.pk}/").status_code == 404


def test_schema_has_no_email_field_anywhere(client, db):
    schema = get(client, f"{API}/openapi.json")
    text = json.dumps(schema["components"]["schemas"]).lower()
    assert "email" not in text
    assert "comment" not in text


def test_unchanged_listing_answers_304_to_etag_and_last_modified(
    client, stories, django_capture_on_commit_callbacks
):
    response = client.get(f"{API}/articles/")
    # Browsers re-check after a minute; the page cache and the proxy keep it until a purge.
    assert response["Cache-Control"] == "public, max-age=60, s-maxage=300"
    etag, modified = response["ETag"], response["Last-Modified"]
    assert client.get(f"{API}/articles/", HTTP_IF_NONE_MATCH=etag).status_code == 304
    assert client.get(f"{API}/articles/", HTTP_IF_MODIFIED_SINCE=modified).status_code == 304
    with django_capture_on_commit_callbacks(execute=True):  # the purge follows the commit
        stories[1].unpublish()
    changed = client.get(f"{API}/articles/", HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200
    assert changed["ETag"] != etag


def test_any_origin_may_read_but_not_write(client, stories):
    response = client.get(f"{API}/articles/", HTTP_ORIGIN="https://app.example.org")
    assert response["Access-Control-Allow-Origin"] == "*"
    preflight = client.options(
        f"{API}/articles/",
        HTTP_ORIGIN="https://app.example.org",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="if-none-match",
    )
    assert "GET" in preflight["Access-Control-Allow-Methods"]
    assert "POST" not in preflight["Access-Control-Allow-Methods"]
    assert (
        client.get("/vi/", HTTP_ORIGIN="https://app.example.org").get("Access-Control-Allow-Origin")
        is None
    )


def test_nul_in_a_query_parameter_is_a_clear_client_error(client, stories):
    response = client.get(f"{API}/search/?q=Đi%00ện")
    assert response.status_code == 400
    assert "NUL" in response.json()["detail"]


def test_article_listing_costs_the_same_queries_for_two_or_ten_articles(client, news_site):
    def count():
        client.get(f"{API}/articles/")  # site root paths and settings are cached on first use
        with CaptureQueriesContext(connection) as captured:
            assert (
                client.get(f"{API}/articles/?fields=id,title,section,tags,topics").status_code
                == 200
            )
        return len(captured.captured_queries)

    for number in range(2):
        news_site.article("news", tags=[f"Chủ đề {number}"])
    few = count()
    for number in range(8):
        news_site.article("business", tags=[f"Chủ đề {number}"])
    assert count() == few
