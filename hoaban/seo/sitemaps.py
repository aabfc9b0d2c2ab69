"""Sitemaps for search engines: one per language edition, each page listing its translations
as hreflang alternates, and a Google News sitemap of the last 48 hours.

Built on Wagtail's sitemap (the request's site, `get_full_url`) and Django's sitemap views and
index, listing what readers may see (hoaban.core.visibility). `_urls` is the hook both Django and
Wagtail override to shape entries; here it adds the alternates, looked up for a whole sitemap
page in one query.
"""

from collections import defaultdict
from datetime import timedelta

from django.conf import settings
from django.db.models import Q
from django.utils import timezone
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from hoaban.core.models import NewsroomSettings
from hoaban.core.public_url import page_full_url
from hoaban.core.visibility import may_see, visible

# Google News only reads articles published in the last two days.
NEWS_WINDOW = timedelta(hours=48)
NEWS_LIMIT = 1000


def edition_home(site, language_code):
    """The visible home page of `site` in the given language, or None."""
    root = site.root_page
    if root.locale.language_code == language_code:
        return root if may_see(root) else None
    return (
        visible(Page.objects)
        .filter(translation_key=root.translation_key, locale__language_code=language_code)
        .first()
    )


def live_languages(site) -> list[str]:
    """Language codes that have a published edition on `site`, default language first."""
    codes = (
        visible(Page.objects)
        .filter(translation_key=site.root_page.translation_key)
        .values_list("locale__language_code", flat=True)
    )
    found = set(codes)
    return [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES if code in found]


class EditionSitemap(Sitemap):
    """Every visible page of one language edition."""

    def __init__(self, language_code: str, request=None):
        super().__init__(request)
        self.language_code = language_code

    def items(self):
        home = edition_home(self.get_wagtail_site(), self.language_code)
        if home is None:
            return Page.objects.none()
        return (
            visible(home.get_descendants(inclusive=True))
            .order_by("path")
            .defer_streamfields()
            .specific()
        )

    def alternates_of(self, pages):
        """{translation_key: [(language_code, url), …]} for the visible translations of `pages`."""
        keys = {page.translation_key for page in pages}
        translations = (
            visible(Page.objects)
            .filter(translation_key__in=keys)
            .select_related("locale")
            .order_by("locale__language_code")
        )
        found = defaultdict(list)
        for page in translations:
            found[page.translation_key].append(
                (page.locale.language_code, page_full_url(page, self.request))
            )
        return found

    def _urls(self, page, protocol, domain):
        pages = list(self.paginator.page(page).object_list)
        alternates = self.alternates_of(pages)
        urls = []
        for item in pages:
            translations = alternates.get(item.translation_key, [])
            for url_info in item.get_sitemap_urls(self.request):
                if len(translations) > 1:
                    url_info["alternates"] = [
                        {"lang_code": code, "location": location} for code, location in translations
                    ]
                urls.append(url_info)
        lastmods = [url["lastmod"] for url in urls if url.get("lastmod")]
        if lastmods and len(lastmods) == len(urls):
            self.latest_lastmod = max(lastmods)
        return urls


class NewsSitemap(Sitemap):
    """Articles of every edition published in the last 48 hours (Google News sitemap)."""

    limit = NEWS_LIMIT

    def items(self):
        from hoaban.articles.models import ArticlePage

        site = self.get_wagtail_site()
        homes = [edition_home(site, code) for code in live_languages(site)]
        in_site = Q()
        for home in homes:
            if home is not None:
                in_site |= Q(path__startswith=home.path)
        if not in_site:
            return ArticlePage.objects.none()
        since = timezone.now() - NEWS_WINDOW
        return (
            visible(ArticlePage.objects.filter(in_site))
            .filter(date__gte=since, date__lte=timezone.now())
            .defer_streamfields()
            .select_related("locale")
            .order_by("-date", "-pk")
        )

    def _urls(self, page, protocol, domain):
        publisher = NewsroomSettings.for_site(self.get_wagtail_site()).publisher_name
        return [
            {
                "location": article.get_full_url(self.request),
                "publication": publisher,
                "language": article.locale.language_code,
                "publication_date": article.date,
                "title": article.title,
            }
            for article in self.paginator.page(page).object_list
        ]


def sitemaps_for(request) -> dict:
    """The sections of the sitemap index: one per live language edition, then the news."""
    from wagtail.models import Site

    site = Site.find_for_request(request) or Site.objects.get(is_default_site=True)
    sections = {code: EditionSitemap(code, request) for code in live_languages(site)}
    sections["news"] = NewsSitemap(request)
    return sections
