"""Every surface shows an anonymous reader the same pages (hoaban.core.visibility): a story under
a password, an alias of it, a draft and an untranslated copy appear on none of them, while an
ordinary story filed the same way appears on each."""

from dataclasses import dataclass

import pytest
from taggit.models import Tag
from wagtail.models import Locale

from hoaban.articles.models import ArticlePage
from hoaban.core import visibility
from hoaban.pagecache import store
from hoaban.people.models import Person
from hoaban.testing import protect_with_password

pytestmark = pytest.mark.news_site_per_module

VIDEO = "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
SEARCHED = "Mường Phăng"


@dataclass
class Stories:
    shown: ArticlePage
    hidden: dict  # what makes it hidden -> page
    urls: dict  # placeholder -> path


def _filed(site, article, *, publish=True):
    article.topics.add(site.topic)
    revision = article.save_revision()
    if publish:
        revision.publish()
        article.refresh_from_db()
    return article


@pytest.fixture
def stories(news_site, english_edition, settings):
    # What production runs: the page cache is on.
    settings.HOABAN_PAGE_CACHE = True
    store.purge_all()
    reporter = Person.objects.create(name="Lò Văn Pọm")
    filing = {"tags": [SEARCHED], "author": reporter, "video_url": VIDEO}

    def story(slug, title, **fields):
        return news_site.article("news", slug=slug, title=title, **filing, **fields)

    shown = _filed(news_site, story("lop-tieng-nga", f"Lớp tiếng Nga ở {SEARCHED} khai giảng"))
    private = _filed(news_site, story("bao-cao-noi-bo", f"Báo cáo nội bộ về {SEARCHED}"))
    protect_with_password(private)
    alias = private.create_alias(parent=news_site.sections["news"], update_slug="ban-sao-bao-cao")
    draft = story("ban-thao", f"Bản thảo phóng sự {SEARCHED}", publish=False)
    _filed(news_site, draft, publish=False)

    # An English story copied into the Vietnamese edition untranslated (an alias of it).
    _home, english_news = english_edition
    english = ArticlePage(
        title=f"Summer camp in {SEARCHED} commune",
        slug="summer-camp",
        dateline="ĐBP",
        lead="Pupils of Võ Nguyên Giáp Primary School trace their roots.",
        date=shown.date,
        video_url=VIDEO,
        author=reporter,
    )
    english.tags.add(SEARCHED)
    english_news.add_child(instance=english)
    _filed(news_site, english)
    untranslated = english.create_alias(
        parent=news_site.sections["news"],
        update_locale=Locale.objects.get(language_code="vi"),
        update_slug="trai-he-chua-dich",
    )

    # The front page is told to lead with the alias of the private story.
    home = news_site.home
    home.lead_story = alias
    home.save_revision().publish()

    tag = Tag.objects.get(name=SEARCHED).slug
    return Stories(
        shown=shown,
        hidden={
            "password": private,
            "alias of a password page": alias,
            "draft": draft,
            "untranslated alias": untranslated,
        },
        urls={
            "article": shown.url,
            "tag": home.url + home.reverse_subpage("tag", args=[tag]),
            "tag_slug": tag,
            "author": home.url + home.reverse_subpage("author", args=[reporter.slug]),
            "author_slug": reporter.slug,
            "topic": news_site.topic.url,
            "topic_slug": news_site.topic.slug,
        },
    )


# Surface -> address, with the placeholders the fixture fills in.
SURFACES = {
    "home": "/vi/",
    "section": "/vi/tin-tuc-chinh-tri/",
    "video section": "/vi/video/",
    "topic": "{topic}",
    "tag page": "{tag}",
    "author page": "{author}",
    "related and recent rail": "{article}",
    "edition feed": "/vi/feeds/rss.xml",
    "section feed": "/vi/feeds/sections/tin-tuc-chinh-tri/atom.xml",
    "video feed": "/vi/feeds/sections/video/rss.xml",
    "tag feed": "/vi/feeds/tags/{tag_slug}/rss.xml",
    "topic feed": "/vi/feeds/topics/{topic_slug}/rss.xml",
    "author feed": "/vi/feeds/authors/{author_slug}/rss.xml",
    "sitemap": "/sitemap-vi.xml",
    "news sitemap": "/sitemap-news.xml",
    "search": f"/vi/search/?q={SEARCHED}",
    "search suggestions": "/vi/search/suggest/?q=Mường",
    "api articles": "/api/v1/articles/",
    "api articles of the edition": "/api/v1/articles/?locale=vi",
    "api articles of a tag": "/api/v1/articles/?tag={tag_slug}",
    "api articles of a topic": "/api/v1/articles/?topic={topic_slug}",
    "api articles of a section": "/api/v1/articles/?section=tin-tuc-chinh-tri",
    "api search": f"/api/v1/search/?q={SEARCHED}",
}


def test_every_surface_lists_only_what_a_reader_may_see(client, stories):
    # One site for the whole table: building it is most of the cost of each check.
    answers, leaks = {}, {}
    for surface, address in SURFACES.items():
        response = client.get(address.format(**stories.urls))
        body = response.content.decode()
        answers[surface] = (response.status_code, stories.shown.url in body)
        leaked = [why for why, page in stories.hidden.items() if page.url in body]
        if leaked:
            leaks[surface] = leaked
    assert answers == dict.fromkeys(SURFACES, (200, True))
    assert leaks == {}


def test_no_hidden_page_is_served_answered_by_the_api_or_open_to_comments(client, stories):
    assert client.get(stories.shown.url).status_code == 200
    assert client.get(f"/api/v1/articles/{stories.shown.pk}/").status_code == 200
    for why, page in stories.hidden.items():
        served = client.get(page.url)
        # A password page asks for it (Wagtail's form); the others are not found.
        assert page.lead not in served.content.decode(), why
        assert client.get(f"/api/v1/articles/{page.pk}/").status_code == 404, why
        posted = client.post(
            f"/vi/comments/{page.pk}/",
            {"name": "Lò Thị Păng", "body": "Bà con Mường Phăng mong có trạm y tế mới."},
            HTTP_ACCEPT="application/json",
        )
        assert posted.status_code == 404, why


def test_the_queryset_filter_and_the_page_check_agree(stories):
    pages = [stories.shown, *stories.hidden.values()]
    listed = set(visibility.visible(ArticlePage.objects).values_list("pk", flat=True))
    assert {page.pk for page in pages if visibility.may_see(page)} == listed & {
        page.pk for page in pages
    }
    assert listed & {page.pk for page in pages} == {stories.shown.pk}


def test_a_translation_under_an_alias_of_a_private_section_is_left_out(news_site):
    # wagtail-localize copies the section as an alias: served, it asks for the password too.
    from hoaban.testing import translate

    english = translate(news_site.article("business"), "en", title="Provincial budget draft")
    open_story = news_site.article("news")
    protect_with_password(news_site.sections["business"])
    listed = set(visibility.visible(ArticlePage.objects).values_list("pk", flat=True))
    assert english.pk not in listed
    assert open_story.pk in listed
    assert visibility.is_restricted(english)


def test_an_edition_never_leads_with_a_story_of_another_edition(client, news_site, english_edition):
    # Wagtail's `localized` falls back to the story itself when it has no English translation.
    story = news_site.article("news", title="Lễ hội Hoa Ban 2025 khai mạc", slug="le-hoi-hoa-ban")
    english_home, _section = english_edition
    english_home.lead_story = story
    english_home.save_revision().publish()
    assert story.url not in client.get("/en/").content.decode()
