"""Precision and recall of the near-duplicate check on a labelled set of short Vietnamese news.

Usage:
    .venv/bin/python bench/near_duplicates.py

The set (below, written for this benchmark) has short stories (under 200 words), each also
in versions with one sentence rewritten, as a second portal or a later edit would have it;
and families of distinct stories made from one template (gold prices, power cuts, weather),
whose fixed sentences are the same while the numbers, places and dates differ. Every pair of
texts is labelled: the same story or not. Each pair is judged as an import would judge it:
the first text is in the index, the second is looked up. Printed: pairs, true and false
positives, precision and recall, for the shingle threshold alone (as before) and for the
check as it is now (dedup.match, the decision taken on each candidate the index finds).
"""

import itertools
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# (story, text): texts with the same story label are the same story.
STORIES = [
    (
        "hoa-ban",
        "Lễ hội Hoa Ban năm 2025 sẽ diễn ra từ ngày 12 đến 15/3 tại thành phố Điện Biên Phủ. "
        "Ban tổ chức cho biết lễ hội năm nay có 25 hoạt động văn hóa, thể thao và du lịch. "
        "Điểm nhấn là đêm khai mạc với màn đồng diễn xòe Thái của 2.025 nghệ nhân và diễn viên. "
        "Các huyện sẽ trưng bày sản phẩm OCOP và đặc sản vùng cao tại quảng trường 7/5. "
        "Du khách được trải nghiệm không gian văn hóa của các dân tộc Thái, Mông, Khơ Mú.",
    ),
    (
        "hoa-ban",
        "Lễ hội Hoa Ban năm 2025 sẽ diễn ra từ ngày 12 đến 15/3 tại thành phố Điện Biên Phủ. "
        "Theo ban tổ chức, năm nay lễ hội gồm 25 hoạt động về văn hóa, thể thao và du lịch. "
        "Điểm nhấn là đêm khai mạc với màn đồng diễn xòe Thái của 2.025 nghệ nhân và diễn viên. "
        "Các huyện sẽ trưng bày sản phẩm OCOP và đặc sản vùng cao tại quảng trường 7/5. "
        "Du khách được trải nghiệm không gian văn hóa của các dân tộc Thái, Mông, Khơ Mú.",
    ),
    (
        "hoa-ban",
        "Lễ hội Hoa Ban năm 2025 sẽ diễn ra từ ngày 12 đến 15/3 tại thành phố Điện Biên Phủ. "
        "Ban tổ chức cho biết lễ hội năm nay có 25 hoạt động văn hóa, thể thao và du lịch. "
        "Điểm nhấn là đêm khai mạc với màn đồng diễn xòe Thái của 2.025 nghệ nhân và diễn viên. "
        "Sản phẩm OCOP cùng đặc sản vùng cao của các huyện được trưng bày ở quảng trường 7/5. "
        "Du khách được trải nghiệm không gian văn hóa của các dân tộc Thái, Mông, Khơ Mú.",
    ),
    (
        "duoi-nuoc",
        "Sở Giáo dục và Đào tạo tỉnh Điện Biên vừa ban hành kế hoạch phòng chống đuối nước "
        "cho học sinh trong dịp hè. Các trường được yêu cầu tổ chức ít nhất 2 buổi hướng dẫn kỹ "
        "năng an toàn dưới nước trước khi nghỉ hè. Phụ huynh được khuyến cáo không để trẻ tắm "
        "ở sông, suối, ao hồ khi không có người lớn đi kèm. Năm 2024, toàn tỉnh ghi nhận 7 vụ "
        "đuối nước làm 9 trẻ em tử vong.",
    ),
    (
        "duoi-nuoc",
        "Sở Giáo dục và Đào tạo tỉnh Điện Biên vừa ban hành kế hoạch phòng chống đuối nước "
        "cho học sinh trong dịp hè. Trước khi nghỉ hè, mỗi trường phải tổ chức tối thiểu 2 buổi "
        "hướng dẫn kỹ năng an toàn dưới nước. Phụ huynh được khuyến cáo không để trẻ tắm "
        "ở sông, suối, ao hồ khi không có người lớn đi kèm. Năm 2024, toàn tỉnh ghi nhận 7 vụ "
        "đuối nước làm 9 trẻ em tử vong.",
    ),
    (
        "ca-phe",
        "Huyện Mường Ảng thu hoạch hơn 3.000 tấn cà phê nhân trong niên vụ 2024 - 2025. Giá cà "
        "phê tươi tại vườn dao động từ 23.000 đến 25.000 đồng/kg, cao gấp đôi năm trước. Nhiều "
        "hộ đã đầu tư máy sấy và kho chứa để bán cà phê nhân thay vì quả tươi. Huyện đang xây "
        "dựng thương hiệu cà phê Mường Ảng gắn với chỉ dẫn địa lý.",
    ),
    (
        "ca-phe",
        "Huyện Mường Ảng thu hoạch hơn 3.000 tấn cà phê nhân trong niên vụ 2024 - 2025. Giá cà "
        "phê tươi tại vườn dao động từ 23.000 đến 25.000 đồng/kg, cao gấp đôi năm trước. Thay "
        "vì bán quả tươi, nhiều hộ dân đã mua máy sấy, làm kho chứa để bán cà phê nhân. Huyện "
        "đang xây dựng thương hiệu cà phê Mường Ảng gắn với chỉ dẫn địa lý.",
    ),
    (
        "ca-phe",
        "Huyện Mường Ảng thu hoạch hơn 3.000 tấn cà phê nhân trong niên vụ 2024 - 2025. Giá cà "
        "phê tươi tại vườn dao động từ 23.000 đến 25.000 đồng/kg, cao gấp đôi năm trước. Nhiều "
        "hộ đã đầu tư máy sấy và kho chứa để bán cà phê nhân thay vì quả tươi. Thương hiệu cà "
        "phê Mường Ảng gắn với chỉ dẫn địa lý đang được huyện xây dựng.",
    ),
    (
        "duong-tuan-giao",
        "Tuyến đường nối thành phố Điện Biên Phủ với huyện Tuần Giáo đã thông xe sau 18 tháng "
        "thi công. Tuyến dài 38 km, có tổng vốn đầu tư 1.200 tỷ đồng từ ngân sách trung ương. "
        "Thời gian di chuyển giữa hai địa phương giảm từ 2 giờ xuống còn khoảng 50 phút. Người "
        "dân các bản dọc tuyến phấn khởi vì việc đi lại, buôn bán thuận tiện hơn.",
    ),
    (
        "duong-tuan-giao",
        "Tuyến đường nối thành phố Điện Biên Phủ với huyện Tuần Giáo đã thông xe sau 18 tháng "
        "thi công. Tuyến dài 38 km, có tổng vốn đầu tư 1.200 tỷ đồng từ ngân sách trung ương. "
        "Thời gian di chuyển giữa hai địa phương giảm từ 2 giờ xuống còn khoảng 50 phút. Việc "
        "đi lại, buôn bán của bà con các bản ven tuyến nhờ đó thuận lợi hơn nhiều.",
    ),
    (
        "hien-mau",
        "Sáng 14/6, Hội Chữ thập đỏ tỉnh Điện Biên tổ chức ngày hội hiến máu tình nguyện tại "
        "Nhà văn hóa tỉnh. Hơn 600 đoàn viên, thanh niên, cán bộ và người dân đã đăng ký tham "
        "gia. Kết quả, ban tổ chức tiếp nhận được 512 đơn vị máu đạt tiêu chuẩn. Số máu này "
        "được chuyển về Bệnh viện Đa khoa tỉnh phục vụ cấp cứu và điều trị.",
    ),
    (
        "hien-mau",
        "Sáng 14/6, Hội Chữ thập đỏ tỉnh Điện Biên tổ chức ngày hội hiến máu tình nguyện tại "
        "Nhà văn hóa tỉnh. Ngày hội thu hút hơn 600 đoàn viên, thanh niên, cán bộ và người dân "
        "đăng ký. Kết quả, ban tổ chức tiếp nhận được 512 đơn vị máu đạt tiêu chuẩn. Số máu này "
        "được chuyển về Bệnh viện Đa khoa tỉnh phục vụ cấp cứu và điều trị.",
    ),
]


