"""The demo newspaper: sections, a topic and articles built from the facts in the brief.

Plain data, so the loader stays small and the stories are easy to read and correct. Each
article names its section by key, its photo by a palette (see pictures.py) and its tags.
"""

from datetime import datetime
from zoneinfo import ZoneInfo

HANOI = ZoneInfo("Asia/Ho_Chi_Minh")


def at(year, month, day, hour=8, minute=0):
    return datetime(year, month, day, hour, minute, tzinfo=HANOI)


SITE = {
    "publisher_name": "Báo Điện Biên Phủ",
    "tagline": "Tin tức tỉnh Điện Biên – Vietnam – Việt Nam",
    "address": "Số 862, đường Võ Nguyên Giáp, phường Điện Biên Phủ, tỉnh Điện Biên",
    "contact_email": "toasoan@hoaban.example",
    "phone": "0215 3 830 000",
    "default_dateline": "ĐBP",
}

# key, title, label (capitals come from the template), listing, introduction
SECTIONS = [
    ("news", "Tin tức - Chính trị", "", "own", "Thời sự, chính trị và đối ngoại của tỉnh."),
    ("business", "Kinh tế", "", "own", "Đầu tư, sản xuất, tín dụng và thị trường."),
    ("culture", "Văn hóa - Du lịch", "", "own", "Lễ hội, di sản, nghề truyền thống và du lịch."),
    ("society", "Xã hội", "", "own", "Giáo dục, y tế, an sinh và đời sống."),
    ("political-system", "Hệ thống chính trị", "", "own", "Công tác xây dựng Đảng và chính quyền."),
    ("local", "Địa phương", "", "own", "Tin từ các huyện, thị xã và xã."),
    ("heritage", "Di sản", "", "own", "Di tích lịch sử và di sản văn hóa."),
    ("figure", "Nhân vật", "", "own", "Chân dung những người làm nên Điện Biên."),
    ("product", "Sản phẩm", "", "own", "Đặc sản và sản phẩm OCOP của địa phương."),
    ("videos", "Video", "", "videos", "Phóng sự và tin tức bằng hình ảnh."),
]

TOPIC = {
    "title": "Điện Biên – Saint Petersburg",
    "introduction": (
        "<p>Từ chuyến thăm tháng 11/2024, tỉnh Điện Biên và thành phố Saint Petersburg "
        "(Liên bang Nga) từng bước xây dựng quan hệ hợp tác, kết nghĩa trên các lĩnh vực "
        "thương mại, giáo dục, y tế, văn hóa và du lịch. Dòng thời gian dưới đây ghi lại "
        "các dấu mốc chính.</p>"
    ),
    "palette": "neva",
}

PEOPLE = [
    ("Thanh Hương", "Phóng viên"),
    ("Quang Hưng", "Phóng viên"),
    ("Minh Châu", "Phóng viên"),
    ("Hoàng Lâm", "Phóng viên ảnh"),
]

