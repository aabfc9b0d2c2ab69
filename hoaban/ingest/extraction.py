"""Article text, metadata and captioned photos out of a portal's page, via trafilatura.

trafilatura finds the article and drops the page furniture (menus, rails, comment forms,
share bars, footers); this module only adapts its output to what an article needs: the
portal's <figure> captions are handed to it as image titles (it keeps titles, not
figcaptions), the opening "ĐBP - " is split into dateline and lead, and the portal's own
closing "Nguồn: …" line is kept apart because the article shows its own "Source:" link.
"""

import contextlib
import re
from dataclasses import dataclass, field
from datetime import datetime
from urllib.parse import urljoin

import lxml.etree
import lxml.html
import trafilatura
from django.utils.translation import gettext as _
from htmldate import find_date
from trafilatura import metadata as page_metadata

from . import attribution, completeness
from .attribution import Origin
from .dates import is_date_line, published_at
from .encoding import check_not_garbled

DATELINE = re.compile(r"^([A-ZĐ][A-ZĐ.]{1,11})\s*[-–—]\s+(?=\S)")
CAPTION_CLASS = re.compile(r"caption|credit|image_desc|img_desc|photo_desc", re.IGNORECASE)
SECOND_LOOK_SHARE = 0.5
CAPTION_XPATH = (
    "//body//*[@class]["
    + " or ".join(f"contains(@class, '{word}')" for word in ("aption", "redit", "_desc"))
    + "]"
)
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
    # Comments go: trafilatura's own parser drops them, and a paragraph holding one
    # (`<p>…<!-- -->…</p>`) is otherwise lost whole.
    parser = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True)
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
    # Where the date was read (dates.DateBasis): "url" is a guess the editor is told about.
    date_basis: str = ""
    # ("paragraph", text) | ("heading", text) | ("image", Photo), in reading order.
    blocks: list = field(default_factory=list)
    source_line: str = ""
    # The outlet the page names, with a link, as the story's source: it is a republication.
    origin: Origin | None = None
    # Why the text may be incomplete (completeness.doubt), or "".
    incomplete: str = ""

    @property
    def photos(self) -> list[Photo]:
        return [value for kind, value in self.blocks if kind == "image"]

    @property
    def story_url(self) -> str:
        """The story's own address: the original's when the page republishes it."""
        return self.origin.url if self.origin else self.canonical_url

    @property
    def body_text(self) -> str:
        """Lead and body as plain text, as the draft prints them."""
        parts = [self.lead] + [value for kind, value in self.blocks if kind != "image"]
        return "\n".join(part for part in parts if part)

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
    page_text = tree.text_content()
    # Read before trafilatura, which works on a copy of the tree: the page's links, emphasis
    # and paragraphs, and its metadata.
    source_links = attribution.source_links(tree, base_url=url, page_text=page_text)
    set_apart = attribution.set_apart_names(tree)
    main_block, page_words = completeness.main_text_block(tree)
    meta = _metadata(tree, url=url)
    document = trafilatura.bare_extraction(
        tree,
        url=url,
        include_images=True,
        include_comments=False,
        include_tables=True,
        favor_precision=True,
    )
    if document is None or document.body is None or not len(document.body):
        raise ExtractionError(_("No article text was found on the page."))
    title = (meta.title or "").strip()
    date, date_basis = published_at(
        page_day=_day(meta.date), near_headline=_after(page_text, title), url=url
    )
    blocks = _blocks(document.body, base_url=url, title=title)
    if _words(blocks) < SECOND_LOOK_SHARE * page_words:
        blocks = _second_look(tree, url=url, title=title, first=blocks)
    extracted = Extracted(
        url=url,
        canonical_url=urljoin(url, meta.url or url),
        title=title,
        published_at=date,
        date_basis=date_basis,
        blocks=blocks,
    )
    _take_credits(extracted, source_links=source_links, set_apart=set_apart)
    if not extracted.author:
        extracted.author = (meta.author or page_metadata.extract_author(tree) or "").strip()
    if not extracted.author and main_block is not None:
        # A name set apart at the end of the article, which trafilatura dropped with its line.
        closing = [text for text, e in set_apart.items() if main_block in e.iterancestors()]
        extracted.author = closing[-1] if closing else ""
    _split_lead(extracted)
    if not extracted.title or not extracted.lead:
        raise ExtractionError(_("The page has no headline or no article text."))
    check_not_garbled(extracted.text)
    lines = [extracted.lead] + [value for kind, value in extracted.blocks if kind == "paragraph"]
    extracted.incomplete = completeness.doubt(
        html=html,
        last_line=lines[-1],
        kept_words=completeness.words(extracted.body_text),
        page_words=page_words,
    )
    return extracted