def _gold(day, buy, sell, change):
    return (
        "gia-vang-" + day,
        f"Sáng nay {day}, giá vàng miếng SJC tại Điện Biên niêm yết ở mức {buy} triệu "
        f"đồng/lượng mua vào và {sell} triệu đồng/lượng bán ra. So với phiên trước, giá vàng "
        f"{change} nghìn đồng mỗi lượng. Vàng nhẫn trơn 9999 cũng biến động cùng chiều. Các "
        "cửa hàng vàng bạc trên địa bàn cho biết lượng khách mua vào không nhiều. Người dân "
        "được khuyến cáo mua vàng tại các cơ sở có giấy phép kinh doanh.",
    )


def _power_cut(day, area, start, end):
    return (
        "cat-dien-" + day + area,
        f"Công ty Điện lực Điện Biên thông báo tạm ngừng cung cấp điện ngày {day} tại {area} "
        f"từ {start} đến {end}. Thời gian ngừng cấp điện để bảo dưỡng, sửa chữa lưới điện. "
        "Công ty đề nghị khách hàng chủ động sắp xếp công việc sản xuất, kinh doanh. Sau khi "
        "hoàn thành công việc, điện sẽ được cấp trở lại sớm nhất. Mọi thắc mắc xin liên hệ "
        "tổng đài chăm sóc khách hàng 19006769.",
    )


