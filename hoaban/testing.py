"""Builders for tests: a small newspaper with Vietnamese content, made fast through the ORM.

Shared by every app's tests (through the root conftest.py) so each test states only what
differs from an ordinary edition.
"""

from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.core.cache import caches
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale, Page, PageViewRestriction, Site

from hoaban.articles.models import ArticlePage
from hoaban.home.models import HomePage
from hoaban.sections.models import SectionPage
from hoaban.topics.models import TopicPage

SECTION_TITLES = {
    "news": "Tin tức - Chính trị",
    "business": "Kinh tế",
    "culture": "Văn hóa - Du lịch",
    "videos": "Video",
}


@dataclass
class NewsSite:
    home: HomePage
    sections: dict = field(default_factory=dict)
    topic: TopicPage | None = None
    _counter: int = 0

    def article(self, section="news", *, title=None, publish=True, tags=(), **fields):
        """A published article in the given section; newest unless `date` is given."""
        self._counter += 1
        fields.setdefault("date", timezone.now() - timedelta(minutes=self._counter))
        fields.setdefault("dateline", "ĐBP")
        fields.setdefault("lead", f"Tin thứ {self._counter}: Điện Biên đẩy mạnh hợp tác.")
        article = ArticlePage(
            title=title or f"Điện Biên: bài viết số {self._counter}",
            live=False,
            **fields,
        )
        if tags:
            article.tags.add(*tags)
        self.sections[section].add_child(instance=article)
        revision = article.save_revision()
        if publish:
            revision.publish()
            article.refresh_from_db()
        return article


def build_site(language_code="vi", *, hostname=None, title="Báo Điện Biên Phủ") -> NewsSite:
    """Home, four sections (one a video listing) and a topic in the given locale: the default
    site, or with `hostname` another site of the install beside it (a different `title` then:
    the homes are siblings), whose pages have the same paths as the default site's."""
    locale, _ = Locale.objects.get_or_create(language_code=language_code)
    root = Page.get_first_root_node()
    home = root.add_child(instance=HomePage(title=title, locale=locale))
    if hostname is None:
        Site.objects.update_or_create(
            is_default_site=True,
            defaults={"hostname": "localhost", "root_page": home, "site_name": "Hoa Ban"},
        )
    else:
        Site.objects.create(hostname=hostname, port=80, root_page=home, site_name=title)
    return _build_edition(home, locale)


def _build_edition(home, locale) -> NewsSite:
    site = NewsSite(home=home)
    for key, title in SECTION_TITLES.items():
        listing = "videos" if key == "videos" else "own"
        section = SectionPage(title=title, listing=listing, show_in_menus=True, locale=locale)
        home.add_child(instance=section)
        section.save_revision().publish()
        site.sections[key] = section
    topic = TopicPage(title="Điện Biên – Saint Petersburg", locale=locale)
    home.add_child(instance=topic)
    topic.save_revision().publish()
    site.topic = topic
    return site


SECOND_SITE_HOST = "quangba.test"
SECOND_SITE_NAME = "Cổng Quảng bá Việt Nam"


def build_second_site(hostname=SECOND_SITE_HOST) -> NewsSite:
    """A second site of the install beside build_site()'s (the national platform at
    `hostname`, publisher "Cổng Quảng bá Việt Nam"), with the same sections and topic, so
    both sites have pages at the same paths."""
    from hoaban.core.models import NewsroomSettings

    built = build_site(hostname=hostname, title=SECOND_SITE_NAME)
    NewsroomSettings.objects.create(
        site=Site.objects.get(hostname=hostname),
        publisher_name=SECOND_SITE_NAME,
        tagline="Quảng bá hình ảnh Việt Nam",
    )
    return built


def translate(page, language_code, *, publish=True, **fields):
    """A translation of `page` into another edition, with the given fields (e.g. its title).

    Wagtail copies the page, and copies missing parents as aliases of the source pages, the way
    wagtail-localize does when an editor translates an article before its section.
    """
    locale, _ = Locale.objects.get_or_create(language_code=language_code)
    translation = page.specific.copy_for_translation(locale, copy_parents=True)
    for name, value in fields.items():
        setattr(translation, name, value)
    revision = translation.save_revision()
    if publish:
        revision.publish()
    translation.refresh_from_db()
    return translation


def protect_with_password(page):
    """A password restriction on `page`, as an editor sets it in Wagtail's privacy dialog."""
    return PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="bí-mật"
    )


def empty_caches():
    """Empty every cache alias: a shared Redis would otherwise carry entries (site root paths,
    pages) from an earlier test's database."""
    for alias in settings.CACHES:
        cache = caches[alias]
        if hasattr(cache, "delete_pattern"):
            cache.delete_pattern("*")  # only this process's key prefix
        else:
            cache.clear()


def refused_by_admin(response) -> bool:
    """Whether the admin refused a request: Wagtail answers `PermissionDenied` in an admin view
    with a redirect to the dashboard and a "no permission" message, not a 403 page."""
    return response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
