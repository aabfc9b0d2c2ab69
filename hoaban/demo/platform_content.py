"""The demo's second site: a national promotion platform that republishes provincial news.

Its own name, address and sections (the brief's list), in the three editions. Its stories come
from the newspaper on the same install (republished) and from outside portals (ingested).
"""

SITE = {
    "publisher_name": "Cổng Quảng bá Việt Nam",
    "tagline": "Tin chính thống từ các địa phương – Việt Nam",
    "address": "Số 1, phố Tràng Tiền, phường Hoàn Kiếm, Hà Nội",
    "contact_email": "bientap@quangba.example",
    "phone": "024 3 825 0000",
    "default_dateline": "",
}

# key, Vietnamese title, listing, Vietnamese introduction
SECTIONS = [
    ("news", "Tin tức", "own", "Tin chính thống từ các tỉnh, thành phố."),
    ("political-system", "Hệ thống chính trị", "own", "Công tác xây dựng Đảng và chính quyền."),
    ("business", "Kinh tế", "own", "Đầu tư, sản xuất và thị trường các địa phương."),
    ("local", "Địa phương", "own", "Tin từ các tỉnh, huyện và xã."),
    ("heritage", "Di sản", "own", "Di tích lịch sử và di sản văn hóa Việt Nam."),
    ("figure", "Nhân vật", "own", "Chân dung những người làm nên địa phương."),
    ("product", "Sản phẩm", "own", "Đặc sản và sản phẩm OCOP các vùng miền."),
    ("videos", "Video", "videos", "Phóng sự và tin tức bằng hình ảnh."),
]

EDITIONS = {
    "en": {
        SITE["publisher_name"]: "Vietnam Promotion Portal",
        SITE["tagline"]: "Official news from the provinces – Vietnam",
        "Tin tức": "News",
        "Tin chính thống từ các tỉnh, thành phố.": "Official news from the provinces and cities.",
        "Hệ thống chính trị": "Political System",
        "Công tác xây dựng Đảng và chính quyền.": "Building the Party and the local government.",
        "Kinh tế": "Business",
        "Đầu tư, sản xuất và thị trường các địa phương.": (
            "Investment, production and markets in the provinces."
        ),
        "Địa phương": "Local",
        "Tin từ các tỉnh, huyện và xã.": "News from the provinces, districts and communes.",
        "Di sản": "Heritage",
        "Di tích lịch sử và di sản văn hóa Việt Nam.": (
            "Historical sites and the cultural heritage of Vietnam."
        ),
        "Nhân vật": "Figure",
        "Chân dung những người làm nên địa phương.": (
            "Portraits of the people who make the provinces."
        ),
        "Sản phẩm": "Product",
        "Đặc sản và sản phẩm OCOP các vùng miền.": (
            "Specialities and OCOP products of every region."
        ),
        "Video": "Videos",
        "Phóng sự và tin tức bằng hình ảnh.": "Video reports and news in pictures.",
    },
    "ru": {
        SITE["publisher_name"]: "Портал продвижения Вьетнама",
        SITE["tagline"]: "Официальные новости провинций – Вьетнам",
        "Tin tức": "Новости",
        "Tin chính thống từ các tỉnh, thành phố.": "Официальные новости провинций и городов.",
        "Hệ thống chính trị": "Политическая система",
        "Công tác xây dựng Đảng và chính quyền.": "Партийное строительство и местная власть.",
        "Kinh tế": "Экономика",
        "Đầu tư, sản xuất và thị trường các địa phương.": (
            "Инвестиции, производство и рынки провинций."
        ),
        "Địa phương": "Регионы",
        "Tin từ các tỉnh, huyện và xã.": "Новости провинций, уездов и общин.",
        "Di sản": "Наследие",
        "Di tích lịch sử và di sản văn hóa Việt Nam.": (
            "Исторические памятники и культурное наследие Вьетнама."
        ),
        "Nhân vật": "Люди",
        "Chân dung những người làm nên địa phương.": "Портреты людей, которые создают регионы.",
        "Sản phẩm": "Продукция",
        "Đặc sản và sản phẩm OCOP các vùng miền.": "Деликатесы и продукция OCOP всех регионов.",
        "Video": "Видео",
        "Phóng sự và tin tức bằng hình ảnh.": "Видеорепортажи и новости в фотографиях.",
    },
}

# Newspaper stories the platform republishes (hoaban.republishing), by the newspaper's key for
# a partnership story or its title for a recent one, and the platform section they go into.
# The partnership stories bring their English and Russian translations along; the Moscow story
# came to the newspaper from the provincial portal, which stays its Source on the platform.
REPUBLISHED_PARTNERSHIP = {
    "agreement-2024": "news",
    "reception-2025": "political-system",
    "moscow-2025": "news",
}
REPUBLISHED_RECENT = {
    "Vốn tín dụng chính sách giúp hộ nghèo vươn lên": "business",
    "Hồi sinh nghề truyền thống như một di sản văn hóa": "heritage",
}
# (platform section key, newspaper section key): new stories there are republished by themselves.
SUBSCRIPTIONS = [("product", "product")]
