"""Article text, metadata and captioned photos out of a portal's page, via trafilatura.

trafilatura finds the article and drops the page furniture (menus, rails, comment forms,
share bars, footers); this module only adapts its output to what an article needs: the
portal's <figure> captions are handed to it as image titles (it keeps titles, not
figcaptions), the opening "ĐBP - " is split into dateline and lead, and the portal's own
closing "Nguồn: …" line is kept apart because the article shows its own "Source:" link.
"""

import re
from dataclasses import dataclass, field
from datetime import datetime
from urllib.parse import urljoin

import lxml.etree
import lxml.html
import trafilatura
from django.utils.translation import gettext as _

from .dates import published_at
from .encoding import check_not_garbled

DATELINE = re.compile(r"^([A-ZĐ][A-ZĐ.]{1,11})\s*[-–—]\s+(?=\S)")
SOURCE_LINE = re.compile(r"^(Nguồn|Theo|Source)\s*:?\s+\S", re.IGNORECASE)
PHOTO_CREDIT = re.compile(r"[\s(]*(\(?\s*Ảnh\s*:\s*[^()]+?)\)?\s*$")


class ExtractionError(Exception):
    pass


# C0 control characters other than tab, line feed and carriage return are text on no page;
# lxml's HTML parser keeps them even inside a tag's name (`<A\x01>`), which the XML that
# trafilatura makes of the tree then refuses.
CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")


def parse_html(html: str):
    """The page's element tree, or None for a page with no markup at all.

    Parsed as UTF-8 bytes: lxml refuses a str that keeps its XML declaration (`<?xml
    version="1.0" encoding="utf-8"?>`, common on XHTML portals). A parser per call, as lxml
    parsers must not be shared between threads.
    """
    parser = lxml.html.HTMLParser(encoding="utf-8")
    html = CONTROL_CHARACTERS.sub("", html)
    try:
        return lxml.html.fromstring(html.encode("utf-8", errors="replace"), parser=parser)
    except lxml.etree.ParserError:  # "Document is empty"
        return None


@dataclass
class Photo:
    src: str
    caption: str = ""
    credit: str = ""


@dataclass
class Extracted:
    url: str
    canonical_url: str
    title: str
    lead: str = ""
    dateline: str = ""
    author: str = ""
    published_at: datetime | None = None
    # ("paragraph", text) | ("heading", text) | ("image", Photo), in reading order.
    blocks: list = field(default_factory=list)
    source_line: str = ""

    @property
    def photos(self) -> list[Photo]:
        return [value for kind, value in self.blocks if kind == "image"]

    @property
    def text(self) -> str:
        """Headline, lead and body as plain text: what near-duplicate detection compares."""
        parts = [self.title, self.lead]
        parts += [value for kind, value in self.blocks if kind != "image"]
        return "\n".join(part for part in parts if part)


def extract_article(html: str, *, url: str) -> Extracted:
    tree = parse_html(html)
    if tree is None:
        raise ExtractionError(_("The page is empty."))
    _captions_as_titles(tree)
    page_text = " ".join(tree.text_content().split())
    try:
        result = trafilatura.extract(
            tree,
            url=url,
            output_format="xml",
            with_metadata=True,
            include_images=True,
            include_comments=False,
            include_tables=False,
            favor_precision=True,
            # Markup only: a full-text search picks up the dates of the "recent news" rail.
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except lxml.etree.XMLSyntaxError:  # markup its own XML step cannot read back
        result = None
    if not result:
        raise ExtractionError(_("No article text was found on the page."))
    doc = lxml.etree.fromstring(result.encode("utf-8"))
    main = doc.find("main")
    title = (doc.get("title") or "").strip()
    extracted = Extracted(
        url=url,
        canonical_url=urljoin(url, doc.get("url") or url),
        title=title,
        author=(doc.get("author") or "").strip(),
        published_at=published_at(
            page_day=_day(doc.get("date")), near_headline=_after(page_text, title), url=url
        ),
        blocks=_blocks(main, base_url=url, title=title),
    )
    _split_lead(extracted)
    if not extracted.title or not extracted.lead:
        raise ExtractionError(_("The page has no headline or no article text."))
    check_not_garbled(extracted.text)
    return extracted


def _captions_as_titles(tree):
    for figure in tree.iter("figure"):
        caption = figure.find(".//figcaption")
        image = figure.find(".//img")
        if caption is not None and image is not None:
            image.set("title", " ".join(caption.text_content().split()))
            caption.drop_tree()


def _after(text: str, headline: str, length: int = 400) -> str:
    """The text that follows the headline, where portals print the date."""
    start = text.find(headline) if headline else -1
    return text[start + len(headline) : start + len(headline) + length] if start >= 0 else ""


def _day(value):
    if not value:
        return None
    try:
        return datetime.strptime(value[:10], "%Y-%m-%d").date()
    except ValueError:
        return None


def _blocks(main, *, base_url: str, title: str) -> list:
    blocks = []
    for element in main if main is not None else ():
        if element.tag == "graphic":
            src = element.get("src")
            if src:
                caption = element.get("title") or element.get("alt") or ""
                blocks.append(("image", _photo(urljoin(base_url, src), caption)))
            continue
        text = " ".join("".join(element.itertext()).split())
        if not text or (element.tag == "head" and text == title and not blocks):
            continue
        blocks.append(("heading" if element.tag == "head" else "paragraph", text))
    return blocks


def _photo(src: str, caption: str) -> Photo:
    caption = " ".join(caption.split())
    match = PHOTO_CREDIT.search(caption)
    if match:
        return Photo(src=src, caption=caption[: match.start()].strip(), credit=match.group(1))
    return Photo(src=src, caption=caption)


def _split_lead(extracted: Extracted):
    blocks = extracted.blocks
    while blocks and blocks[-1][0] == "paragraph" and SOURCE_LINE.match(blocks[-1][1]):
        if len(blocks[-1][1]) > 160:
            break
        extracted.source_line = blocks.pop()[1]
    for index, (kind, value) in enumerate(blocks):
        if kind == "paragraph":
            del blocks[index]
            match = DATELINE.match(value)
            if match:
                extracted.dateline = match.group(1)
                value = value[match.end() :]
            extracted.lead = value
            return