def _metadata(tree, *, url: str):
    """Headline, canonical address, date and the author the page's metadata give.

    What trafilatura's `with_metadata` reads for these, without the rest it reads (site name,
    categories, tags, licence: 8 % of a page's time) and with the author searched in
    the page's text only when no byline line named one (see extract_article).
    """
    meta = page_metadata.examine_meta(tree)
    if meta.author and " " not in meta.author:
        meta.author = None  # a one-word "author" in a meta tag is a handle or a site name
    # trafilatura's JSON-LD reader fails on odd but harmless data; its own caller ignores that.
    with contextlib.suppress(Exception):
        meta = page_metadata.extract_meta_json(tree, meta)
    meta.title = meta.title or page_metadata.extract_title(tree)
    meta.url = meta.url or page_metadata.extract_url(tree, url)
    # Markup only: a full-text search picks up the dates of the "recent news" rail.
    meta.date = find_date(tree, url=meta.url, extensive_search=False, original_date=True)
    return meta


def _words(blocks) -> int:
    return sum(completeness.words(value) for kind, value in blocks if kind != "image")


def _second_look(tree, *, url: str, title: str, first: list) -> list:
    """Blocks read again favouring recall, for a page where the precise reading kept under
    half of the page's main text block; kept if they hold more text."""
    document = trafilatura.bare_extraction(
        tree,
        url=url,
        include_images=True,
        include_comments=False,
        include_tables=True,
        favor_recall=True,
    )
    if document is None or document.body is None:
        return first
    blocks = _blocks(document.body, base_url=url, title=title)
    return blocks if _words(blocks) > _words(first) else first


def _captions_as_titles(tree):
    """Captions become their photo's title, and leave the text.

    A <figcaption>, or an element whose class names it a caption (WordPress's
    `wp-caption-text`, `PhotoCMS_Caption`, `image_desc`, a gallery's photo credit), is the
    caption of the photo nearest to it; left in place, trafilatura keeps it as a paragraph
    of the article beside the photo, often several times over.
    """
    for figure in tree.iter("figure"):
        caption = figure.find(".//figcaption")
        image = figure.find(".//img")
        if caption is not None and image is not None:
            image.set("title", " ".join(caption.text_content().split()))
            caption.drop_tree()
    for element in tree.xpath(CAPTION_XPATH):
        if not CAPTION_CLASS.search(element.get("class")) or element.find(".//img") is not None:
            continue
        image = _nearest_image(element)
        if image is None:
            continue
        if not image.get("title"):
            image.set("title", " ".join(element.text_content().split()))
        element.drop_tree()


def _nearest_image(element, levels: int = 3):
    for ancestor in list(element.iterancestors())[:levels]:
        image = ancestor.find(".//img")
        if image is not None:
            return image
    return None


def _after(text: str, headline: str, length: int = 400) -> str:
    """The text that follows the headline, where portals print the date, with its spaces
    collapsed (the headline is found whatever spaces the page puts between its words)."""
    words = headline.split()
    if not words:
        return ""
    found = re.search(r"\s+".join(map(re.escape, words)), text)
    if found is None:
        return ""
    # Enough of the page's own text to hold `length` characters once spaces are collapsed.
    following = text[found.end() : found.end() + 10 * length]
    return " ".join(following.split())[:length]


