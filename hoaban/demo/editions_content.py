"""The English and Russian editions of the demo: the newsroom's own translations of the front
page, the sections, the partnership topic and its three articles (see content.py for the
Vietnamese originals they follow, paragraph by paragraph).

Names keep their Vietnamese letters in every edition, as the brief asks.
"""

EDITIONS = {
    "en": {
        "home": "Điện Biên Phủ Newspaper",
        "tagline": "News from Điện Biên province – Vietnam",
        "dateline": "ĐBP",
        "sections": {
            "news": (
                "News - Politics",
                "Current affairs, politics and foreign relations of the province.",
            ),
            "business": ("Business", "Investment, production, credit and markets."),
            "culture": (
                "Culture - Tourism",
                "Festivals, heritage, traditional crafts and tourism.",
            ),
            "society": ("Social Affairs", "Education, health care, welfare and everyday life."),
            "political-system": (
                "Political System",
                "Building the Party and the local government.",
            ),
            "local": ("Local", "News from the districts, towns and communes."),
            "heritage": ("Heritage", "Historical sites and cultural heritage."),
            "figure": ("Figure", "Portraits of the people who make Điện Biên."),
            "product": ("Product", "Local specialities and OCOP products."),
            "videos": ("Videos", "Video reports and news in pictures."),
        },
        "topic": (
            "Điện Biên – Saint Petersburg",
            "Since the visit of November 2024, Điện Biên province and the city of Saint "
            "Petersburg (Russian Federation) have been building a twinning partnership in "
            "trade, education, health care, culture and tourism. The timeline below records "
            "its main milestones.",
        ),
        "articles": {
            "agreement-2024": {
                "second_caption": "The two delegations in talks in Saint Petersburg, November 2024.",
                "title": "Điện Biên and Saint Petersburg sign a cooperation agreement and become twin localities",
                "lead": (
                    "During its working visit to the Russian Federation, the Điện Biên provincial "
                    "delegation and the Saint Petersburg city government signed a cooperation "
                    "agreement on trade, the economy, science and technology, society and the "
                    "humanities."
                ),
                "caption": "The signing of the cooperation agreement between Điện Biên province and the city of Saint Petersburg.",
                "body": [
                    "In November 2024 a delegation of Điện Biên province visited and worked in "
                    "Saint Petersburg. It was the first time the leaders of the two localities sat "
                    "down together to discuss a long-term programme of cooperation, built on the "
                    "traditional friendship between Vietnam and the Russian Federation.",
                    "The agreement signed by the two sides covers many fields: trade and the "
                    "economy, science and technology, society and the humanities. They agreed to "
                    "exchange information regularly, to help businesses learn about each other's "
                    "markets and to encourage schools and cultural institutions to build direct "
                    "ties.",
                    "The visit also marked the official twinning of the two localities. Saint "
                    "Petersburg said it wished to learn more about Điện Biên Phủ – the land of the "
                    "historic victory of 1954 – and about the province's potential in agriculture, "
                    "forestry and tourism.",
                    "The leaders of Điện Biên province said they would turn the agreement into "
                    "yearly action programmes, with departments and agencies assigned to follow "
                    "them and report on results, so that the twinning brings real benefits.",
                ],
            },
            "reception-2025": {
                "second_caption": "The two sides discuss cooperation in agriculture, tourism and education.",
                "title": "Party Secretary Trần Quốc Cường receives a delegation from Saint Petersburg",
                "lead": (
                    "On the afternoon of 13 March, Trần Quốc Cường, Secretary of the Điện Biên "
                    "provincial Party Committee, received a delegation from the city of Saint "
                    "Petersburg (Russian Federation) led by Kalganov Vyacheslav Gennadievic, "
                    "Deputy Chairman of the city's Committee for External Relations."
                ),
                "caption": (
                    "Party Secretary Trần Quốc Cường presents the Saint Petersburg delegation with "
                    "a Mông khèn, the traditional pipe instrument of the Mông people."
                ),
                "body": [
                    "Welcoming the delegation, Party Secretary Trần Quốc Cường praised the progress "
                    "made in relations between the two localities since the cooperation agreement "
                    "was signed in November 2024.",
                    "The two sides discussed the fields where cooperation could start soon: "
                    "agriculture, forestry, tourism, renewable energy and investment. Mr Kalganov "
                    "Vyacheslav Gennadievic said Saint Petersburg was ready to introduce its "
                    "companies to opportunities in Điện Biên.",
                    "In education, Điện Biên province runs two Russian-language classes for 40 "
                    "students from 19 ethnic minority groups. Some of them will join a summer camp "
                    "exchange with students from Saint Petersburg, a chance for the young people of "
                    "both localities to understand each other better.",
                    "On behalf of the provincial leaders, the Party Secretary presented the "
                    "delegation with a khèn – the traditional instrument of the Mông people – and "
                    "invited it back for the 2025 Ban Flower Festival and the 8th Điện Biên Ethnic "
                    "Culture, Sports and Tourism Festival.",
                ],
            },
            "moscow-2025": {
                "second_caption": "Chairman Lê Thành Đô in talks with Ambassador Đặng Minh Khôi in Moscow.",
                "title": "People's Committee Chairman Lê Thành Đô works with the Vietnamese Embassy in the Russian Federation",
                "lead": (
                    "On 19 April in Moscow, Lê Thành Đô, Chairman of the Điện Biên provincial "
                    "People's Committee, worked with Ambassador Đặng Minh Khôi at the Vietnamese "
                    "Embassy in the Russian Federation on plans for cooperation with the city of "
                    "Saint Petersburg."
                ),
                "caption": "The Điện Biên delegation at work at the Vietnamese Embassy in the Russian Federation.",
                "source_name": "Điện Biên Provincial Government Portal",
                "body": [
                    "Reporting to the Ambassador, Chairman Lê Thành Đô said Điện Biên wanted to "
                    "give substance to its agreement with Saint Petersburg through practical "
                    "steps, first of all in health care and education.",
                    "In health care, the province proposed that its partners help train "
                    "specialists in cardiology, surgery, epidemic prevention and cancer treatment, "
                    "and explore cooperation on vaccines.",
                    "In education, the two sides discussed teaching Vietnamese at Lyceum 488 in "
                    "Saint Petersburg and Russian at the provincial ethnic boarding high school, "
                    "together with scholarships for Điện Biên students to study in Russia.",
                    "The province also hopes to open tourist routes from Russia to Điện Biên Phủ, "
                    "to develop historical tourism and to link museums and archives – Leningrad "
                    "and Điện Biên Phủ being both places of history. Ambassador Đặng Minh Khôi "
                    "agreed with the proposals and said the Embassy would help bring the plans "
                    "to life.",
                    "During the visit the delegation went to Lomonosov Moscow State University "
                    "and a museum in Moscow.",
                ],
            },
        },
    },
    "ru": {
        "home": "Газета «Điện Biên Phủ»",
        "tagline": "Новости провинции Điện Biên – Вьетнам",
        "dateline": "ĐBP",
        "sections": {
            "news": ("Новости - Политика", "Текущие события, политика и внешние связи провинции."),
            "business": ("Экономика", "Инвестиции, производство, кредиты и рынки."),
            "culture": ("Культура - Туризм", "Праздники, наследие, традиционные ремёсла и туризм."),
            "society": (
                "Общество",
                "Образование, здравоохранение, социальная защита и повседневная жизнь.",
            ),
            "political-system": (
                "Политическая система",
                "Партийное строительство и местная власть.",
            ),
            "local": ("Регионы", "Новости уездов, городов и общин."),
            "heritage": ("Наследие", "Исторические памятники и культурное наследие."),
            "figure": ("Люди", "Портреты тех, кто создаёт Điện Biên."),
            "product": ("Продукция", "Местные деликатесы и продукция программы OCOP."),
            "videos": ("Видео", "Видеорепортажи и новости в кадре."),
        },
        "topic": (
            "Điện Biên – Санкт-Петербург",
            "После визита в ноябре 2024 года провинция Điện Biên и город Санкт-Петербург "
            "(Российская Федерация) шаг за шагом выстраивают побратимские связи в торговле, "
            "образовании, здравоохранении, культуре и туризме. Хроника ниже отмечает главные "
            "вехи.",
        ),
        "articles": {
            "agreement-2024": {
                "second_caption": "Переговоры двух делегаций в Санкт-Петербурге, ноябрь 2024 года.",
                "title": "Điện Biên и Санкт-Петербург подписали соглашение о сотрудничестве и стали побратимами",
                "lead": (
                    "В ходе рабочего визита в Российскую Федерацию делегация провинции Điện Biên "
                    "и правительство Санкт-Петербурга подписали соглашение о сотрудничестве в "
                    "области торговли, экономики, науки и техники, социальной и гуманитарной "
                    "сферах."
                ),
                "caption": "Подписание соглашения о сотрудничестве между провинцией Điện Biên и Санкт-Петербургом.",
                "body": [
                    "В ноябре 2024 года делегация провинции Điện Biên посетила Санкт-Петербург с "
                    "рабочим визитом. Руководители двух регионов впервые вместе обсудили "
                    "долгосрочную программу сотрудничества, опирающуюся на традиционную дружбу "
                    "Вьетнама и Российской Федерации.",
                    "Подписанное соглашение охватывает многие направления: торговлю и экономику, "
                    "науку и технику, социальную и гуманитарную сферы. Стороны договорились "
                    "регулярно обмениваться информацией, помогать предприятиям изучать рынки друг "
                    "друга и поощрять прямые связи между учебными и культурными учреждениями.",
                    "Визит также ознаменовал официальное установление побратимских отношений. "
                    "Петербургская сторона выразила желание больше узнать о земле Điện Biên Phủ, "
                    "связанной с исторической победой 1954 года, а также о возможностях провинции "
                    "в сельском и лесном хозяйстве и туризме.",
                    "Руководство провинции Điện Biên заявило, что воплотит соглашение в ежегодные "
                    "планы действий и поручит ведомствам следить за их выполнением и отчитываться "
                    "о результатах, чтобы побратимство приносило реальную пользу.",
                ],
            },
            "reception-2025": {
                "second_caption": "Стороны обсуждают сотрудничество в сельском хозяйстве, туризме и образовании.",
                "title": "Секретарь провинциального комитета партии Trần Quốc Cường принял делегацию Санкт-Петербурга",
                "lead": (
                    "13 марта секретарь провинциального комитета партии Điện Biên Trần Quốc Cường "
                    "принял делегацию Санкт-Петербурга (Российская Федерация) во главе с "
                    "заместителем председателя Комитета по внешним связям города Вячеславом "
                    "Геннадьевичем Калгановым."
                ),
                "caption": (
                    "Секретарь провинциального комитета партии Trần Quốc Cường дарит "
                    "петербургской делегации кхен — традиционный духовой инструмент народа монг."
                ),
                "body": [
                    "Приветствуя гостей, секретарь провинциального комитета партии Trần Quốc Cường "
                    "высоко оценил развитие отношений между двумя регионами со времени подписания "
                    "соглашения о сотрудничестве в ноябре 2024 года.",
                    "Стороны обсудили направления, в которых сотрудничество может начаться в "
                    "ближайшее время: сельское и лесное хозяйство, туризм, возобновляемая "
                    "энергетика и привлечение инвестиций. Вячеслав Геннадьевич Калганов сообщил, "
                    "что Санкт-Петербург готов познакомить свои компании с возможностями Điện Biên.",
                    "В сфере образования в провинции Điện Biên работают два класса с изучением "
                    "русского языка, где учатся 40 школьников из 19 этнических меньшинств. Часть "
                    "из них примет участие в летнем лагере вместе с петербургскими школьниками — "
                    "это возможность для молодёжи двух регионов лучше узнать друг друга.",
                    "От имени руководства провинции секретарь вручил делегации кхен — "
                    "традиционный инструмент народа монг — и пригласил гостей на Праздник цветов "
                    "бан 2025 года и VIII Фестиваль культуры, спорта и туризма народов провинции "
                    "Điện Biên.",
                ],
            },
            "moscow-2025": {
                "second_caption": "Председатель Lê Thành Đô беседует с послом Đặng Minh Khôi в Москве.",
                "title": "Председатель народного комитета провинции Lê Thành Đô провёл встречу в посольстве Вьетнама в России",
                "lead": (
                    "19 апреля в Москве председатель народного комитета провинции Điện Biên "
                    "Lê Thành Đô встретился с послом Đặng Minh Khôi в посольстве Вьетнама в "
                    "Российской Федерации и обсудил планы сотрудничества с Санкт-Петербургом."
                ),
                "caption": "Делегация провинции Điện Biên в посольстве Вьетнама в Российской Федерации.",
                "source_name": "Портал правительства провинции Điện Biên",
                "body": [
                    "Докладывая послу, председатель Lê Thành Đô сообщил, что Điện Biên стремится "
                    "наполнить соглашение с Санкт-Петербургом практическими делами — прежде всего "
                    "в здравоохранении и образовании.",
                    "В здравоохранении провинция предложила партнёрам помочь в подготовке "
                    "специалистов по кардиологии, хирургии, профилактике эпидемий и онкологии, а "
                    "также изучить возможности сотрудничества в производстве вакцин.",
                    "В образовании стороны обсудили преподавание вьетнамского языка в лицее № 488 "
                    "Санкт-Петербурга и русского языка в провинциальной школе-интернате для детей "
                    "этнических меньшинств, а также стипендии для учащихся из Điện Biên в России.",
                    "Провинция также надеется открыть туристические маршруты из России в "
                    "Điện Biên Phủ, развивать исторический туризм и сотрудничество музеев и "
                    "архивов — ведь Ленинград и Điện Biên Phủ одинаково вошли в историю. Посол "
                    "Đặng Minh Khôi поддержал предложения и заверил, что посольство поможет "
                    "воплотить планы в жизнь.",
                    "В ходе поездки делегация посетила Московский государственный университет "
                    "имени М. В. Ломоносова и один из московских музеев.",
                ],
            },
        },
    },
}