PARTNERSHIP = [
    {
        "key": "agreement-2024",
        "second_caption": "Hai đoàn đại biểu trao đổi tại buổi làm việc ở Saint Petersburg, tháng 11/2024.",
        "section": "news",
        "title": "Điện Biên và Saint Petersburg ký thỏa thuận hợp tác, mở ra quan hệ kết nghĩa",
        "date": at(2024, 11, 22, 9, 15),
        "lead": (
            "Trong chuyến công tác tại Liên bang Nga, đoàn đại biểu tỉnh Điện Biên đã cùng "
            "chính quyền thành phố Saint Petersburg ký thỏa thuận hợp tác về thương mại, "
            "kinh tế, khoa học – công nghệ, xã hội và nhân văn."
        ),
        "author": "Thanh Hương",
        "palette": "neva",
        "caption": "Lễ ký thỏa thuận hợp tác giữa tỉnh Điện Biên và thành phố Saint Petersburg.",
        "tags": ["Điện Biên", "Saint Petersburg", "Liên bang Nga", "Hợp tác quốc tế"],
        "body": [
            "Tháng 11/2024, đoàn đại biểu tỉnh Điện Biên đến thăm và làm việc tại thành phố "
            "Saint Petersburg. Đây là lần đầu tiên lãnh đạo hai địa phương ngồi lại với nhau "
            "để bàn một chương trình hợp tác lâu dài, dựa trên tình hữu nghị truyền thống "
            "giữa Việt Nam và Liên bang Nga.",
            "Thỏa thuận được hai bên ký kết bao quát nhiều lĩnh vực: thương mại và kinh tế, "
            "khoa học và công nghệ, xã hội và nhân văn. Hai bên thống nhất sẽ trao đổi thông "
            "tin thường xuyên, tạo điều kiện để doanh nghiệp tìm hiểu thị trường của nhau và "
            "khuyến khích các cơ sở giáo dục, văn hóa thiết lập quan hệ trực tiếp.",
            "@image",
            "Chuyến thăm cũng đánh dấu việc hai địa phương chính thức kết nghĩa. Phía Saint "
            "Petersburg bày tỏ mong muốn tìm hiểu thêm về vùng đất Điện Biên Phủ – nơi gắn với "
            "chiến thắng lịch sử năm 1954 – cũng như tiềm năng nông nghiệp, lâm nghiệp và du "
            "lịch của tỉnh.",
            "Lãnh đạo tỉnh Điện Biên khẳng định sẽ cụ thể hóa thỏa thuận bằng các chương trình "
            "hành động hằng năm, giao các sở, ngành theo dõi và báo cáo kết quả, để quan hệ kết "
            "nghĩa đi vào thực chất.",
        ],
    },
    {
        "key": "reception-2025",
        "second_caption": "Hai bên trao đổi về hợp tác nông nghiệp, du lịch và giáo dục.",
        "section": "news",
        "title": "Bí thư Tỉnh ủy Trần Quốc Cường tiếp đoàn công tác thành phố Saint Petersburg",
        "date": at(2025, 3, 13, 16, 30),
        "lead": (
            "Chiều 13/3, đồng chí Trần Quốc Cường, Bí thư Tỉnh ủy Điện Biên, đã tiếp đoàn công "
            "tác thành phố Saint Petersburg (Liên bang Nga) do ông Kalganov Vyacheslav "
            "Gennadievic, Phó Chủ tịch Ủy ban Quan hệ đối ngoại thành phố, làm trưởng đoàn."
        ),
        "author": "Quang Hưng",
        "palette": "bauhinia",
        "caption": (
            "Bí thư Tỉnh ủy Trần Quốc Cường tặng đoàn Saint Petersburg chiếc khèn Mông, "
            "nhạc cụ truyền thống của đồng bào Mông."
        ),
        "tags": ["Điện Biên", "Saint Petersburg", "Hợp tác quốc tế", "Giáo dục"],
        "body": [
            "Tại buổi tiếp, Bí thư Tỉnh ủy Trần Quốc Cường chào mừng đoàn công tác và đánh giá "
            "cao những bước tiến trong quan hệ giữa hai địa phương kể từ khi ký thỏa thuận hợp "
            "tác vào tháng 11/2024.",
            "Hai bên trao đổi về các lĩnh vực có thể sớm hợp tác: nông nghiệp, lâm nghiệp, du "
            "lịch, năng lượng tái tạo và thu hút đầu tư. Ông Kalganov Vyacheslav Gennadievic "
            "cho biết thành phố Saint Petersburg sẵn sàng giới thiệu doanh nghiệp của mình tìm "
            "hiểu cơ hội tại Điện Biên.",
            "@image",
            "Về giáo dục, tỉnh Điện Biên hiện duy trì hai lớp học tiếng Nga với 40 học sinh "
            "thuộc 19 dân tộc thiểu số. Một số em sẽ tham gia trại hè giao lưu cùng học sinh "
            "Saint Petersburg, cơ hội để thế hệ trẻ hai địa phương hiểu nhau hơn.",
            "Thay mặt lãnh đạo tỉnh, Bí thư Tỉnh ủy tặng đoàn chiếc khèn – nhạc cụ truyền thống "
            "của người Mông – và mời đoàn trở lại dự Lễ hội Hoa Ban năm 2025 cùng Ngày hội Văn "
            "hóa, Thể thao và Du lịch các dân tộc tỉnh Điện Biên lần thứ VIII.",
        ],
    },
    {
        "key": "moscow-2025",
        "second_caption": "Chủ tịch UBND tỉnh Lê Thành Đô trao đổi với Đại sứ Đặng Minh Khôi tại Moskva.",
        "section": "political-system",
        "title": "Chủ tịch UBND tỉnh Lê Thành Đô làm việc với Đại sứ quán Việt Nam tại Liên bang Nga",
        "date": at(2025, 4, 20, 7, 45),
        "lead": (
            "Ngày 19/4, tại Moskva, đồng chí Lê Thành Đô, Chủ tịch UBND tỉnh Điện Biên, đã làm "
            "việc với Đại sứ Đặng Minh Khôi tại Đại sứ quán Việt Nam ở Liên bang Nga về các kế "
            "hoạch hợp tác với thành phố Saint Petersburg."
        ),
        "author": "Minh Châu",
        "palette": "kremlin",
        "caption": "Đoàn công tác tỉnh Điện Biên làm việc tại Đại sứ quán Việt Nam ở Liên bang Nga.",
        "tags": ["Điện Biên", "Saint Petersburg", "Liên bang Nga", "Y tế", "Du lịch"],
        "source_name": "Cổng Thông tin điện tử tỉnh Điện Biên",
        "source_url": "https://dienbien.gov.vn/portal/Pages/2025-4-20/lam-viec-voi-dai-su-quan-viet-nam-tai-lien-bang-nga.aspx",
        "body": [
            "Báo cáo với Đại sứ, Chủ tịch UBND tỉnh Lê Thành Đô cho biết Điện Biên mong muốn "
            "cụ thể hóa thỏa thuận với Saint Petersburg bằng những việc làm thiết thực, trước "
            "hết trong y tế và giáo dục.",
            "Về y tế, tỉnh đề xuất phía bạn hỗ trợ đào tạo cán bộ chuyên sâu về tim mạch, phẫu "
            "thuật, phòng chống dịch bệnh và ung bướu, đồng thời tìm hiểu khả năng hợp tác về "
            "vắc xin.",
            "@image",
            "Về giáo dục, hai bên bàn việc dạy tiếng Việt tại Trường Lyceum 488 ở Saint "
            "Petersburg và dạy tiếng Nga tại Trường Phổ thông Dân tộc nội trú tỉnh, cùng với "
            "học bổng cho học sinh, sinh viên Điện Biên sang học tập tại Nga.",
            "Tỉnh cũng mong muốn mở các tuyến du lịch từ Nga đến Điện Biên Phủ, phát triển du "
            "lịch lịch sử và hợp tác giữa bảo tàng, cơ quan lưu trữ – bởi Leningrad và Điện Biên "
            "Phủ đều là những địa danh lịch sử. Đại sứ Đặng Minh Khôi nhất trí với các đề xuất "
            "và cho biết Đại sứ quán sẽ đồng hành để các kế hoạch sớm thành hiện thực.",
            "Trong chương trình công tác, đoàn đã đến thăm Trường Đại học Tổng hợp Quốc gia "
            "Lomonosov và một bảo tàng tại Moskva.",
        ],
    },
]

