"""Synthetic Vietnamese news text for the search benchmark: real words, full diacritics.

The vocabulary is the everyday language of a provincial newspaper: places of Điện Biên and
its neighbours, common family and given names, and the nouns, verbs and qualifiers of news
about government, the economy, schools, health and culture. Sentences are drawn from a few
templates with a seeded random generator, so a given seed always gives the same archive.
"""

import random

# fmt: off
PLACES = [
    "Điện Biên", "Điện Biên Phủ", "Mường Chà", "Mường Nhé", "Mường Ảng", "Mường Phăng",
    "Tủa Chùa", "Tuần Giáo", "Nậm Pồ", "Điện Biên Đông", "Mường Lay", "Lai Châu", "Sơn La",
    "Hà Nội", "Thành phố Hồ Chí Minh", "Saint Petersburg", "Moskva", "Lào Cai", "Yên Bái",
    "Thanh Hóa", "Nghệ An", "Hà Giang", "Cao Bằng", "Hòa Bình", "Quảng Ninh", "Huế",
    "Đà Nẵng", "Cần Thơ", "Pú Nhi", "Sín Thầu", "Thanh Xương", "Noong Luống",
]
FAMILY_NAMES = [
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô",
    "Dương", "Lò", "Quàng", "Giàng", "Lường", "Cà", "Vàng", "Thào", "Mùa",
]
MIDDLE_NAMES = ["Văn", "Thị", "Minh", "Quốc", "Thành", "Đức", "Hữu", "Thu", "Ngọc", "A"]
GIVEN_NAMES = [
    "Cường", "Đô", "Khôi", "Hùng", "Lan", "Hương", "Dũng", "Tuấn", "Thắng", "Phương",
    "Châu", "Hà", "Sơn", "Long", "Nga", "Thủy", "Quyết", "Dênh", "Sùng", "Pó", "Chứ",
]
SUBJECTS = [
    "Ủy ban nhân dân tỉnh", "Tỉnh ủy", "Hội đồng nhân dân huyện", "Sở Giáo dục và Đào tạo",
    "Sở Y tế", "Sở Văn hóa, Thể thao và Du lịch", "Ngân hàng Chính sách xã hội",
    "Bộ đội Biên phòng tỉnh", "Hội Liên hiệp Phụ nữ", "Đoàn Thanh niên", "Hội Nông dân",
    "Công an tỉnh", "Trường Phổ thông Dân tộc Nội trú", "Báo Điện Biên Phủ",
    "đoàn công tác của tỉnh", "chính quyền địa phương", "đồng bào các dân tộc",
]
VERBS = [
    "tổ chức", "triển khai", "đẩy mạnh", "hỗ trợ", "tiếp đón", "làm việc về", "ký kết",
    "khảo sát", "phát triển", "nâng cao", "bảo tồn", "khai trương", "tổng kết", "kiểm tra",
    "phát động", "trao tặng", "giới thiệu", "thúc đẩy", "tăng cường", "xây dựng",
    "khánh thành", "hướng dẫn", "đón nhận", "ra mắt", "chỉ đạo",
]
NOUNS = [
    "hợp tác kinh tế", "thương mại", "du lịch", "nông nghiệp", "lâm nghiệp",
    "năng lượng tái tạo", "đầu tư", "giáo dục", "y tế", "văn hóa", "lễ hội hoa ban",
    "hoa ban", "học sinh", "giáo viên", "cán bộ", "đảng viên", "nhân dân", "hộ nghèo",
    "tín dụng ưu đãi", "chính sách xã hội", "nhà ở", "vật liệu xây dựng",
    "động vật hoang dã", "mùa mưa lũ", "đuối nước trẻ em", "bình đẳng giới", "trại hè",
    "di sản văn hóa", "nghề truyền thống", "khèn Mông", "cà phê", "chè Shan tuyết",
    "gạo nếp", "lúa nước", "cây mắc ca", "rừng phòng hộ", "đường giao thông", "cầu treo",
    "trạm y tế", "bệnh viện", "vắc xin", "tim mạch", "phẫu thuật", "phòng chống dịch",
    "học bổng", "tiếng Nga", "tiếng Việt", "bảo tàng", "lưu trữ", "di tích lịch sử",
    "chiến thắng Điện Biên Phủ", "sân bay", "thủy điện", "chuyển đổi số", "thanh niên",
    "phụ nữ", "người cao tuổi", "bộ đội", "biên giới", "an ninh trật tự", "ma túy",
    "khởi nghiệp", "hợp tác xã", "thị trường", "xuất khẩu", "nông sản", "làng nghề",
    "múa xòe", "dân ca", "trang phục truyền thống", "ẩm thực", "homestay", "lữ hành",
]
QUALIFIERS = [
    "bền vững", "hiệu quả", "thiết thực", "truyền thống", "mới", "quan trọng", "lâu dài",
    "toàn diện", "sâu rộng", "đặc sắc", "thuận lợi", "khó khăn", "vùng cao", "biên giới",
    "năm 2025", "giai đoạn 2021 – 2025", "trong tháng", "đầu năm", "cuối năm",
]
CONNECTIVES = [
    "Theo đó,", "Bên cạnh đó,", "Trong thời gian tới,", "Dịp này,", "Tại buổi làm việc,",
    "Phát biểu tại hội nghị,", "Năm nay,", "Cũng theo kế hoạch,", "Đến nay,", "Ngoài ra,",
]
OUTCOMES = [
    "góp phần nâng cao đời sống của người dân", "tạo việc làm cho lao động địa phương",
    "thu hút đông đảo nhân dân tham gia", "được đánh giá cao về hiệu quả",
    "mở ra nhiều cơ hội hợp tác", "giúp các em học sinh có thêm động lực",
    "bảo đảm an toàn cho người và tài sản", "giữ gìn bản sắc văn hóa dân tộc",
    "đáp ứng nhu cầu của du khách trong và ngoài nước", "đạt và vượt kế hoạch đề ra",
]

