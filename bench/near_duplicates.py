"""Precision and recall of the near-duplicate check on a labelled set of short news stories in
Vietnamese, English and Russian.

Usage:
    .venv/bin/python bench/near_duplicates.py

The set (below, written for this benchmark) has short stories (under 200 words), each also
in versions with one sentence rewritten, as a second portal or a later edit would have it, and
in English and Russian translations, as another edition would publish it; and families of
distinct stories made from one template (gold prices, power cuts, weather, a delegation
received), whose fixed sentences and names are the same while the numbers, dates and some
names differ, in all three languages. Every pair of texts is labelled: the same story or not.
Each pair is judged as an import would judge it: the first text is in the index, the second is
looked up. Printed separately for pairs in one language and pairs across editions: pairs, true
and false positives, precision and recall, for the shingle threshold alone (as before) and for
the check as it is now (dedup.match, the decision taken on each candidate the index finds).
"""

import itertools
import os
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# (story, text) in Vietnamese: texts with the same story label are the same story.
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

# (story, language, text): translations into the other editions of stories above (the same
# story), one more story in three languages, and distinct stories from the same templates
# (other days, other names and numbers) written in English or Russian.
EDITIONS = [
    (
        "hoa-ban",
        "en",
        "The 2025 Hoa Ban Festival will take place from 12 to 15 March in Dien Bien Phu city. "
        "The organisers said this year's festival features 25 cultural, sports and tourism "
        "events. The highlight is the opening night, with a Thai xoe dance performed by 2,025 "
        "artisans and performers. Districts will display OCOP products and highland "
        "specialities at 7/5 Square. Visitors can experience the culture of the Thai, Mong and "
        "Kho Mu ethnic groups.",
    ),
    (
        "hoa-ban",
        "ru",
        "Фестиваль «Хоа Бан» 2025 года пройдёт с 12 по 15 марта в городе Дьенбьенфу. По "
        "словам организаторов, в программе фестиваля в этом году 25 культурных, спортивных и "
        "туристических мероприятий. Главным событием станет вечер открытия, где 2025 мастеров "
        "и артистов исполнят тайский танец «соэ». Уезды представят продукцию OCOP и горные "
        "деликатесы на площади 7 Мая. Гости познакомятся с культурой народов тай, монг и кхму.",
    ),
    (
        "duoi-nuoc",
        "en",
        "The Dien Bien Department of Education and Training has issued a plan to prevent "
        "drowning among pupils during the summer holidays. Schools must hold at least two "
        "sessions on water safety skills before the holidays begin. Parents are advised not to "
        "let children swim in rivers, streams or ponds without an adult. In 2024 the province "
        "recorded seven drownings, in which nine children died.",
    ),
    (
        "duoi-nuoc",
        "ru",
        "Департамент образования и подготовки кадров провинции Дьенбьен утвердил план по "
        "предотвращению утоплений среди школьников во время летних каникул. Школы должны "
        "провести не менее двух занятий по безопасному поведению на воде до начала каникул. "
        "Родителям рекомендуют не отпускать детей купаться в реках, ручьях и прудах без "
        "взрослых. В 2024 году в провинции произошло 7 случаев утопления, погибли 9 детей.",
    ),
    (
        "ca-phe",
        "en",
        "Muong Ang district harvested more than 3,000 tonnes of green coffee beans in the "
        "2024-2025 crop year. Fresh coffee cherries sold at the farm gate for 23,000 to 25,000 "
        "dong per kilogram, twice as much as a year earlier. Many households have invested in "
        "dryers and storehouses so as to sell processed beans instead of fresh cherries. The "
        "district is building a Muong Ang coffee brand with a geographical indication.",
    ),
    (
        "ca-phe",
        "ru",
        "Уезд Мыонганг собрал в сезоне 2024–2025 годов более 3 000 тонн зелёного кофе. Цена "
        "свежих кофейных ягод на плантациях составила от 23 000 до 25 000 донгов за "
        "килограмм, вдвое выше, чем годом ранее. Многие хозяйства купили сушилки и построили "
        "склады, чтобы продавать зерно, а не свежие ягоды. Уезд создаёт бренд кофе Мыонганг с "
        "географическим указанием.",
    ),
    (
        "duong-tuan-giao",
        "en",
        "The road linking Dien Bien Phu city with Tuan Giao district has opened to traffic "
        "after 18 months of construction. The 38 km road cost 1.2 trillion dong from the "
        "central budget. Travel time between the two localities has fallen from 2 hours to "
        "about 50 minutes. Residents of the villages along the road welcome easier travel and "
        "trade.",
    ),
    (
        "duong-tuan-giao",
        "ru",
        "Дорога, соединяющая город Дьенбьенфу с уездом Туанзяо, открыта для движения после 18 "
        "месяцев строительства. Протяжённость трассы 38 км, на неё выделено 1,2 трлн донгов "
        "из центрального бюджета. Время в пути между двумя населёнными пунктами сократилось с "
        "2 часов примерно до 50 минут. Жители сёл вдоль трассы рады, что ездить и торговать "
        "стало проще.",
    ),
    (
        "hien-mau",
        "en",
        "On the morning of June 14, the Dien Bien Red Cross Society held a voluntary blood "
        "donation day at the provincial Cultural House. More than 600 youth union members, "
        "young people, officials and residents signed up. The organisers collected 512 units "
        "of blood that met the standards. The blood was sent to the Provincial General "
        "Hospital for emergency care and treatment.",
    ),
    (
        "hien-mau",
        "ru",
        "Утром 14 июня Общество Красного Креста провинции Дьенбьен провело день "
        "добровольного донорства крови в провинциальном Доме культуры. Записались более 600 "
        "членов Союза молодёжи, молодых людей, служащих и жителей. Организаторы получили 512 "
        "доз крови, отвечающей стандартам. Кровь передана в Провинциальную больницу общего "
        "профиля для неотложной помощи и лечения.",
    ),
    (
        "tiep-doan-nga",
        "vi",
        "Ngày 18/4/2025, Bí thư Tỉnh ủy Trần Quốc Cường tiếp đoàn công tác của thành phố Saint "
        "Petersburg do ông Kalganov Vyacheslav dẫn đầu. Hai bên trao đổi về hợp tác nông "
        "nghiệp, du lịch và năng lượng tái tạo. Tỉnh Điện Biên đang duy trì 2 lớp học tiếng "
        "Nga cho 40 học sinh thuộc 19 dân tộc thiểu số. Dự kiến 12 em sẽ tham gia trại hè tại "
        "Saint Petersburg.",
    ),
    (
        "tiep-doan-nga",
        "en",
        "On April 18, 2025, Provincial Party Secretary Tran Quoc Cuong received a delegation "
        "from the city of Saint Petersburg led by Mr Kalganov Vyacheslav. The two sides "
        "discussed cooperation in agriculture, tourism and renewable energy. Dien Bien province "
        "runs two Russian classes for 40 pupils from 19 ethnic minorities. Twelve of them are "
        "expected to attend a summer camp in Saint Petersburg.",
    ),
    (
        "tiep-doan-nga",
        "ru",
        "18 апреля 2025 года секретарь провинциального комитета партии Чан Куок Кыонг принял "
        "делегацию Санкт-Петербурга во главе с Вячеславом Калгановым. Стороны обсудили "
        "сотрудничество в сельском хозяйстве, туризме и возобновляемой энергетике. В "
        "провинции Дьенбьен работают 2 класса русского языка для 40 школьников из 19 "
        "национальных меньшинств. Ожидается, что 12 из них поедут в летний лагерь в "
        "Санкт-Петербург.",
    ),
    (
        "tiep-doan-lao",
        "en",
        "On May 6, 2025, Provincial People's Committee Chairman Le Thanh Do received a "
        "delegation from Luang Prabang province led by Mr Khamkhan Chanthavong. The two sides "
        "discussed cooperation in border trade, education and health care. Dien Bien province "
        "is training 85 Lao students at its colleges this year. Both sides agreed to open 3 "
        "more border markets by 2026.",
    ),
    (
        "tiep-doan-lao",
        "ru",
        "6 мая 2025 года председатель провинциального народного комитета Ле Тхань До принял "
        "делегацию провинции Луангпхабанг во главе с Камканом Чантхавонгом. Стороны обсудили "
        "приграничную торговлю, образование и здравоохранение. Провинция Дьенбьен обучает в "
        "этом году 85 лаосских студентов. Стороны договорились открыть ещё 3 приграничных "
        "рынка до 2026 года.",
    ),
    (
        "gia-vang-13/5/2025",
        "ru",
        "Утром 13 мая 2025 года слитки золота SJC в Дьенбьене котировались по 118 млн донгов "
        "за лян "
        "при покупке и 120 млн донгов за лян при продаже. По сравнению с предыдущими торгами "
        "цена снизилась на 1,5 млн донгов за лян. Гладкие кольца 9999 подешевели так же. "
        "Ювелирные магазины сообщают, что покупателей немного. Жителям советуют покупать "
        "золото только в лицензированных магазинах.",
    ),
    (
        "gia-vang-16/5/2025",
        "en",
        "This morning, May 16, 2025, SJC gold bars in Dien Bien were listed at 116.8 million "
        "dong per tael for buying and 118.8 million dong per tael for selling. Compared with "
        "the previous session, gold fell by 700 thousand dong per tael. Plain 9999 gold rings "
        "moved the same way. Gold shops in the area said few customers were buying. People are "
        "advised to buy gold only from licensed dealers.",
    ),
    (
        "gia-vang-17/5/2025",
        "ru",
        "Утром 17 мая 2025 года слитки золота SJC в Дьенбьене котировались по 117,2 млн донгов "
        "за лян "
        "при покупке и 119,2 млн донгов за лян при продаже. По сравнению с предыдущими торгами "
        "цена выросла на 400 тыс. донгов за лян. Гладкие кольца 9999 подорожали так же. "
        "Ювелирные магазины сообщают, что покупателей немного. Жителям советуют покупать "
        "золото только в лицензированных магазинах.",
    ),
    (
        "thoi-tiet-2/6/2025",
        "en",
        "Weather forecast for Dien Bien province on June 2, 2025: lows of 20 to 22 degrees C, "
        "highs of 31 degrees C. The chance of rain is about 40%. High mountain areas will see "
        "fog early in the morning, with visibility below 1 km in places. Drivers on mountain "
        "passes should slow down. Light winds, average humidity 75 to 85%.",
    ),
    (
        "thoi-tiet-5/6/2025",
        "en",
        "Weather forecast for Dien Bien province on June 5, 2025: lows of 22 to 24 degrees C, "
        "highs of 34 degrees C. The chance of rain is about 10%. High mountain areas will see "
        "fog early in the morning, with visibility below 1 km in places. Drivers on mountain "
        "passes should slow down. Light winds, average humidity 70 to 80%.",
    ),
    (
        "thoi-tiet-6/6/2025",
        "ru",
        "Прогноз погоды в провинции Дьенбьен на 6 июня 2025 года: минимальная температура от "
        "21 до 23 °C, максимальная 32 °C. Вероятность дождя около 60%. В высокогорье рано "
        "утром туман, местами видимость менее 1 км. Водителям на перевалах следует снизить "
        "скорость. Ветер слабый, средняя влажность от 75 до 85%.",
    ),
    (
        "cat-dien-24/5/2025",
        "en",
        "Dien Bien Power Company announces a power cut on May 24, 2025 in Na Tau commune from "
        "8 a.m. to 4 p.m. The power will be off for maintenance and repair of the grid. "
        "Customers are asked to plan their production and business work accordingly. Power "
        "will be restored as soon as the work is completed. For questions, call the customer "
        "care hotline 19006769.",
    ),
    (
        "cat-dien-26/5/2025",
        "ru",
        "Энергетическая компания Дьенбьена сообщает об отключении электроэнергии 26 мая 2025 "
        "года в квартале Намтхань с 6:00 до 9:30. Электричество отключат для обслуживания и "
        "ремонта сети. Потребителей просят заранее спланировать работу. После завершения "
        "работ подача электроэнергии будет восстановлена как можно скорее. По всем вопросам "
        "звоните на горячую линию 19006769.",
    ),
]
LABELLED = [(story, "vi", text) for story, text in STORIES + TEMPLATED] + EDITIONS


