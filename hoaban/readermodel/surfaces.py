"""What a reader is served, read as the same facts the oracle gives: which known titles a page
lists, and on an article its title, byline, caption, tags and comments. Markup matters only
to find the page's own content: the <main> element without its rails (the "recent news" list
and related stories, which may lag by design; docs/caching.md)."""

import html
import json
import re
import xml.etree.ElementTree as ElementTree
from collections.abc import Callable
from urllib.parse import urlsplit

from . import site

# fetch(url) -> (status, body): the test client or HTTP through a proxy.
Fetch = Callable[[str], tuple[int, str]]

_MAIN = re.compile(r"<main\b.*?</main>", re.S)
_RAILS = re.compile(
    r"<aside\b.*?</aside>|<section class=\"related\".*?</section>|<(script|style)\b.*?</\1>",
    re.S,
)
_HIGHLIGHT = re.compile(r"</?mark\b[^>]*>")
_TAG = re.compile(r"<[^>]+>")
_ATOM = "{http://www.w3.org/2005/Atom}"
_SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"

PEOPLE = [name for names in site.PERSON_NAMES for name in names]
TAGS = [name for editions in site.TAG_NAMES.values() for names in editions for name in names]
CAPTIONS = [caption for captions in site.CAPTIONS.values() for caption in captions]
COMMENTS = [site.comment_body(number) for number in range(len(site.ARTICLES))]


def page_text(body: str) -> str:
    """The words of the page's own content, tags taken out."""
    found = _MAIN.search(body)
    content = _RAILS.sub("", found.group(0) if found else body)
    return html.unescape(_TAG.sub("\n", _HIGHLIGHT.sub("", content)))


def shown(phrases, text: str) -> list[str]:
    """The phrases the text shows as whole words."""
    return sorted(
        phrase for phrase in set(phrases) if re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", text)
    )


# A listing that is not served (a tag no reader may see, a private section's feed) shows no
# article, as an empty one does: both are compared as [].


def _listing(fetch: Fetch, url: str, titles) -> list[str]:
    status, body = fetch(url)
    return shown(titles, page_text(body)) if status == 200 else []


def _feed(fetch: Fetch, url: str) -> list[str]:
    status, body = fetch(url)
    if status != 200:
        return []
    root = ElementTree.fromstring(body.encode())
    items = root.findall("./channel/item/title") or root.findall(f"./{_ATOM}entry/{_ATOM}title")
    return sorted(item.text or "" for item in items)


def _api_list(fetch: Fetch, url: str) -> list[str]:
    status, body = fetch(url)
    return sorted(item["title"] for item in json.loads(body)["items"]) if status == 200 else []


def _api_detail(fetch: Fetch, article_id: int) -> str | None:
    status, body = fetch(f"/api/v1/articles/{article_id}/")
    return json.loads(body)["title"] if status == 200 else None


def _local(url: str) -> str:
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def _sitemap(fetch: Fetch, paths) -> list[str]:
    status, body = fetch("/sitemap.xml")
    assert status == 200, f"/sitemap.xml answered {status}"
    found = set()
    for sitemap in ElementTree.fromstring(body.encode()).iter(f"{_SITEMAP}loc"):
        status, part = fetch(_local(sitemap.text))
        assert status == 200, f"{sitemap.text} answered {status}"
        found |= {
            _local(loc.text) for loc in ElementTree.fromstring(part.encode()).iter(f"{_SITEMAP}loc")
        }
    return sorted(found & set(paths))


def _article_expected(article) -> dict | None:
    if not article["visible"]:
        return None
    return {
        "title": [article["title"]],
        "byline": [article["byline"]] if article["byline"] else [],
        "caption": [article["caption"]] if article["caption"] else [],
        "tags": article["tags"],
        "comments": article["comments"],
    }


def _article_served(fetch: Fetch, path: str, article) -> dict | None:
    status, body = fetch(path)
    text = page_text(body) if status == 200 else ""
    titles = shown(article["titles"], text)
    if not titles:
        return None
    return {
        "title": titles,
        "byline": shown(PEOPLE, text),
        "caption": shown(CAPTIONS, text),
        "tags": shown(TAGS, text),
        "comments": shown(COMMENTS, text),
    }


def differences(fetch: Fetch, oracle: dict, old_paths: dict[int, set[str]]) -> list[str]:
    """Every fact a reader is served that differs from the oracle's, one line each.
    `old_paths` holds the addresses each article had earlier, where it must no longer show."""
    found = []

    def compare(surface: str, expected, served) -> None:
        if isinstance(expected, dict) and "at least" in expected:  # a listing with leeway
            agrees = set(expected["at least"]) <= set(served) <= set(expected["at most"])
        else:
            agrees = expected == served
        if not agrees:
            found.append(f"{surface}: expected {expected!r}, served {served!r}")

    articles = oracle["articles"]
    titles = {title for article in articles for title in article["titles"]}
    for article in articles:
        compare(
            article["path"],
            _article_expected(article),
            _article_served(fetch, article["path"], article),
        )
        for path in sorted(old_paths.get(article["id"], set()) - {article["path"]}):
            compare(f"{path} (earlier address)", None, _article_served(fetch, path, article))
        compare(
            f"/api/v1/articles/{article['id']}/",
            article["title"],
            _api_detail(fetch, article["id"]),
        )
    for url, expected in {**oracle["html"], **oracle["search"]}.items():
        compare(url, expected, _listing(fetch, url, titles))
    for url, expected in oracle["feeds"].items():
        compare(url, expected, _feed(fetch, url))
    for url, expected in oracle["api_list"].items():
        compare(url, expected, _api_list(fetch, url))
    paths = {article["path"] for article in articles} | set().union(*old_paths.values())
    compare("sitemaps", oracle["sitemap"], _sitemap(fetch, paths))
    return found