LEAD_STORY = "reception-2025"

# The title of a story's second photo (the one in its body), from the story's title.
SECOND_PHOTO_TITLE = "{title} – 2"

# Shorter items of the newspaper's recent-news rail.
RECENT = [
    (
        "business",
        "Vốn tín dụng chính sách giúp hộ nghèo vươn lên",
        at(2025, 6, 2, 8, 0),
        "money",
        "Nguồn vốn ưu đãi của Ngân hàng Chính sách xã hội tiếp tục là điểm tựa để hàng nghìn hộ "
        "nghèo, cận nghèo trong tỉnh đầu tư chăn nuôi, trồng cây ăn quả và thoát nghèo bền vững.",
        ["Giảm nghèo", "Tín dụng chính sách"],
    ),
    (
        "culture",
        "Hồi sinh nghề truyền thống như một di sản văn hóa",
        at(2025, 6, 5, 9, 30),
        "loom",
        "Dệt thổ cẩm, rèn, đan lát… đang được các bản làng gìn giữ và truyền dạy cho lớp trẻ, vừa "
        "giữ bản sắc vừa tạo sinh kế từ du lịch cộng đồng.",
        ["Nghề truyền thống", "Di sản"],
    ),
    (
        "society",
        "Tiếp sức thí sinh có hoàn cảnh khó khăn trong kỳ thi tốt nghiệp",
        at(2025, 6, 24, 7, 0),
        "school",
        "Đoàn viên, thanh niên bố trí chỗ nghỉ, suất ăn miễn phí và phương tiện đưa đón thí sinh "
        "vùng cao về điểm thi tốt nghiệp trung học phổ thông.",
        ["Giáo dục", "Thanh niên"],
    ),
    (
        "local",
        "Hộ nghèo huyện Điện Biên được vay vốn làm nhà theo Nghị định 28/2022/NĐ-CP",
        at(2025, 6, 9, 10, 0),
        "house",
        "Chính sách cho vay ưu đãi theo Nghị định số 28/2022/NĐ-CP giúp nhiều hộ nghèo ở huyện "
        "Điện Biên có nhà ở kiên cố trước mùa mưa.",
        ["Giảm nghèo", "Nhà ở"],
    ),
    (
        "news",
        "Đài Phát thanh và Truyền hình tỉnh hợp nhất vào Báo Điện Biên Phủ",
        at(2025, 6, 30, 15, 0),
        "press",
        "Thực hiện chủ trương sắp xếp bộ máy, Đài Phát thanh và Truyền hình tỉnh được hợp nhất "
        "vào Báo Điện Biên Phủ, hình thành cơ quan báo chí đa phương tiện của tỉnh.",
        ["Báo chí"],
    ),
    (
        "figure",
        "Người làm báo học và làm theo tấm gương Bác Hồ",
        at(2025, 6, 20, 8, 30),
        "press",
        "Những phóng viên bám bản, bám cơ sở kể về cách họ học tập phong cách giản dị, gần dân "
        "của Bác Hồ trong từng bài viết.",
        ["Báo chí", "Học tập và làm theo Bác"],
    ),
    (
        "business",
        "Khó khăn về nguồn vật liệu xây dựng",
        at(2025, 6, 12, 9, 0),
        "quarry",
        "Giá cát, đá tăng và nguồn cung thiếu khiến nhiều công trình trên địa bàn tỉnh chậm tiến "
        "độ; các ngành đang tìm giải pháp tháo gỡ.",
        ["Xây dựng"],
    ),
    (
        "society",
        "Ngăn chặn buôn bán động vật hoang dã",
        at(2025, 6, 15, 14, 0),
        "forest",
        "Lực lượng kiểm lâm và công an phối hợp tuần tra, tuyên truyền để người dân không săn "
        "bắt, mua bán động vật hoang dã.",
        ["Bảo vệ rừng"],
    ),
    (
        "political-system",
        "Đại hội Đảng bộ cơ sở nhiệm kỳ mới",
        at(2025, 6, 18, 8, 0),
        "hall",
        "Các đảng bộ cơ sở trong tỉnh tổ chức đại hội nhiệm kỳ mới, bầu ban chấp hành và đề ra "
        "mục tiêu phát triển kinh tế – xã hội của địa phương.",
        ["Xây dựng Đảng"],
    ),
    (
        "society",
        "Phòng chống đuối nước cho trẻ em mùa mưa lũ",
        at(2025, 7, 1, 7, 30),
        "river",
        "Các trường học và gia đình được khuyến cáo tăng cường trông coi trẻ, dạy kỹ năng bơi an "
        "toàn khi mùa mưa lũ đến.",
        ["Trẻ em", "Mưa lũ"],
    ),
    (
        "local",
        "Thúc đẩy bình đẳng giới ở huyện Mường Chà",
        at(2025, 7, 3, 9, 0),
        "valley",
        "Phụ nữ dân tộc thiểu số ở Mường Chà được hỗ trợ học nghề, vay vốn và tham gia nhiều hơn "
        "vào công việc của bản, xã.",
        ["Bình đẳng giới", "Mường Chà"],
    ),
    (
        "society",
        "Trại hè “Về nguồn” 2025 tại Trường Tiểu học Võ Nguyên Giáp",
        at(2025, 7, 8, 8, 0),
        "camp",
        "Trại hè “Về nguồn” năm 2025 diễn ra tại Trường Tiểu học Võ Nguyên Giáp, xã Mường Phăng, "
        "giúp học sinh tìm hiểu lịch sử quê hương qua trò chơi và tham quan di tích.",
        ["Giáo dục", "Trẻ em"],
    ),
]

VIDEO = {
    "section": "culture",
    "title": "Video: Sắc hoa ban trắng núi rừng Điện Biên",
    "date": at(2025, 3, 10, 18, 0),
    "palette": "bauhinia",
    "lead": (
        "Mỗi độ tháng Ba, hoa ban nở trắng các sườn đồi Điện Biên; phóng sự ghi lại không khí "
        "chuẩn bị Lễ hội Hoa Ban năm 2025."
    ),
    "tags": ["Lễ hội Hoa Ban", "Du lịch"],
}