def _weather(day, low, high, rain):
    return (
        "thoi-tiet-" + day,
        f"Dự báo thời tiết tỉnh Điện Biên ngày {day}: nhiệt độ thấp nhất từ {low} độ C, cao "
        f"nhất {high} độ C. Khả năng có mưa khoảng {rain}%. Vùng núi cao có sương mù vào sáng "
        "sớm, tầm nhìn xa có nơi dưới 1 km. Người tham gia giao thông trên các đèo cần chú "
        "ý giảm tốc độ. Gió nhẹ, độ ẩm trung bình từ 75 đến 85%.",
    )


TEMPLATED = [
    _gold("12/5/2025", "119,5", "121,5", "tăng 500"),
    _gold("13/5/2025", "118", "120", "giảm 1.500"),
    _gold("14/5/2025", "118,8", "120,8", "tăng 800"),
    _gold("15/5/2025", "117,5", "119,5", "giảm 1.300"),
    _power_cut("20/5/2025", "phường Mường Thanh", "7 giờ", "11 giờ"),
    _power_cut("20/5/2025", "xã Thanh Xương", "13 giờ", "17 giờ"),
    _power_cut("22/5/2025", "phường Him Lam", "7 giờ 30", "12 giờ"),
    _power_cut("23/5/2025", "thị trấn Tuần Giáo", "6 giờ", "10 giờ 30"),
    _weather("2/6/2025", "20 đến 22", "31", "40"),
    _weather("3/6/2025", "21 đến 23", "33", "20"),
    _weather("4/6/2025", "19 đến 21", "29", "70"),
]
LABELLED = STORIES + TEMPLATED


def judge(first: str, second: str, *, with_facts: bool) -> bool:
    """Whether an import of the second text would be linked to the first (the LSH lookup
    only finds candidates; this is the decision made on each)."""
    from django.conf import settings

    from hoaban.ingest import dedup

    return (
        dedup.match(
            dedup.signature(first),
            dedup.facts(first) if with_facts else None,
            dedup.signature(second),
            dedup.facts(second) if with_facts else None,
            settings.HOABAN_INGEST_NEAR_DUPLICATE_THRESHOLD,
        )
        is not None
    )


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hoaban.settings.test")
    import django

    django.setup()
    from hoaban.ingest import dedup

    pairs = list(itertools.permutations(LABELLED, 2))
    words = max(len(dedup.WORD.findall(text)) for _story, text in LABELLED)
    same = sum(1 for (one, _t), (other, _u) in pairs if one == other)
    print(f"{len(LABELLED)} texts (at most {words} words), {len(pairs)} ordered pairs, {same} same")
    print(f"{'':<22}{'found':>7}{'true':>6}{'false':>7}{'precision':>11}{'recall':>8}")
    for name, with_facts in [("shingles only", False), ("sentences and numbers", True)]:
        found = true = 0
        for (story, text), (other_story, other_text) in pairs:
            if judge(text, other_text, with_facts=with_facts):
                found += 1
                true += story == other_story
        precision = true / found if found else 1.0
        print(
            f"{name:<22}{found:>7}{true:>6}{found - true:>7}{precision:>11.3f}{true / same:>8.3f}"
        )


if __name__ == "__main__":
    main()
