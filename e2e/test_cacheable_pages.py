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
