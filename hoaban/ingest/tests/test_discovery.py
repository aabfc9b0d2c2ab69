from datetime import UTC, datetime
from types import SimpleNamespace

import httpx
import pytest

from hoaban.ingest.discovery import DiscoveryError, discover, parse_feed
from hoaban.ingest.fetching import Fetched, Fetcher


def source(**fields):
    values = {"feed_url": "", "list_url": "", "link_pattern": "", "etag": "", "last_modified": ""}
    return SimpleNamespace(**{**values, **fields})


@pytest.fixture
def fetcher():
    with Fetcher() as client:
        yield client


def test_rss_2_feed_lists_its_items_with_dates(portal, fetcher):
    listing = discover(source(feed_url=portal.url("dienbien/rss.xml")), fetcher)
    first = listing.candidates[0]
    assert len(listing.candidates) == 10
    assert first.url == portal.url(
        "dienbien/tin-tuc/dien-bien-tang-cuong-hop-tac-voi-saint-petersburg-1203.html"
    )
    assert first.published_at == datetime(2025, 3, 13, 9, 45, tzinfo=UTC)
    assert listing.etag


def test_atom_feed_resolves_relative_links(portal, fetcher):
    listing = discover(source(feed_url=portal.url("baodienbienphu/atom.xml")), fetcher)
    assert [candidate.url for candidate in listing.candidates] == [
        portal.url("baodienbienphu/kinh-te/tin-dung-uu-dai-giup-ho-ngheo-4021.html"),
        portal.url("baodienbienphu/chinh-tri/tang-cuong-hop-tac-voi-saint-petersburg-4030.html"),
    ]


def test_rss_1_feed_reads_dublin_core_dates(portal, fetcher):
    listing = discover(source(feed_url=portal.url("vanhoa/rss10.rdf")), fetcher)
    assert [candidate.title for candidate in listing.candidates] == [
        "Phục hưng nghề truyền thống như một di sản văn hóa"
    ]
    assert listing.candidates[0].published_at == datetime(2025, 4, 20, 0, 30, tzinfo=UTC)


def test_list_page_yields_only_links_matching_the_pattern_once_each(portal, fetcher):
    listing = discover(
        source(list_url=portal.url("muongcha/tin-tuc.html"), link_pattern=r"/bai-viet/\d+-"),
        fetcher,
    )
    assert [candidate.url for candidate in listing.candidates] == [
        portal.url("muongcha/bai-viet/101-binh-dang-gioi.html"),
        portal.url("muongcha/bai-viet/102-trai-he-tim-ve-coi-nguon.html"),
    ]


def test_unchanged_feed_is_not_modified_on_the_next_run(portal, fetcher):
    first = discover(source(feed_url=portal.url("dienbien/rss.xml")), fetcher)
    again = discover(source(feed_url=portal.url("dienbien/rss.xml"), etag=first.etag), fetcher)
    assert again.not_modified and again.candidates == []


def test_feed_that_is_not_well_formed_xml_is_refused(portal, fetcher):
    with pytest.raises(DiscoveryError, match="not well-formed"):
        discover(source(feed_url=portal.url("broken/rss.xml")), fetcher)


def test_feed_address_that_serves_a_web_page_is_refused_with_advice(portal, fetcher):
    with pytest.raises(DiscoveryError, match="không phải kênh tin"):
        discover(source(feed_url=portal.url("muongcha/tin-tuc.html")), fetcher)


@pytest.mark.filterwarnings("error::DeprecationWarning")
def test_dates_portals_print_their_own_way_are_read_and_unreadable_ones_left_out():
    feed = """<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Tin</title>
    <item><title>Lễ hội Hoa Ban 2025</title><link>https://dienbien.example/hoa-ban.html</link>
    <pubDate>14/04/2025 08:30</pubDate></item>
    <item><title>Mường Phăng đón khách</title><link>https://dienbien.example/muong-phang.html</link>
    <pubDate>chưa rõ ngày</pubDate></item></channel></rss>"""
    fetched = Fetched(
        url="https://dienbien.example/rss.xml",
        status=200,
        content=feed.encode(),
        headers=httpx.Headers({"content-type": "application/rss+xml"}),
    )
    dated, undated = parse_feed(fetched)
    assert dated.published_at is not None
    assert (dated.published_at.day, dated.published_at.month) == (14, 4)
    # No date rather than a wrong one, and no warning from feedparser on the way.
    assert undated.published_at is None
