import pytest
from wagtail.test.utils import WagtailPageTestCase

from hoaban.articles.models import ArticlePage
from hoaban.core.slugs import slug_from_title
from hoaban.home.models import HomePage
from hoaban.sections.models import SectionPage
from hoaban.testing import build_site
from hoaban.topics.models import TopicPage


class PageTreeTests(WagtailPageTestCase):
    def test_articles_live_only_in_sections(self):
        self.assertAllowedParentPageTypes(ArticlePage, {SectionPage})
        self.assertAllowedSubpageTypes(ArticlePage, set())

    def test_home_holds_sections_and_topics(self):
        self.assertAllowedSubpageTypes(HomePage, {SectionPage, TopicPage})
        self.assertCanNotCreateAt(HomePage, ArticlePage)
        self.assertCanNotCreateAt(TopicPage, ArticlePage)

    def test_sections_and_topics_sit_under_a_home_page(self):
        self.assertAllowedParentPageTypes(SectionPage, {HomePage})
        self.assertAllowedParentPageTypes(TopicPage, {HomePage})


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Điện Biên – Saint Petersburg", "dien-bien-saint-petersburg"),
        ("ĐIỆN BIÊN PHỦ", "dien-bien-phu"),
        ("Mường Chà thúc đẩy bình đẳng giới", "muong-cha-thuc-day-binh-dang-gioi"),
        ("Nghị định 28/2022/NĐ-CP", "nghi-dinh-28-2022-nd-cp"),
        ("Санкт-Петербург", "sankt-peterburg"),
    ],
)
def test_slug_from_vietnamese_title_keeps_every_letter_readable(title, slug):
    assert slug_from_title(title) == slug


def test_long_slug_is_cut_at_a_word_boundary():
    slug = slug_from_title("Điện Biên " * 30)
    assert len(slug) <= 80
    assert not slug.endswith("-")
    assert slug.startswith("dien-bien-dien-bien")


def test_article_created_without_slug_gets_one_from_its_vietnamese_title(db):
    site = build_site()
    article = site.article(title="Đoàn công tác Điện Biên thăm Saint Petersburg")
    assert article.slug == "doan-cong-tac-dien-bien-tham-saint-petersburg"
    assert article.title == "Đoàn công tác Điện Biên thăm Saint Petersburg"


def test_same_title_twice_in_a_section_gets_a_distinct_slug(db):
    site = build_site()
    first = site.article(title="Họp báo thường kỳ")
    second = site.article(title="Họp báo thường kỳ")
    assert first.slug == "hop-bao-thuong-ky"
    assert second.slug != first.slug
    assert second.slug.startswith("hop-bao-thuong-ky")