def _day(value):
    if not value:
        return None
    try:
        return datetime.strptime(value[:10], "%Y-%m-%d").date()
    except ValueError:
        return None


# Elements of trafilatura's XML that start a line of their own; <lb/> ends one.
BLOCK_TAGS = {"p", "head", "list", "item", "quote", "code", "table", "row", "cell", "div"}


def _blocks(main, *, base_url: str, title: str) -> list:
    """Paragraphs, headings and photos of trafilatura's <main>, in reading order.

    Every piece of text counts, the tails after elements included, and a <lb/> (a <br> on
    the page) ends a paragraph rather than gluing its two lines into one word.
    """
    blocks, line = [], []

    def end_line(kind="paragraph"):
        text = " ".join("".join(line).split())
        line.clear()
        if not text or text == base_url:
            return  # the page's own address, printed in its print header
        if kind == "heading" and title.startswith(text):
            return  # the headline again, often after a table the extractor read first
        if is_date_line(text):
            return  # the printed date, read into published_at

        blocks.append((kind, text))

    def walk(element):
        if element.text:
            line.append(element.text)
        for child in element:
            if child.tag == "graphic":
                end_line()
                src = child.get("src")
                if src:
                    caption = child.get("title") or child.get("alt") or ""
                    blocks.append(("image", _photo(urljoin(base_url, src), caption)))
            elif child.tag == "lb":
                end_line()
            elif child.tag == "head":
                end_line()
                walk(child)
                end_line("heading")
            elif child.tag == "row" and _inline_row(child):
                end_line()
                line.append(" | ".join(" ".join("".join(c.itertext()).split()) for c in child))
                end_line()
            elif child.tag in BLOCK_TAGS:
                end_line()
                walk(child)
                end_line()
            else:
                walk(child)
            if child.tail:
                line.append(child.tail)

    if main is not None:
        walk(main)
        end_line()
    return blocks


def _inline_row(row) -> bool:
    """A row of a data table (cells of plain text), printed as one line."""
    return len(row) > 1 and not any(
        grandchild.tag in BLOCK_TAGS | {"lb", "graphic", "head"}
        for cell in row
        for grandchild in cell.iter()
        if grandchild is not cell
    )


def _photo(src: str, caption: str) -> Photo:
    caption = " ".join(caption.split())
    match = PHOTO_CREDIT.search(caption)
    if match:
        return Photo(src=src, caption=caption[: match.start()].strip(), credit=match.group(1))
    return Photo(src=src, caption=caption)


def _take_credits(extracted: Extracted, *, source_links: dict, set_apart: dict):
    """Byline and source lines leave the body: the closing ones, and a "By …" opening it."""
    blocks = extracted.blocks
    credit = ""
    while blocks and blocks[-1][0] == "paragraph":
        text = blocks[-1][1]
        if attribution.is_source_line(text):
            extracted.source_line = extracted.source_line or text
            extracted.origin = extracted.origin or source_links.get(text)
        elif not credit and (found := attribution.byline(text, set_apart=set_apart)):
            credit = found
        else:
            break
        blocks.pop()
    first = next((i for i, (kind, _v) in enumerate(blocks) if kind == "paragraph"), None)
    if not credit and first is not None:
        credit = attribution.byline(blocks[first][1], set_apart=set())
        if credit:
            del blocks[first]
    if credit:
        extracted.author = credit
    if extracted.origin is None and source_links:
        # trafilatura often drops the closing "Nguồn:" line; the page's last one is the story's.
        extracted.origin = list(source_links.values())[-1]


def _split_lead(extracted: Extracted):
    blocks = extracted.blocks
    for index, (kind, value) in enumerate(blocks):
        if kind == "paragraph":
            del blocks[index]
            match = DATELINE.match(value)
            if match:
                extracted.dateline = match.group(1)
                value = value[match.end() :]
            extracted.lead = value
            return
