from datetime import datetime
from zoneinfo import ZoneInfo

import lxml.etree
import pytest

from hoaban.ingest import extraction
from hoaban.ingest.encoding import EncodingError
from hoaban.ingest.extraction import ExtractionError, extract_article

HANOI = ZoneInfo("Asia/Ho_Chi_Minh")
BASE = "http://127.0.0.1:8999"
SAINT_PETERSBURG = "dienbien/tin-tuc/dien-bien-tang-cuong-hop-tac-voi-saint-petersburg-1203.html"
FURNITURE = [
    "You have 500/500 characters left",
    "Please enter 5 or more characters",
    "Ý kiến bạn đọc",
    "Tin mới nhất",
    "Đại hội chi bộ cơ sở",
    "Phòng chống đuối nước",
    "Chia sẻ Facebook",
    "In bài viết",
    "No data",
    "Trang chủ",
    "Văn bản chỉ đạo điều hành",
    "Cơ quan chủ quản",
    "Ghi rõ nguồn",
    "Tìm kiếm",
]


def extract(portal, path):
    return extract_article(portal.fixture(path), url=portal.url(path))


def test_article_text_is_kept_and_page_furniture_dropped(portal):
    article = extract(portal, SAINT_PETERSBURG)
    text = article.text
    assert "khèn Mông, nhạc cụ truyền thống của đồng bào Mông" in text
    assert "40 học sinh thuộc 19 dân tộc thiểu số" in text
    for furniture in FURNITURE:
        assert furniture not in text, furniture


def test_headline_dateline_lead_author_and_date_are_read(portal):
    article = extract(portal, SAINT_PETERSBURG)
    assert article.title == "Điện Biên tăng cường hợp tác với thành phố Saint Petersburg"
    assert article.dateline == "ĐBP"
    assert article.lead.startswith("Chiều 13/3, Bí thư Tỉnh ủy Trần Quốc Cường đã tiếp đoàn")
    assert article.lead not in [value for kind, value in article.blocks if kind == "paragraph"]
    assert article.author == "Quang Hưng"
    assert article.published_at == datetime(2025, 3, 13, 16, 45, tzinfo=HANOI)


def test_photos_keep_their_captions_and_credits_in_reading_order(portal):
    article = extract(portal, SAINT_PETERSBURG)
    assert [(photo.src, photo.caption, photo.credit) for photo in article.photos] == [
        (
            portal.url("dienbien/images/tiep-doan-saint-petersburg.jpg"),
            "Bí thư Tỉnh ủy Trần Quốc Cường tiếp đoàn công tác của thành phố Saint Petersburg.",
            "Ảnh: Quang Hưng",
        ),
        (
            portal.url("dienbien/images/tang-khen-mong.jpg"),
            "Lãnh đạo tỉnh tặng đoàn chiếc khèn Mông.",
            "Ảnh: Quang Hưng",
        ),
    ]
    kinds = [kind for kind, _value in article.blocks]
    assert kinds == ["paragraph", "image", "paragraph", "paragraph", "image", "paragraph"]


def test_portals_own_source_line_is_set_apart_from_the_body(portal):
    article = extract(portal, SAINT_PETERSBURG)
    assert article.source_line == "Nguồn: Báo Điện Biên Phủ"
    assert "Nguồn:" not in article.text


def test_canonical_url_declared_by_the_page_is_kept(portal):
    article = extract(portal, "dienbien/in-bai/1203.html")
    assert article.url == portal.url("dienbien/in-bai/1203.html")
    assert article.canonical_url == portal.url(SAINT_PETERSBURG)


def test_page_without_canonical_url_is_its_own_canonical(portal):
    path = "baodienbienphu/kinh-te/tin-dung-uu-dai-giup-ho-ngheo-4021.html"
    assert extract(portal, path).canonical_url == portal.url(path)


def test_weekday_date_with_time_is_read_in_vietnam_time(portal):
    article = extract(portal, "baodienbienphu/kinh-te/tin-dung-uu-dai-giup-ho-ngheo-4021.html")
    assert article.published_at == datetime(2025, 4, 14, 8, 30, tzinfo=HANOI)
    for furniture in ["Comment (0)", "Recent news", "You have 500/500 characters left"]:
        assert furniture not in article.text


def test_date_only_in_the_url_is_used(portal):
    article = extract(
        portal, "dienbien/tin-tuc/2025-4-20/chu-tich-ubnd-tinh-lam-viec-voi-dai-su-quan-1215.html"
    )
    assert article.published_at == datetime(2025, 4, 20, tzinfo=HANOI)
    assert article.source_line == "Source: Cổng thông tin điện tử tỉnh Điện Biên"


def test_time_printed_before_the_date_is_kept(portal):
    article = extract(portal, "muongcha/bai-viet/102-trai-he-tim-ve-coi-nguon.html")
    assert article.published_at == datetime(2025, 4, 22, 8, 15, tzinfo=HANOI)
    assert article.author == "Tòng Thị Hoa"


def test_page_without_article_text_is_refused():
    with pytest.raises(ExtractionError):
        extract_article("<html><body><ul><li>Trang chủ</li></ul></body></html>", url=BASE)


def test_garbled_page_is_refused(portal):
    garbled = portal.fixture("bad/source-mojibake.html").encode("utf-8").decode("cp1252", "replace")
    with pytest.raises(EncodingError):
        extract_article(garbled, url=portal.url("bad/mojibake.html"))


def test_control_characters_in_the_markup_are_dropped_not_fatal(portal):
    # A tag name with a control character in it (`<A\x01>`) made trafilatura's XML step fail.
    page = portal.fixture(SAINT_PETERSBURG).replace(
        '<h1 class="news-title">', '<h1 class="news-title"><A\x01>\x0b', 1
    )
    article = extract_article(page, url=portal.url(SAINT_PETERSBURG))
    assert article.title == "Điện Biên tăng cường hợp tác với thành phố Saint Petersburg"
    assert article.lead.startswith("Chiều 13/3, Bí thư Tỉnh ủy Trần Quốc Cường đã tiếp đoàn")


def test_markup_the_extractor_cannot_read_back_is_a_reason_not_a_crash(portal, monkeypatch):
    def extract_failing_on_its_own_xml(*args, **kwargs):
        return lxml.etree.fromstring("<a\x01>Điện Biên</a>")  # raises XMLSyntaxError

    monkeypatch.setattr(extraction.trafilatura, "extract", extract_failing_on_its_own_xml)
    with pytest.raises(ExtractionError, match="Không tìm thấy nội dung bài viết"):
        extract(portal, SAINT_PETERSBURG)
