from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from hoaban.ingest.attribution import Origin
from hoaban.ingest.dates import DateBasis
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
    assert article.date_basis == DateBasis.URL
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


def article_page(
    body: str, *, title="Mường Chà khôi phục nghề dệt thổ cẩm của đồng bào Thái"
) -> str:
    """A portal's article page around the given body markup, with a menu and a rail."""
    return f"""<html lang="vi"><head><meta charset="utf-8"><title>{title}</title></head><body>
    <nav><ul><li><a href="/">Trang chủ</a></li><li><a href="/tin-tuc">Tin tức</a></li></ul></nav>
    <div class="main"><h1 class="title">{title}</h1>
    <div class="date">Thứ Hai, 21/04/2025 08:30</div>
    <div class="content">{body}</div></div>
    <aside><h3>Tin mới nhất</h3><ul><li><a href="/a">Đại hội chi bộ cơ sở</a></li></ul></aside>
    <footer>Cơ quan chủ quản: UBND tỉnh Điện Biên. Ghi rõ nguồn khi phát hành lại.</footer>
    </body></html>"""


LEAD = (
    "ĐBP - Những năm gần đây, chị em phụ nữ dân tộc Thái ở xã Pa Ham, huyện Mường Chà đã "
    "cùng nhau khôi phục nghề dệt thổ cẩm truyền thống, vừa giữ gìn bản sắc vừa có thêm thu nhập."
)
MIDDLE = (
    "Mỗi tấm vải được dệt thủ công trong nhiều ngày, với những hoa văn mô phỏng núi rừng, "
    "sông suối và cây cỏ quen thuộc của vùng cao Tây Bắc."
)
CLOSING = (
    "Theo lãnh đạo xã, thời gian tới địa phương sẽ hỗ trợ các hộ quảng bá sản phẩm trên "
    "sàn thương mại điện tử và gắn nghề dệt với phát triển du lịch cộng đồng."
)


def test_paragraph_holding_an_html_comment_is_kept_whole():
    page = article_page(
        f"<p>{LEAD}</p><p>Mỗi tấm vải được dệt thủ công trong nhiều ngày,<!-- quảng cáo --> với "
        "những hoa văn mô phỏng núi rừng, sông suối và cây cỏ quen thuộc của vùng cao Tây Bắc.</p>"
        f"<p>{CLOSING}</p>"
    )
    article = extract_article(page, url=f"{BASE}/tin-tuc/det-tho-cam-1301.html")
    assert ("paragraph", MIDDLE) in article.blocks


def test_text_after_a_heading_is_kept():
    page = article_page(f"<p>{LEAD}</p><h2>Giữ nghề cho thế hệ sau</h2>{MIDDLE}<p>{CLOSING}</p>")
    article = extract_article(page, url=f"{BASE}/tin-tuc/det-tho-cam-1301.html")
    assert ("heading", "Giữ nghề cho thế hệ sau") in article.blocks
    assert ("paragraph", MIDDLE) in article.blocks


def test_lines_split_by_line_breaks_are_not_glued_together():
    page = article_page(
        f"<p>{LEAD}</p><p>{MIDDLE}</p>"
        "<p>Các bản đạt chuẩn:<br>Quài Cang<br>Quài Nưa<br>Phì Nhừ</p>"
        f"<p>{CLOSING}</p>"
    )
    text = extract_article(page, url=f"{BASE}/tin-tuc/det-tho-cam-1301.html").text
    assert "Các bản đạt chuẩn:\nQuài Cang\nQuài Nưa\nPhì Nhừ" in text
    assert "chuẩn:Quài" not in text and "CangQuài" not in text


def test_portal_laid_out_in_tables_yields_lead_and_body():
    page = article_page(
        '<table width="100%"><tr><td class="news-body">'
        f"<p>{LEAD}</p><p>{MIDDLE}</p><p>{CLOSING}</p>"
        "</td></tr></table>"
    )
    article = extract_article(page, url=f"{BASE}/tin-tuc/det-tho-cam-1301.html")
    assert article.dateline == "ĐBP"
    assert article.lead == LEAD.removeprefix("ĐBP - ")
    assert article.blocks == [("paragraph", MIDDLE), ("paragraph", CLOSING)]


def test_data_table_rows_are_kept_one_line_each():
    page = article_page(
        f"<p>{LEAD}</p><p>{MIDDLE}</p>"
        "<table><tr><th>Xã</th><th>Số hộ dệt</th></tr>"
        "<tr><td>Pa Ham</td><td>124</td></tr><tr><td>Hừa Ngài</td><td>87</td></tr></table>"
        f"<p>{CLOSING}</p>"
    )
    article = extract_article(page, url=f"{BASE}/tin-tuc/det-tho-cam-1301.html")
    assert ("paragraph", "Pa Ham | 124") in article.blocks
    assert ("paragraph", "Hừa Ngài | 87") in article.blocks


def test_date_printed_under_the_headline_beats_the_date_in_the_url():
    page = article_page(f"<p>{LEAD}</p><p>{MIDDLE}</p><p>{CLOSING}</p>")
    article = extract_article(page, url=f"{BASE}/tin-tuc/2025-4-20/det-tho-cam-1301.html")
    assert article.published_at == datetime(2025, 4, 21, 8, 30, tzinfo=HANOI)
    assert article.date_basis == DateBasis.PRINTED
    assert "21/04/2025" not in article.text


