from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from hoaban.ingest.dates import (
    DateBasis,
    date_in_url,
    is_date_line,
    parse_vietnamese_datetime,
    published_at,
)

HANOI = ZoneInfo("Asia/Ho_Chi_Minh")


def test_weekday_date_and_time_are_read_day_first_in_vietnam_time():
    assert parse_vietnamese_datetime("Thứ Hai, 14/04/2025 08:30") == datetime(
        2025, 4, 14, 8, 30, tzinfo=HANOI
    )


def test_date_alone_is_midnight_in_vietnam():
    value = parse_vietnamese_datetime("Cập nhật: 05/04/2025")
    assert value == datetime(2025, 4, 5, 0, 0, tzinfo=HANOI)
    assert value.utcoffset().total_seconds() == 7 * 3600


def test_time_printed_before_the_date_is_kept():
    assert parse_vietnamese_datetime("08:15 | 22/04/2025") == datetime(
        2025, 4, 22, 8, 15, tzinfo=HANOI
    )


def test_impossible_dates_are_ignored():
    assert parse_vietnamese_datetime("31/02/2025") is None


def test_date_in_url_with_unpadded_month_and_day():
    assert date_in_url("https://dienbien.gov.vn/tin-tuc/2025-4-20/lam-viec-1215.html") == date(
        2025, 4, 20
    )
    assert date_in_url("https://dienbien.gov.vn/tin-tuc/lam-viec-1215.html") is None


def test_page_date_takes_the_time_printed_for_that_day_and_ignores_other_dates():
    text = "Tin khác 15/04/2025 10:15 ... Thứ Hai, 14/04/2025 08:30"
    assert published_at(page_day=date(2025, 4, 14), near_headline=text, url="") == (
        datetime(2025, 4, 14, 8, 30, tzinfo=HANOI),
        DateBasis.PRINTED,
    )


def test_date_printed_by_the_headline_is_used_when_the_markup_has_none():
    assert published_at(page_day=None, near_headline="08:15 | 22/04/2025", url="") == (
        datetime(2025, 4, 22, 8, 15, tzinfo=HANOI),
        DateBasis.PRINTED,
    )


@pytest.mark.parametrize(
    "printed",
    [
        "Thứ Hai, 21/04/2025 08:30",
        "21/4/2025 | 08:30",
        "Cập nhật: 21/04/2025 08:30",
        "Ngày 21 tháng 4 năm 2025 08:30",
        "Cập nhật lúc 08:30, Thứ Hai, 21/04/2025",
    ],
)
def test_printed_date_beats_the_date_in_the_url(printed):
    url = "https://dienbien.gov.vn/tin-tuc/2025-4-20/lam-viec-voi-dai-su-quan-1215.html"
    # htmldate reads the URL's date as the page's day: that must not win over the print.
    value, basis = published_at(page_day=date(2025, 4, 20), near_headline=printed, url=url)
    assert (value, basis) == (datetime(2025, 4, 21, 8, 30, tzinfo=HANOI), DateBasis.PRINTED)


def test_long_vietnamese_date_without_time_is_midnight():
    assert parse_vietnamese_datetime("Ngày 21 tháng 4 năm 2025") == datetime(
        2025, 4, 21, tzinfo=HANOI
    )


def test_url_date_is_only_a_fallback_and_says_so():
    assert published_at(page_day=None, near_headline="", url="/2025-4-20/x.html") == (
        datetime(2025, 4, 20, tzinfo=HANOI),
        DateBasis.URL,
    )
    assert published_at(page_day=date(2025, 4, 20), near_headline="", url="/2025-4-20/x") == (
        datetime(2025, 4, 20, tzinfo=HANOI),
        DateBasis.URL,
    )


def test_date_only_lines_are_recognised_and_sentences_with_dates_are_not():
    assert is_date_line("Thứ Hai, 21/04/2025 08:30")
    assert is_date_line("Cập nhật: 21/4/2025 | 08:30")
    assert is_date_line("Ngày 21 tháng 4 năm 2025")
    assert not is_date_line("Ngày 21/4/2025, UBND tỉnh tổ chức hội nghị tổng kết công tác.")
