"""Which articles a source offers now: entries of its feed, or links on its list page.

feedparser reads RSS 0.9x/1.0/2.0 and Atom alike. Its lenient parser salvages entries from
broken XML; a feed that is not well-formed is refused instead, because salvaged entries can be
silently incomplete, and a fix at the portal is what helps.
"""

import calendar
import re
import xml.sax
from dataclasses import dataclass, field
from datetime import UTC, datetime
from urllib.parse import urldefrag, urljoin

import feedparser
from django.utils.translation import gettext as _

from .dates import parse_vietnamese_datetime
from .encoding import decode_page
from .extraction import parse_html
from .fetching import Fetched, Fetcher


class DiscoveryError(Exception):
    pass


@dataclass
class Candidate:
    url: str
    title: str = ""
    published_at: datetime | None = None


@dataclass
class Listing:
    candidates: list[Candidate] = field(default_factory=list)
    not_modified: bool = False
    etag: str = ""
    last_modified: str = ""


def discover(source, fetcher: Fetcher) -> Listing:
    url = source.feed_url or source.list_url
    fetched = fetcher.get(url, etag=source.etag, last_modified=source.last_modified)
    if fetched.not_modified:
        return Listing(not_modified=True, etag=source.etag, last_modified=source.last_modified)
    if source.feed_url:
        candidates = parse_feed(fetched)
    else:
        candidates = parse_list_page(fetched, pattern=source.link_pattern)
    return Listing(
        candidates=candidates,
        etag=fetched.headers.get("etag", ""),
        last_modified=fetched.headers.get("last-modified", ""),
    )


def parse_feed(fetched: Fetched) -> list[Candidate]:
    try:
        parsed = feedparser.parse(
            fetched.content,
            response_headers={"content-type": fetched.headers.get("content-type", "")},
        )
    except ValueError as error:  # feedparser's charset sniffing trips over some binary junk
        raise DiscoveryError(_("This is not an RSS or Atom feed.")) from error
    # An empty body parses to no "version" key at all, where attribute access raises.
    if not parsed.get("version"):
        if _looks_like_html(fetched):
            raise DiscoveryError(
                _(
                    "The feed URL returned a web page, not a feed: check the address, or give "
                    "it as the list page with a link pattern."
                )
            )
        raise DiscoveryError(_("This is not an RSS or Atom feed."))
    if parsed.bozo and isinstance(parsed.bozo_exception, xml.sax.SAXException):
        raise DiscoveryError(
            _("The feed is not well-formed XML: %(error)s") % {"error": parsed.bozo_exception}
        )
    candidates, seen = [], set()
    for entry in parsed.entries:
        link = entry.get("link")
        if not link:
            continue
        url = _absolute(fetched.url, link)
        if not url or url in seen:
            continue
        seen.add(url)
        candidates.append(
            Candidate(url=url, title=entry.get("title", ""), published_at=_entry_date(entry))
        )
    return candidates


def _entry_date(entry) -> datetime | None:
    for key in ("published", "updated"):
        # Each key's own value: feedparser answers a missing `updated` with `published` (and
        # a deprecation warning), which was tried already.
        parsed = dict.get(entry, f"{key}_parsed")
        if parsed:
            return datetime.fromtimestamp(calendar.timegm(parsed), tz=UTC)
        text = dict.get(entry, key)
        if text:
            # Vietnamese portals often print "14/04/2025 08:30" where RFC 822 belongs.
            found = parse_vietnamese_datetime(text)
            if found:
                return found
    return None


def _looks_like_html(fetched: Fetched) -> bool:
    return fetched.content_type == "text/html" or b"<html" in fetched.content[:2048].lower()


def parse_list_page(fetched: Fetched, *, pattern: str) -> list[Candidate]:
    tree = parse_html(decode_page(fetched.content, fetched.headers.get("content-type", "")))
    if tree is None:
        raise DiscoveryError(_("The list page is empty."))
    base = tree.find(".//base[@href]")
    base_url = _absolute(fetched.url, base.get("href")) if base is not None else None
    matcher = re.compile(pattern)
    candidates, seen = [], set()
    for anchor in tree.iter("a"):
        url = _absolute(base_url or fetched.url, anchor.get("href", ""))
        if url and url not in seen and matcher.search(url):
            seen.add(url)
            candidates.append(Candidate(url=url, title=" ".join(anchor.text_content().split())))
    return candidates


def _absolute(base: str, link: str) -> str | None:
    """The link made absolute, without its fragment; None when it is no URL ("http://[x")."""
    try:
        return urldefrag(urljoin(base, link.strip())).url if link.strip() else None
    except ValueError:
        return None