# Each demo tag's name in the English and Russian editions (hoaban.tagging). Place names keep
# their Vietnamese letters, as elsewhere in the editions; each name gives the tag's slug there.
TAG_NAMES = {
    "Điện Biên": ("Điện Biên", "Điện Biên"),
    "Saint Petersburg": ("Saint Petersburg", "Санкт-Петербург"),
    "Liên bang Nga": ("Russian Federation", "Российская Федерация"),
    "Hợp tác quốc tế": ("International cooperation", "Международное сотрудничество"),
    "Giáo dục": ("Education", "Образование"),
    "Y tế": ("Health care", "Здравоохранение"),
    "Du lịch": ("Tourism", "Туризм"),
    "Giảm nghèo": ("Poverty reduction", "Сокращение бедности"),
    "Tín dụng chính sách": ("Policy credit", "Льготные кредиты"),
    "Nghề truyền thống": ("Traditional crafts", "Традиционные ремёсла"),
    "Di sản": ("Heritage", "Наследие"),
    "Thanh niên": ("Youth", "Молодёжь"),
    "Nhà ở": ("Housing", "Жильё"),
    "Báo chí": ("Press", "Пресса"),
    "Học tập và làm theo Bác": ("Following Uncle Hồ's example", "По примеру дядюшки Хо"),
    "Xây dựng": ("Construction", "Строительство"),
    "Bảo vệ rừng": ("Forest protection", "Охрана лесов"),
    "Xây dựng Đảng": ("Party building", "Партийное строительство"),
    "Trẻ em": ("Children", "Дети"),
    "Mưa lũ": ("Floods", "Паводки"),
    "Bình đẳng giới": ("Gender equality", "Гендерное равенство"),
    "Mường Chà": ("Mường Chà", "Mường Chà"),
    "Lễ hội Hoa Ban": ("Ban Flower Festival", "Праздник цветов бан"),
}
