"""What a real server sends an anonymous reader: nothing that keeps a page out of shared caches."""

import re
import urllib.request


def fetch(url):
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.status, response.headers, response.read().decode()


def test_article_and_front_page_set_no_cookie_and_do_not_vary_on_cookie(live_site):
    _, _, front = fetch(f"{live_site.base_url}/vi/")
    article_path = re.search(r'href="(/vi/[a-z0-9-]+/[a-z0-9-]+/)"', front).group(1)

    for path in ("/vi/", article_path):
        status, headers, _ = fetch(live_site.base_url + path)
        assert status == 200, path
        assert headers.get_all("Set-Cookie") is None, path
        assert "cookie" not in (headers.get("Vary") or "").lower(), path


def fetch_json(url):
    import json
    import urllib.error

    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.headers, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, error.headers, None


def test_an_unpublished_story_leaves_the_api_at_once_with_the_page_cache_on(live_site):
    (article_id,) = live_site.create_draft_articles(1, label="api")
    live_site.shell(
        "from hoaban.articles.models import ArticlePage\n"
        f"ArticlePage.objects.get(pk={article_id}).save_revision().publish()\n"
    )
    detail = f"{live_site.base_url}/api/v1/articles/{article_id}/"
    listing = f"{live_site.base_url}/api/v1/articles/"
    for url in (detail, listing):
        fetch_json(url)
        status, headers, _ = fetch_json(url)
        assert (status, headers["X-Page-Cache"]) == (200, "hit"), url
    count = fetch_json(listing)[2]["count"]

    live_site.shell(
        "from hoaban.articles.models import ArticlePage\n"
        f"ArticlePage.objects.get(pk={article_id}).unpublish()\n"
    )

    assert fetch_json(detail)[0] == 404
    assert fetch_json(listing)[2]["count"] == count - 1
