"""What a client finds by exploring the API: an index, documents that work under the site's
CSP, and clear refusals of what it does not understand."""

import re

import pytest
from django.contrib.staticfiles import finders

API = "/api/v1"


@pytest.fixture
def story(news_site):
    return news_site.article("news", title="Điện Biên mở rộng hợp tác với Saint Petersburg")


def test_api_root_lists_its_endpoints_and_documents(client, settings, story):
    settings.HOABAN_PUBLIC_BASE_URL = "https://baodienbienphu.example"
    response = client.get(f"{API}/")
    assert response.status_code == 200
    index = response.json()
    assert index["openapi"] == "https://baodienbienphu.example/api/v1/openapi.json"
    assert index["docs"] == "https://baodienbienphu.example/api/v1/docs/"
    urls = {endpoint["url"] for endpoint in index["endpoints"]}
    assert "https://baodienbienphu.example/api/v1/articles/" in urls
    assert "https://baodienbienphu.example/api/v1/search/" in urls
    assert all(endpoint["summary"] for endpoint in index["endpoints"])


def test_docs_page_loads_swagger_ui_from_this_site_only(client, db):
    response = client.get(f"{API}/docs/")
    assert response.status_code == 200
    page = response.content.decode()
    assets = re.findall(r'(?:src|href)="([^"]+)"', page)
    assert "/static/api/swagger-ui/swagger-ui-bundle.js" in assets
    assert all(asset.startswith("/static/") for asset in assets), assets
    assert not re.search(r"<script>(?!\s*</script>)", page)  # nothing inline the CSP blocks
    for asset in assets:
        assert finders.find(asset.removeprefix("/static/")), asset
    # Swagger UI is vendored with its licence and notice beside the files the page loads.
    for name in ("LICENSE", "NOTICE", "swagger-ui-bundle.js.LICENSE.txt"):
        assert finders.find(f"api/swagger-ui/{name}"), name


def test_a_number_is_not_taken_for_a_date(client, story):
    response = client.get(f"{API}/articles/?until=0")
    assert response.status_code == 422
    assert "YYYY-MM-DD" in response.content.decode()
    assert client.get(f"{API}/articles/?until=2030-01-01").status_code == 200


def test_unknown_query_parameter_is_refused_with_the_known_ones(client, story):
    response = client.get(f"{API}/articles/?lang=ru")
    assert response.status_code == 400
    detail = response.json()["detail"]
    assert "Unknown query parameter(s): lang." in detail
    assert "locale" in detail
    response = client.get(f"{API}/topics/{story.pk}/?locale=vi")
    assert response.status_code == 400
    assert response.json()["detail"].endswith("This endpoint takes: site.")
    response = client.get(f"{API}/?locale=vi")
    assert response.status_code == 400
    assert "takes no query parameters" in response.json()["detail"]


def test_errors_are_in_english_unless_the_client_asks_for_a_language(client, story):
    response = client.get(f"{API}/articles/?fields=tieu_de")
    assert response.json()["detail"].startswith("Unknown field(s): tieu_de.")
    response = client.get(f"{API}/articles/?lang=ru", HTTP_ACCEPT_LANGUAGE="ru")
    assert response.json()["detail"].startswith("Неизвестные параметры запроса: lang.")
    assert "Accept-Language" in response["Vary"]


def test_openapi_document_describes_the_400s_and_the_field_names(client, db):
    schema = client.get(f"{API}/openapi.json").json()
    listing = schema["paths"][f"{API}/articles/"]["get"]
    assert "`fields`" in listing["responses"]["400"]["description"]
    assert "query parameter" in listing["responses"]["400"]["description"]
    fields = next(p for p in listing["parameters"] if p["name"] == "fields")
    assert "title" in fields["description"] and "400" in fields["description"]
    assert f"{API}/" in schema["paths"]
