"""English and Russian texts of the demo stories that load_demo leaves untranslated (the
recent-news rail and the video), for the demo translation engine's memory only: these pages
start in Vietnamese alone, so an editor can try machine translation on them.

Keyed by the Vietnamese title in content.py; each edition gives (title, lead, caption), the
caption translating the photo caption the loader derives from the lead.
"""

STORIES = {
    "Vốn tín dụng chính sách giúp hộ nghèo vươn lên": {
        "en": (
            "Policy credit helps poor households get ahead",
            "Preferential loans from the Vietnam Bank for Social Policies remain a mainstay for "
            "thousands of poor and near-poor households in the province, who invest in livestock "
            "and fruit trees and leave poverty for good.",
            "Preferential loans from the Vietnam Bank for Social Policies remain a mainstay for "
            "thousands of poor and near-poor households.",
        ),
        "ru": (
            "Льготные кредиты помогают бедным семьям встать на ноги",
            "Льготные займы Банка социальной политики Вьетнама остаются опорой для тысяч бедных и "
            "малообеспеченных семей провинции, которые вкладывают их в животноводство и плодовые "
            "сады и надолго выходят из бедности.",
            "Льготные займы Банка социальной политики Вьетнама остаются опорой для тысяч бедных и "
            "малообеспеченных семей.",
        ),
    },
    "Hồi sinh nghề truyền thống như một di sản văn hóa": {
        "en": (
            "Reviving traditional crafts as a cultural heritage",
            "Brocade weaving, blacksmithing, basketry… are kept alive in the villages and taught "
            "to the young, preserving identity while earning a living from community tourism.",
            "Brocade weaving.",
        ),
        "ru": (
            "Возрождение традиционных ремёсел как культурного наследия",
            "Ткачество парчи, кузнечное дело, плетение… сохраняются в деревнях и передаются "
            "молодёжи, сберегая самобытность и давая заработок от общинного туризма.",
            "Ткачество парчи.",
        ),
    },
    "Tiếp sức thí sinh có hoàn cảnh khó khăn trong kỳ thi tốt nghiệp": {
        "en": (
            "Helping disadvantaged candidates through the graduation exam",
            "Youth Union members arrange lodging, free meals and transport to bring highland "
            "candidates to their upper secondary graduation exam centres.",
            "Youth Union members.",
        ),
        "ru": (
            "Помощь абитуриентам из нуждающихся семей на выпускных экзаменах",
            "Члены Союза молодёжи организуют ночлег, бесплатное питание и транспорт, чтобы "
            "доставить абитуриентов из горных районов к местам сдачи выпускных экзаменов средней "
            "школы.",
            "Члены Союза молодёжи.",
        ),
    },
    "Hộ nghèo huyện Điện Biên được vay vốn làm nhà theo Nghị định 28/2022/NĐ-CP": {
        "en": (
            "Poor households in Điện Biên district borrow to build homes under Decree "
            "28/2022/NĐ-CP",
            "Preferential lending under Decree No. 28/2022/NĐ-CP has given many poor households "
            "in Điện Biên district solid homes before the rainy season.",
            "Preferential lending under Decree No. 28/2022/NĐ-CP has given many poor households "
            "in Điện Biên district solid homes before the rainy season.",
        ),
        "ru": (
            "Бедные семьи уезда Điện Biên получают займы на жильё по постановлению 28/2022/NĐ-CP",
            "Льготное кредитование по постановлению № 28/2022/NĐ-CP позволило многим бедным "
            "семьям уезда Điện Biên обзавестись прочным жильём до сезона дождей.",
            "Льготное кредитование по постановлению № 28/2022/NĐ-CP позволило многим бедным "
            "семьям уезда Điện Biên обзавестись прочным жильём до сезона дождей.",
        ),
    },
    "Đài Phát thanh và Truyền hình tỉnh hợp nhất vào Báo Điện Biên Phủ": {
        "en": (
            "Provincial Radio and Television merges into Điện Biên Phủ Newspaper",
            "Following the policy of streamlining the administrative apparatus, the provincial "
            "Radio and Television station has merged into Điện Biên Phủ Newspaper, forming the "
            "province's multimedia press agency.",
            "Following the policy of streamlining the administrative apparatus.",
        ),
        "ru": (
            "Провинциальное радио и телевидение вошло в состав газеты «Điện Biên Phủ»",
            "В рамках оптимизации государственного аппарата провинциальная радио- и "
            "телекомпания вошла в состав газеты «Điện Biên Phủ», образовав мультимедийное "
            "издание провинции.",
            "В рамках оптимизации государственного аппарата.",
        ),
    },
    "Người làm báo học và làm theo tấm gương Bác Hồ": {
        "en": (
            "Journalists study and follow Uncle Hồ's example",
            "Reporters who stay close to the villages and the grassroots tell how they learn "
            "from Uncle Hồ's simple, people-centred style in every story they write.",
            "Reporters who stay close to the villages.",
        ),
        "ru": (
            "Журналисты учатся у дядюшки Хо и следуют его примеру",
            "Репортёры, работающие в сёлах и на местах, рассказывают, как в каждом материале "
            "учатся у дядюшки Хо простоте и близости к народу.",
            "Репортёры, работающие в сёлах.",
        ),
    },
    "Khó khăn về nguồn vật liệu xây dựng": {
        "en": (
            "Building materials in short supply",
            "Rising prices of sand and stone and a shortage of supply are delaying many "
            "construction projects in the province; the authorities are looking for solutions.",
            "Sand prices.",
        ),
        "ru": (
            "Нехватка строительных материалов",
            "Рост цен на песок и камень и нехватка поставок задерживают многие стройки в "
            "провинции; ведомства ищут решения.",
            "Цены на песок.",
        ),
    },
    "Ngăn chặn buôn bán động vật hoang dã": {
        "en": (
            "Stopping the wildlife trade",
            "Forest rangers and the police patrol together and inform residents so that they do "
            "not hunt, buy or sell wild animals.",
            "Forest rangers and the police patrol together.",
        ),
        "ru": (
            "Пресечение торговли дикими животными",
            "Лесная охрана и полиция вместе патрулируют леса и разъясняют жителям, что диких "
            "животных нельзя ловить, покупать и продавать.",
            "Лесная охрана и полиция вместе патрулируют леса.",
        ),
    },
    "Đại hội Đảng bộ cơ sở nhiệm kỳ mới": {
        "en": (
            "Grassroots Party congresses for the new term",
            "Grassroots Party organisations across the province hold congresses for the new "
            "term, elect their executive committees and set goals for local socio-economic "
            "development.",
            "Grassroots Party organisations across the province hold congresses for the new term.",
        ),
        "ru": (
            "Съезды низовых партийных организаций нового созыва",
            "Низовые партийные организации провинции проводят съезды нового созыва, избирают "
            "исполнительные комитеты и ставят цели социально-экономического развития своих "
            "территорий.",
            "Низовые партийные организации провинции проводят съезды нового созыва.",
        ),
    },
    "Phòng chống đuối nước cho trẻ em mùa mưa lũ": {
        "en": (
            "Preventing children from drowning in the flood season",
            "Schools and families are urged to watch over children more closely and teach them "
            "to swim safely as the rainy, flood season arrives.",
            "Schools and families are urged to watch over children more closely.",
        ),
        "ru": (
            "Профилактика утоплений детей в сезон дождей и паводков",
            "Школам и семьям рекомендуют внимательнее присматривать за детьми и учить их "
            "безопасно плавать с наступлением сезона дождей и паводков.",
            "Школам и семьям рекомендуют внимательнее присматривать за детьми.",
        ),
    },
    "Thúc đẩy bình đẳng giới ở huyện Mường Chà": {
        "en": (
            "Promoting gender equality in Mường Chà district",
            "Ethnic minority women in Mường Chà receive help to learn a trade, borrow money and "
            "take a greater part in the affairs of their villages and communes.",
            "Ethnic minority women in Mường Chà receive help to learn a trade.",
        ),
        "ru": (
            "Продвижение гендерного равенства в уезде Mường Chà",
            "Женщины из этнических меньшинств в Mường Chà получают помощь в обучении ремеслу, "
            "займы и больше участвуют в делах своих деревень и общин.",
            "Женщины из этнических меньшинств в Mường Chà получают помощь в обучении ремеслу.",
        ),
    },
    "Trại hè “Về nguồn” 2025 tại Trường Tiểu học Võ Nguyên Giáp": {
        "en": (
            "The 2025 “Back to the roots” summer camp at Võ Nguyên Giáp Primary School",
            "The 2025 “Back to the roots” summer camp took place at Võ Nguyên Giáp Primary "
            "School in Mường Phăng commune, helping pupils learn the history of their homeland "
            "through games and visits to historic sites.",
            "The 2025 “Back to the roots” summer camp took place at Võ Nguyên Giáp Primary School.",
        ),
        "ru": (
            "Летний лагерь «К истокам» 2025 года в начальной школе имени Võ Nguyên Giáp",
            "Летний лагерь «К истокам» 2025 года прошёл в начальной школе имени Võ Nguyên Giáp в "
            "общине Mường Phăng: играя и посещая исторические места, школьники знакомились с "
            "историей родного края.",
            "Летний лагерь «К истокам» 2025 года прошёл в начальной школе имени Võ Nguyên Giáp.",
        ),
    },
    "Video: Sắc hoa ban trắng núi rừng Điện Biên": {
        "en": (
            "Video: White Ban flowers across the hills of Điện Biên",
            "Every March the Ban flowers turn the hillsides of Điện Biên white; this report "
            "captures the preparations for the 2025 Ban Flower Festival.",
            "",
        ),
        "ru": (
            "Видео: белые цветы бан на холмах Điện Biên",
            "Каждый март цветы бан покрывают белым склоны холмов Điện Biên; репортаж показывает "
            "подготовку к Празднику цветов бан 2025 года.",
            "",
        ),
    },
}
