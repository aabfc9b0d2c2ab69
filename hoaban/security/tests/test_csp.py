import pytest
from django.urls import reverse


def directives(header: str) -> dict[str, list[str]]:
    parts = (part.strip().split() for part in header.split(";") if part.strip())
    return {name: values for name, *values in parts}


def test_public_article_allows_only_scripts_served_by_the_site(client, news_site):
    article = news_site.article(title="Điện Biên đón đoàn đại biểu Saint Petersburg")
    response = client.get(article.url)
    assert response.status_code == 200
    policy = directives(response["Content-Security-Policy"])
    assert policy["script-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert "<script>" not in response.content.decode()


@pytest.mark.django_db
def test_admin_gets_its_own_policy_that_permits_wagtails_inline_scripts(client):
    response = client.get(reverse("wagtailadmin_login"))
    policy = directives(response["Content-Security-Policy"])
    assert "'unsafe-inline'" in policy["script-src"]
    assert policy["frame-ancestors"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