# fmt: on


def person(rng: random.Random) -> str:
    return f"{rng.choice(FAMILY_NAMES)} {rng.choice(MIDDLE_NAMES)} {rng.choice(GIVEN_NAMES)}"


def title(rng: random.Random) -> str:
    place = rng.choice(PLACES)
    pattern = rng.randrange(4)
    if pattern == 0:
        return f"{place}: {rng.choice(VERBS)} {rng.choice(NOUNS)} {rng.choice(QUALIFIERS)}"
    if pattern == 1:
        return f"{rng.choice(VERBS).capitalize()} {rng.choice(NOUNS)} tại {place}"
    if pattern == 2:
        return f"{person(rng)} {rng.choice(VERBS)} {rng.choice(NOUNS)} ở {place}"
    return f"{rng.choice(NOUNS).capitalize()} {rng.choice(QUALIFIERS)} của {place}"


def sentence(rng: random.Random) -> str:
    opener = rng.choice(CONNECTIVES) + " " if rng.random() < 0.4 else ""
    subject = rng.choice(SUBJECTS + [person(rng)])
    if opener:
        subject = subject[0].lower() + subject[1:] if subject[0].islower() else subject
    text = (
        f"{opener}{subject} {rng.choice(VERBS)} {rng.choice(NOUNS)} "
        f"{rng.choice(QUALIFIERS)} tại {rng.choice(PLACES)}, {rng.choice(OUTCOMES)}."
    )
    return text[0].upper() + text[1:]


def lead(rng: random.Random) -> str:
    return " ".join(sentence(rng) for _ in range(2))


def paragraphs(rng: random.Random, count: int = 3) -> list[str]:
    return [" ".join(sentence(rng) for _ in range(rng.randint(2, 4))) for _ in range(count)]
