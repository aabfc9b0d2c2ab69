from datetime import timedelta

import pytest
from django.utils import timezone

from hoaban.readership import store

pytestmark = pytest.mark.news_site_per_module


def read(article, views, hours_ago=0):
    store.add_counts(
        store.hour_of(timezone.now()) - timedelta(hours=hours_ago), {article.pk: views}
    )


def test_api_lists_an_editions_most_read_with_their_counts(client, news_site):
    visit = news_site.article("news", title="Đoàn Điện Biên thăm Saint Petersburg")
    festival = news_site.article("culture", title="Ngày hội Văn hóa các dân tộc lần thứ VIII")
    read(visit, 4)
    read(festival, 9, hours_ago=50)

    day = client.get("/api/v1/most-read/?locale=vi").json()
    week = client.get("/api/v1/most-read/?locale=vi&window=7d&fields=id,title,url,section").json()

    assert day["window"] == "24h" and day["section"] is None
    assert [(item["title"], item["reads"]) for item in day["items"]] == [
        ("Đoàn Điện Biên thăm Saint Petersburg", 4)
    ]
    assert day["items"][0]["lead"]
    assert [item["title"] for item in week["items"]] == [
        "Ngày hội Văn hóa các dân tộc lần thứ VIII",
        "Đoàn Điện Biên thăm Saint Petersburg",
    ]
    assert set(week["items"][0]) == {"id", "title", "url", "section", "reads"}
    assert week["items"][0]["section"]["slug"] == news_site.sections["culture"].slug


def test_api_section_rail_and_its_errors(client, news_site):
    article = news_site.article("business", title="Sản phẩm OCOP của Điện Biên")
    read(article, 2)
    slug = news_site.sections["business"].slug
    body = client.get(f"/api/v1/most-read/?locale=vi&section={slug}&limit=3").json()
    assert body["section"]["slug"] == slug
    assert [item["id"] for item in body["items"]] == [article.pk]

    assert client.get("/api/v1/most-read/?locale=vi&section=khong-co").status_code == 404
    assert client.get("/api/v1/most-read/?locale=vi&window=30d").status_code == 422
    assert client.get("/api/v1/most-read/").status_code == 422
    refused = client.get("/api/v1/most-read/?lang=vi&locale=vi")
    assert refused.status_code == 400 and "lang" in refused.json()["detail"]


def test_api_rail_is_publicly_cacheable_and_documented(client, news_site):
    response = client.get("/api/v1/most-read/?locale=vi")
    assert "public" in response["Cache-Control"]
    document = client.get("/api/v1/openapi.json").json()
    operation = document["paths"]["/api/v1/most-read/"]["get"]
    assert {p["name"] for p in operation["parameters"]} == {
        "locale",
        "section",
        "window",
        "limit",
        "site",
        "fields",
    }
    index = client.get("/api/v1/").json()
    assert any(e["url"].endswith("/api/v1/most-read/") for e in index["endpoints"])


def test_new_counts_are_never_answered_not_modified(client, news_site):
    article = news_site.article("news", title="Hợp tác y tế Điện Biên – Liên bang Nga")
    first = client.get("/api/v1/most-read/?locale=vi")
    assert "Last-Modified" not in first  # counts change without any publish
    same = client.get("/api/v1/most-read/?locale=vi", HTTP_IF_NONE_MATCH=first["ETag"])
    assert same.status_code == 304
    read(article, 1)
    changed = client.get(
        "/api/v1/most-read/?locale=vi",
        HTTP_IF_NONE_MATCH=first["ETag"],
        HTTP_IF_MODIFIED_SINCE="Mon, 07 Dec 2026 20:00:00 GMT",
    )
    assert changed.status_code == 200
    assert changed.json()["items"][0]["title"] == "Hợp tác y tế Điện Biên – Liên bang Nga"
