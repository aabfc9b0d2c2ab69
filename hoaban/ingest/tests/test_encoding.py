import pytest

from hoaban.ingest.encoding import EncodingError, check_not_garbled, decode_page

from .portal import to_windows_1258

TEXT = "<p>Điện Biên Phủ: Trần Quốc Cường tiếp đoàn công tác của Saint Petersburg.</p>" * 5


def test_windows_1258_page_labelled_utf_8_is_read_as_windows_1258():
    decoded = decode_page(to_windows_1258(TEXT), "text/html; charset=utf-8")
    assert decoded == TEXT


def test_utf_8_page_labelled_windows_1258_is_read_as_utf_8():
    assert decode_page(TEXT.encode("utf-8"), "text/html; charset=windows-1258") == TEXT


def test_windows_1258_declared_in_a_meta_tag_is_honoured():
    page = '<html><head><meta charset="windows-1258"></head><body>' + TEXT + "</body></html>"
    assert decode_page(to_windows_1258(page), "text/html") == page


def test_text_garbled_at_the_source_is_refused():
    garbled = TEXT.encode("utf-8").decode("cp1252", errors="replace")
    with pytest.raises(EncodingError, match="lỗi phông"):
        check_not_garbled(garbled)
    check_not_garbled(TEXT)
