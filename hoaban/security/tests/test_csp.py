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


def test_a_view_that_alters_its_policy_still_gets_its_own_header(rf):
    from csp.decorators import csp_update
    from django.http import HttpResponse

    from hoaban.security.csp import SitePolicyMiddleware

    @csp_update({"img-src": ["https://anh.baodienbienphu.vn"]})
    def gallery(request):
        return HttpResponse("Ảnh Điện Biên")

    def plain(request):
        return HttpResponse("Tin Điện Biên")

    request = rf.get("/vi/")
    altered = SitePolicyMiddleware(gallery)(request)
    fixed = SitePolicyMiddleware(plain)(rf.get("/vi/"))

    assert (
        "https://anh.baodienbienphu.vn" in directives(altered["Content-Security-Policy"])["img-src"]
    )
    assert "https://anh.baodienbienphu.vn" not in fixed["Content-Security-Policy"]
    assert directives(fixed["Content-Security-Policy"])["script-src"] == ["'self'"]


def test_a_page_that_used_a_nonce_gets_it_in_its_header(rf, settings):
    from csp.constants import NONCE
    from django.http import HttpResponse

    from hoaban.security.csp import SitePolicyMiddleware

    def with_nonce(request):
        return HttpResponse(f"<script nonce='{request.csp_nonce}'></script>")

    directives_with_nonce = settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]
    settings.CONTENT_SECURITY_POLICY = {
        **settings.CONTENT_SECURITY_POLICY,
        "DIRECTIVES": {**directives_with_nonce, "script-src": ["'self'", NONCE]},
    }
    response = SitePolicyMiddleware(with_nonce)(rf.get("/vi/"))

    nonce = response.content.decode().split("'")[1]
    assert f"'nonce-{nonce}'" in directives(response["Content-Security-Policy"])["script-src"]
