"""Arbitrary bytes and text through syndication's entry points: what a portal serves may be
anything, and each step either succeeds or raises its own error with a reason for the report
(the errors the pipeline records per item). Nothing else may escape."""

from pathlib import Path

import httpx
from hypothesis import example, given
from hypothesis import strategies as st

from hoaban.ingest.discovery import DiscoveryError, parse_feed, parse_list_page
from hoaban.ingest.encoding import EncodingError, decode_page
from hoaban.ingest.extraction import ExtractionError, extract_article
from hoaban.ingest.fetching import Fetched
from hoaban.ingest.pipeline import EXPECTED

FIXTURES = Path(__file__).resolve().parents[2] / "ingest" / "tests" / "fixtures"
ARTICLE = (
    FIXTURES / "baodienbienphu/chinh-tri/tang-cuong-hop-tac-voi-saint-petersburg-4030.html"
).read_bytes()
FEED = (FIXTURES / "baodienbienphu/atom.xml").read_bytes()
RSS = (FIXTURES / "dienbien/rss.xml").read_bytes()
URL = "http://portal.example/tin-tuc/bai-viet.html"
CONTENT_TYPES = st.sampled_from(
    [
        "",
        "text/html",
        "text/html; charset=utf-8",
        "text/html; charset=windows-1258",
        "text/html; charset=no-such-charset",
        "application/rss+xml; charset=utf-16",
        "application/atom+xml",
        "text/html; charset=",
    ]
)


def mangled(document: bytes):
    """A real document cut short, with bytes spliced in, or repeated: near misses find more
    than noise does."""
    return st.one_of(
        st.integers(0, len(document)).map(lambda end: document[:end]),
        st.tuples(st.integers(0, len(document)), st.binary(max_size=64)).map(
            lambda cut: document[: cut[0]] + cut[1] + document[cut[0] :]
        ),
    )


BYTES = st.one_of(st.binary(max_size=2000), mangled(ARTICLE), mangled(FEED), mangled(RSS))
TEXT = st.one_of(
    st.text(max_size=2000),
    BYTES.map(lambda data: data.decode("utf-8", errors="replace")),
    st.sampled_from(["", " ", "<?xml version='1.0' encoding='utf-8'?><html/>", "\x00", "<!-->"]),
)


def fetched(content: bytes, content_type: str) -> Fetched:
    headers = httpx.Headers({"content-type": content_type} if content_type else {})
    return Fetched(url=URL, status=200, content=content, headers=headers)


@given(content=BYTES, content_type=CONTENT_TYPES)
def test_decoding_any_bytes_gives_text_or_an_encoding_error(content, content_type):
    try:
        text = decode_page(content, content_type)
    except EncodingError:
        return
    assert isinstance(text, str)


@given(html=TEXT)
@example(html="")  # lxml: "Document is empty"
@example(html="<?xml version='1.0' encoding='utf-8'?><html><body><p>Tin</p></body></html>")
# A control character in a tag's name: trafilatura's XML step raised XMLSyntaxError.
@example(html=ARTICLE.decode().replace('<h1 class="news-title">', '<h1 class="news-title"><A\x01>'))
def test_extracting_any_page_gives_an_article_or_a_reason(html):
    try:
        article = extract_article(html, url=URL)
    except (ExtractionError, EncodingError) as error:
        assert str(error)
        return
    assert article.title and article.lead


@given(content=BYTES, content_type=CONTENT_TYPES)
@example(content=b"", content_type="")  # no "version" at all: was an AttributeError
@example(
    content=b"<rss version='2.0'><channel><item><link>http://[x</link></item></channel></rss>",
    content_type="application/rss+xml",
)
def test_parsing_any_feed_gives_entries_or_a_reason(content, content_type):
    try:
        candidates = parse_feed(fetched(content, content_type))
    except DiscoveryError as error:
        assert str(error)
        return
    assert all(candidate.url.startswith("http") for candidate in candidates)


@given(content=BYTES, content_type=CONTENT_TYPES)
@example(content=b"", content_type="text/html")
@example(content=b"<a href='/tin-tuc/\x01'>x</a><a href='http://[/tin-tuc/'>y</a>", content_type="")
def test_reading_any_list_page_gives_links_or_a_reason(content, content_type):
    try:
        parse_list_page(fetched(content, content_type), pattern=r"/tin-tuc/")
    except EXPECTED as error:
        assert str(error)
