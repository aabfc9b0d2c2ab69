"""Builds the demo's national platform beside the newspaper: its own site, home, sections and
editions. Like the newspaper's loader, every step looks for what exists before creating it."""

import io

from django.core.files.images import ImageFile
from wagtail.models import Locale, Page, Site

from hoaban.articles.models import ArticlePage
from hoaban.core.models import NewsroomSettings
from hoaban.core.newsroom import newsroom_collection
from hoaban.core.slugs import slug_from_title
from hoaban.home.models import HomePage
from hoaban.images.models import NewsImage
from hoaban.republishing.models import Republication, Subscription
from hoaban.republishing.services import republish
from hoaban.republishing.translations import reusable_locales, reuse_translation
from hoaban.sections.models import SectionPage

from . import editions, platform_content
from .pictures import draw_emblem

# Browsers resolve both names to the loopback, so one server answers for both sites: the
# newspaper at http://127.0.0.1:8000/, the platform at http://localhost:8000/.
NEWSPAPER_HOST = "127.0.0.1"
PLATFORM_HOST = "localhost"
PORT = 8000
HOME_SLUG = "platform-vi"


def _home(summary) -> HomePage:
    locale = Locale.objects.get(language_code="vi")
    home = HomePage.objects.filter(depth=2, slug=HOME_SLUG).first()
    if home is None:
        home = Page.get_first_root_node().add_child(
            instance=HomePage(
                title=platform_content.SITE["publisher_name"],
                slug=HOME_SLUG,
                locale=locale,
                search_description=platform_content.SITE["tagline"],
                layout=HomePage.Layout.PORTAL,
            )
        )
        home.save_revision().publish()
        summary.count("home pages")
    site, created = Site.objects.get_or_create(
        root_page=home,
        defaults={
            "hostname": PLATFORM_HOST,
            "port": PORT,
            "site_name": platform_content.SITE["publisher_name"],
        },
    )
    if created:
        summary.count("sites")
    NewsroomSettings.objects.update_or_create(
        site=site, defaults={**platform_content.SITE, "palette": "river", "logo": _logo(summary)}
    )
    return home


def _logo(summary) -> NewsImage:
    title = f"{platform_content.SITE['publisher_name']} – logo"
    logo = NewsImage.objects.filter(title=title).first()
    if logo is None:
        logo = NewsImage(
            title=title,
            collection=newsroom_collection(),
            file=ImageFile(io.BytesIO(draw_emblem()), name="platform-logo.png"),
        )
        logo.save()
        summary.count("images")
    return logo


def _section(home, summary, key, title, listing, introduction) -> SectionPage:
    slug = slug_from_title(title)
    existing = SectionPage.objects.child_of(home).filter(slug=slug).first()
    if existing is not None:
        return existing
    section = SectionPage(
        title=title, slug=slug, listing=listing, introduction=introduction, show_in_menus=True
    )
    home.add_child(instance=section)
    section.save_revision().publish()
    summary.count("sections")
    return section


def load_platform(summary) -> dict:
    """The platform's home and sections in vi, en and ru; returns {key: Vietnamese section}."""
    home = _home(summary)
    sections = {
        key: _section(home, summary, key, title, listing, intro)
        for key, title, listing, intro in platform_content.SECTIONS
    }
    for code, texts in platform_content.EDITIONS.items():
        editions.translate_pages(code, [home, *sections.values()], summary, texts=texts)
    return sections


def republish_stories(summary, sections, newspaper_sections, partnership) -> None:
    """The newspaper's stories on the platform (`sections` as load_platform returns them), with
    their translations reused, and the platform's subscriptions to newspaper sections."""
    site = Site.objects.get(root_page__slug=HOME_SLUG)
    stories = [
        (partnership[key], section)
        for key, section in platform_content.REPUBLISHED_PARTNERSHIP.items()
    ]
    for title, section in platform_content.REPUBLISHED_RECENT.items():
        found = ArticlePage.objects.filter(slug=slug_from_title(title), locale__language_code="vi")
        stories.append((found.exclude(republication__isnull=False).get(), section))
    for original, key in stories:
        link = Republication.objects.filter(original=original, site=site).first()
        if link is None:
            copy = republish(original=original, section=sections[key], user=None)
            summary.count("republished stories")
        else:
            copy = link.copy
        for locale in reusable_locales(copy):
            reuse_translation(copy=copy, locale=locale, user=None, publish=True)
            summary.count(f"{locale.language_code} translations reused")
    for key, source_key in platform_content.SUBSCRIPTIONS:
        _subscription, created = Subscription.objects.get_or_create(
            section=sections[key], source_section=newspaper_sections[source_key]
        )
        if created:
            summary.count("subscriptions")
