"""The small site the reader model edits: a Vietnamese home with two sections and a topic, an
English edition with one of the sections translated, two reporters, two tags, one photo and a
few articles, some still drafts, each with a comment waiting for moderation."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone
from taggit.models import Tag
from wagtail.images.tests.utils import get_test_image_file_jpeg
from wagtail.models import Locale, Page, Site

from hoaban.articles.models import ArticlePage
from hoaban.discussion.models import Comment
from hoaban.home.models import HomePage
from hoaban.images.models import NewsImage, PhotoText
from hoaban.people.models import Person
from hoaban.sections.models import SectionPage
from hoaban.topics.models import TopicPage

# What an article's title is made of; the number after it keeps every title the model ever
# gives distinct, so a stale one is recognised wherever it shows.
TITLE_PHRASES = {
    "vi": [
        "Điện Biên đón đoàn đại biểu Saint Petersburg",
        "Ký thỏa thuận hợp tác thương mại và khoa học",
        "Học sinh 19 dân tộc học tiếng Nga",
        "Chiếc khèn Mông làm quà tặng bạn Nga",
        "Mời dự Lễ hội Hoa Ban năm 2025",
        "Tuyến du lịch từ Nga đến Điện Biên Phủ",
    ],
    "en": [
        "Điện Biên welcomes a Saint Petersburg delegation",
        "A cooperation agreement on trade and science",
        "Students of 19 ethnic groups learn Russian",
        "A Mông khèn for the Russian guests",
        "An invitation to the 2025 Ban Flower Festival",
        "Tourist routes from Russia to Điện Biên Phủ",
    ],
}
# The names a rename cycles through; none is part of another, nor of a title.
PERSON_NAMES = [
    ["Quang Hưng", "Lò Văn Mừng", "Hoàng Thị Lan"],
    ["Nguyễn Thị Thu Hà", "Trần Minh Đức", "Vàng A Sinh"],
]
TAG_NAMES = {
    "vi": [
        ["Hợp tác quốc tế", "Đối ngoại nhân dân", "Kết nghĩa hai địa phương"],
        ["Lễ hội Hoa Ban", "Văn hóa các dân tộc", "Du lịch lịch sử"],
    ],
    "en": [
        ["International cooperation", "People's diplomacy", "Twinned provinces"],
        ["Ban Flower Festival", "Ethnic cultures", "Heritage tourism"],
    ],
}
CAPTIONS = {
    "vi": [
        "Đoàn công tác tỉnh tại Saint Petersburg",
        "Lớp học tiếng Nga ở Điện Biên Phủ",
        "Quà tặng của tỉnh cho đoàn bạn",
    ],
    "en": [
        "The provincial delegation in Saint Petersburg",
        "A Russian class in Điện Biên Phủ",
        "The province's gift to its guests",
    ],
}
SECTION_TITLES = ["Tin tức - Chính trị", "Văn hóa - Du lịch"]
# The words every article's lead shares, which the reader searches for.
SEARCH_WORDS = "Điện Biên"
# (section index, tag indexes, in the topic, author index, with the photo, published)
ARTICLES = [
    (0, [0], True, 0, True, True),
    (0, [1], False, 1, False, True),
    (1, [0, 1], True, 0, False, True),
    (1, [1], False, 1, True, False),
]
EDITOR = "bien-tap-vien"


def title(language: str, number: int, version: int) -> str:
    phrases = TITLE_PHRASES[language]
    return f"{phrases[number % len(phrases)]} (bài {number}.{version})"


def comment_body(number: int) -> str:
    return f"Cảm ơn tòa soạn đã đưa tin về Điện Biên (ý kiến {number})."


def build() -> None:
    """The site, in the database the caller is connected to, with nothing of the model's left
    from before (the pages, people, tags and photo of an earlier run are deleted first)."""
    remove()
    vi = Locale.objects.get_or_create(language_code="vi")[0]
    en = Locale.objects.get_or_create(language_code="en")[0]
    get_user_model().objects.get_or_create(
        username=EDITOR, defaults={"is_superuser": True, "is_staff": True}
    )
    root = Page.get_first_root_node()
    home = root.add_child(instance=HomePage(title="Báo Điện Biên Phủ", slug="vi", locale=vi))
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "root_page": home, "site_name": "Hoa Ban"},
    )
    sections = []
    for name in SECTION_TITLES:
        section = SectionPage(title=name, show_in_menus=True, locale=vi)
        home.add_child(instance=section)
        section.save_revision().publish()
        sections.append(section)
    topic = TopicPage(title="Điện Biên – Saint Petersburg", locale=vi)
    home.add_child(instance=topic)
    topic.save_revision().publish()

    english_home = home.copy_for_translation(en)
    english_home.title = "Dien Bien Phu Newspaper"
    english_home.save_revision().publish()
    english_news = sections[0].copy_for_translation(en)
    english_news.title = "News - Politics"
    english_news.save_revision().publish()

    people = [Person.objects.create(name=names[0]) for names in PERSON_NAMES]
    tags = [Tag.objects.create(name=names[0]) for names in TAG_NAMES["vi"]]
    photo = NewsImage.objects.create(
        title="Đoàn Điện Biên tại Saint Petersburg",
        caption=CAPTIONS["vi"][0],
        file=get_test_image_file_jpeg("doan-dien-bien.jpg", size=(64, 40)),
    )
    PhotoText.objects.create(
        image=photo, locale=en, alt="The delegation", caption=CAPTIONS["en"][0]
    )
    now = timezone.now()
    for number, (section, tag_numbers, in_topic, author, with_photo, published) in enumerate(
        ARTICLES
    ):
        article = ArticlePage(
            title=title("vi", number, 0),
            date=now - timedelta(hours=number + 1),
            dateline="ĐBP",
            lead=f"Tin số {number}: {SEARCH_WORDS} đẩy mạnh hợp tác với Saint Petersburg.",
            author=people[author],
            lead_image=photo if with_photo else None,
            live=False,
        )
        sections[section].add_child(instance=article)
        article.tags.add(*(tags[n] for n in tag_numbers))
        if in_topic:
            article.topics.add(topic)
        revision = article.save_revision()
        if published:
            revision.publish()
        Comment.objects.create(
            article=article, name="Bạn đọc", body=comment_body(number), ip_hash="model"
        )


def remove() -> None:
    """Everything build() makes, so a real server's database can be built again."""
    for page in Page.get_first_root_node().get_children():
        page.delete()
    Person.objects.all().delete()
    Tag.objects.all().delete()
    NewsImage.objects.all().delete()