def judge(first, second, *, with_facts: bool) -> bool:
    """Whether an import of the second text would be linked to the first (the LSH lookup
    only finds candidates; this is the decision made on each). Texts are (language, text)."""
    from django.conf import settings

    from hoaban.ingest import dedup

    (language, text), (other_language, other_text) = first, second
    return (
        dedup.match(
            dedup.signature(text),
            dedup.facts(text, language) if with_facts else None,
            dedup.signature(other_text),
            dedup.facts(other_text, other_language) if with_facts else None,
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
    words = max(len(dedup.WORD.findall(text)) for _story, _language, text in LABELLED)
    languages = Counter(language for _story, language, _text in LABELLED)
    print(
        f"{len(LABELLED)} texts ({', '.join(f'{n} {code}' for code, n in languages.items())}; "
        f"at most {words} words), {len(pairs)} ordered pairs"
    )
    print(f"{'pairs':<16}{'check':<24}{'pairs':>6}{'same':>6}{'found':>7}{'true':>6}", end="")
    print(f"{'false':>7}{'precision':>11}{'recall':>8}")
    for kind in ("same language", "cross-edition"):
        chosen = [
            (one, other)
            for one, other in pairs
            if (one[1] == other[1]) == (kind == "same language")
        ]
        same = sum(1 for one, other in chosen if one[0] == other[0])
        for name, with_facts in [("shingles only (before)", False), ("dedup.match (now)", True)]:
            found = true = 0
            for (story, language, text), (other_story, other_language, other_text) in chosen:
                if judge((language, text), (other_language, other_text), with_facts=with_facts):
                    found += 1
                    true += story == other_story
            precision = true / found if found else 1.0
            print(
                f"{kind:<16}{name:<24}{len(chosen):>6}{same:>6}{found:>7}{true:>6}"
                f"{found - true:>7}{precision:>11.3f}{true / same:>8.3f}"
            )


if __name__ == "__main__":
    main()
