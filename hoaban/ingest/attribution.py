"""Who wrote an article and who published it first, as the page's own lines say.

Vietnamese portals close an article with its byline ("Bài, ảnh: Ngọc Thủy", "Ngọc Thủy
(TTXVN)", "Theo Báo Nhân Dân", or just the reporter's name in bold or right-aligned), and a
page that republishes another outlet's story names it: "Nguồn: <link to the original>". The
other editions write "By …" and "Автор: …". These lines are read into the draft's credit
and Source fields and taken out of the body.
"""

import re
from dataclasses import dataclass
from itertools import islice
from urllib.parse import urljoin, urlsplit

SOURCE_PREFIX = re.compile(r"^(?:Nguồn|Source|Источник)\s*:\s*(?=\S)", re.IGNORECASE)
BYLINES = [
    # "By Lan Anh", "Автор: Иван Петров": the name alone goes in the credit.
    re.compile(r"^(?:By|Автор\s*:)\s+(?P<name>[^.,;:!?]{3,60})$"),
    # "Bài, ảnh: Ngọc Thủy", "Bài và ảnh: …", "Tin, ảnh: …", "Bài: Hà Linh - Ảnh: Văn Tú"
    re.compile(r"^(?:Bài|Tin|Ảnh)(?:\s*(?:,|và)\s*(?:ảnh|bài))?\s*:\s*\S.{1,78}$"),
    # "Theo Báo Nhân Dân"; "Theo lãnh đạo xã, …" is a sentence ("according to …").
    re.compile(r"^Theo\s+[^,.;:!?]{2,60}$"),
    # "Ngọc Thủy (TTXVN)"
    re.compile(r"^(?:[A-ZÀ-ỸĐ][^\s()]*\s+){0,4}[A-ZÀ-ỸĐ][^\s()]*\s*\([^()]{2,30}\)$"),
]
# Elements a portal sets a closing name in: a paragraph right-aligned, or all in bold.
RIGHT_ALIGNED = re.compile(r"text-align\s*:\s*right", re.IGNORECASE)
FURNITURE = {"header", "nav", "footer", "aside", "form"}
SOURCE_WORDS = ("Nguồn", "Source", "Источник")
# contains() rather than starts-with(normalize-space()), which copies every text node of the
# page; the few nodes found are then checked for the word at their start.
SOURCE_TEXT_XPATH = (
    "//body//text()[" + " or ".join(f"contains(., '{word}')" for word in SOURCE_WORDS) + "]"
)
SET_APART_XPATH = (
    "//body//*[self::p or self::div or self::td]"
    "[@align or contains(@style, 'right') or b or strong]"
)
LINE_TAGS = {"p", "div", "span", "td", "li", "em", "i", "strong", "b", "address"}


@dataclass
class Origin:
    """The outlet a republished page names as its source."""

    name: str
    url: str


def _text(element) -> str:
    return " ".join(element.text_content().split())


def source_links(tree, *, base_url: str, page_text: str) -> dict[str, Origin]:
    """The page's "Nguồn: <a href=…>…</a>" lines outside its furniture, by their text, in
    the order of the page (`page_text`: all of its text, to skip a page without the words)."""
    found = {}
    if not any(word in page_text for word in SOURCE_WORDS):
        return found
    page = urlsplit(base_url)
    # From the text nodes that open with the word: most pages have hundreds of links.
    for node in tree.xpath(SOURCE_TEXT_XPATH):
        if not node.lstrip().startswith(SOURCE_WORDS):
            continue
        start = node.getparent()
        if start is not None and node.is_tail:
            start = start.getparent()
        # The nearest enclosing line with a link: "<p><b>Nguồn:</b> <a …>…</a></p>".
        lines = [e for e in islice(_self_and_ancestors(start), 4) if e.tag in LINE_TAGS]
        line, link = next(
            ((e, anchor) for e in lines if (anchor := e.find(".//a[@href]")) is not None),
            (None, None),
        )
        if link is None:
            continue
        href = link.get("href").strip()
        if any(e.tag in FURNITURE for e in line.iterancestors()):
            continue
        text = _text(line)
        if len(text) > 200 or not SOURCE_PREFIX.match(text):
            continue
        url = urljoin(base_url, href)
        parts = urlsplit(url)
        if parts.scheme not in {"http", "https"} or (parts.netloc, parts.path) == (
            page.netloc,
            page.path,
        ):
            continue
        name = _text(link) or SOURCE_PREFIX.sub("", text)
        if name.startswith(("http://", "https://")):
            name = parts.netloc.removeprefix("www.")
        found[text] = Origin(name=name[:200], url=url)
    return found


def _self_and_ancestors(element):
    if element is not None:
        yield element
        yield from element.iterancestors()


def set_apart_names(tree) -> dict:
    """Short lines printed right-aligned or wholly in bold, where portals put the byline:
    {text: element}, in the order of the page."""
    names = {}
    for element in tree.xpath(SET_APART_XPATH):
        right = element.get("align", "").lower() == "right" or RIGHT_ALIGNED.search(
            element.get("style", "")
        )
        bold = [child for child in element if child.tag in {"b", "strong"}]
        # Wholly in bold: one bold child with no text beside it (checked before the costlier
        # text of the element, as most paragraphs only set a few words in bold).
        all_bold = (
            len(bold) == 1 and not (element.text or "").strip() and not (bold[0].tail or "").strip()
        )
        if not (right or all_bold):
            continue
        text = _text(element)
        if not text or len(text) > 60 or len(text.split()) > 6:
            continue
        if (right or _text(bold[0]) == text) and _looks_like_a_name(text):
            names[text] = element
    return names


def _looks_like_a_name(text: str) -> bool:
    words = re.sub(r"\([^()]*\)", "", text).replace("-", " ").split()
    return 1 <= len(words) <= 5 and all(word[0].isupper() and word.isalpha() for word in words)


def byline(text: str, *, set_apart) -> str:
    """The credit a line gives, or "" when it is no byline."""
    if len(text) > 90:
        return ""
    for pattern in BYLINES:
        match = pattern.match(text)
        if match:
            return match.groupdict().get("name", text).strip()
    return text if text in set_apart else ""


def is_source_line(text: str) -> bool:
    return len(text) <= 160 and bool(SOURCE_PREFIX.match(text))