@pytest.mark.parametrize(
    ("closing", "credit"),
    [
        ("<p>Theo Báo Nhân Dân</p>", "Theo Báo Nhân Dân"),
        ("<p>Bài, ảnh: Ngọc Thủy</p>", "Bài, ảnh: Ngọc Thủy"),
        ("<p>Bài: Hà Linh - Ảnh: Văn Tú</p>", "Bài: Hà Linh - Ảnh: Văn Tú"),
        ("<p>Ngọc Thủy (TTXVN)</p>", "Ngọc Thủy (TTXVN)"),
        ("<p><strong>Lò Thị Mai</strong></p>", "Lò Thị Mai"),
        ('<p style="text-align: right;">Hoàng Châu</p>', "Hoàng Châu"),
        ('<div align="right"><b>Phạm Quang Vinh</b></div>', "Phạm Quang Vinh"),
    ],
)
def test_vietnamese_byline_becomes_the_credit_and_leaves_the_body(closing, credit):
    page = article_page(f"<p>{LEAD}</p><p>{MIDDLE}</p><p>{CLOSING}</p>{closing}")
    article = extract_article(page, url=f"{BASE}/tin-tuc/det-tho-cam-1301.html")
    assert article.author == credit
    assert credit.split(":")[-1].strip() not in article.body_text
    assert article.blocks[-1] == ("paragraph", CLOSING)


@pytest.mark.parametrize(
    ("opening", "credit"),
    [
        ("<p>By Lan Anh</p>", "Lan Anh"),
        ("<p>Автор: Ирина Соколова</p>", "Ирина Соколова"),
    ],
)
def test_by_and_avtor_bylines_of_the_other_editions_are_read(opening, credit):
    page = article_page(f"{opening}<p>{LEAD}</p><p>{MIDDLE}</p><p>{CLOSING}</p>")
    article = extract_article(page, url=f"{BASE}/tin-tuc/det-tho-cam-1301.html")
    assert article.author == credit
    assert credit not in article.body_text


def test_closing_sentence_starting_with_theo_stays_in_the_body():
    sentence = "Theo lãnh đạo xã, nghề dệt đã giúp hơn 120 hộ có thêm thu nhập ổn định."
    page = article_page(f"<p>{LEAD}</p><p>{MIDDLE}</p><p>{sentence}</p>")
    article = extract_article(page, url=f"{BASE}/tin-tuc/det-tho-cam-1301.html")
    assert article.blocks[-1] == ("paragraph", sentence)
    assert article.author != sentence


def test_republished_page_names_its_original_with_a_link(portal):
    path = "thongtin/bai-viet/dien-bien-hop-tac-saint-petersburg-5501.html"
    article = extract(portal, path)
    assert article.origin == Origin(
        name="Cổng thông tin điện tử tỉnh Điện Biên", url=portal.url(SAINT_PETERSBURG)
    )
    assert article.story_url == portal.url(SAINT_PETERSBURG)
    assert article.canonical_url == portal.url(path)


def test_page_without_a_source_link_is_its_own_story(portal):
    article = extract(portal, SAINT_PETERSBURG)
    assert article.origin is None
    assert article.story_url == article.canonical_url


def test_text_cut_off_mid_paragraph_is_flagged_as_incomplete():
    page = article_page(f"<p>{LEAD}</p><p>{MIDDLE}</p><p>{CLOSING}</p>")
    cut = page[: page.index("gắn nghề dệt")]
    article = extract_article(cut, url=f"{BASE}/tin-tuc/det-tho-cam-1301.html")
    assert article.incomplete == "mã HTML của trang bị cắt cụt"


def test_text_ending_mid_sentence_is_flagged_as_incomplete():
    unfinished = "Thời gian tới, địa phương sẽ hỗ trợ các hộ quảng bá sản phẩm trên sàn thương mại"
    page = article_page(f"<p>{LEAD}</p><p>{MIDDLE}</p><p>{unfinished}</p>")
    article = extract_article(page, url=f"{BASE}/tin-tuc/det-tho-cam-1301.html")
    assert article.incomplete == "bài kết thúc giữa chừng một câu"


def test_whole_article_is_not_flagged():
    page = article_page(f"<p>{LEAD}</p><p>{MIDDLE}</p><p>{CLOSING}</p><p>Bài, ảnh: Ngọc Thủy</p>")
    assert extract_article(page, url=f"{BASE}/tin-tuc/det-tho-cam-1301.html").incomplete == ""


def test_source_label_in_bold_before_the_link_is_read():
    page = article_page(
        f"<p>{LEAD}</p><p>{MIDDLE}</p><p>{CLOSING}</p>"
        '<p><strong>Nguồn:</strong> <a href="https://baodienbienphu.vn/tin/det-tho-cam-88.html">'
        "Báo Điện Biên Phủ</a></p>"
    )
    article = extract_article(page, url=f"{BASE}/tin-tuc/det-tho-cam-1301.html")
    assert article.origin == Origin(
        name="Báo Điện Biên Phủ", url="https://baodienbienphu.vn/tin/det-tho-cam-88.html"
    )
    assert "Nguồn" not in article.body_text
