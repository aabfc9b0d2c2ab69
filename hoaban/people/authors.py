"""A person's page and feeds in each edition: /<language>/authors/<slug>/ (a route of the
edition's home, as tag pages are) and /<language>/feeds/authors/<slug>/rss.xml and atom.xml.
The slug is the person's own and the same in every edition."""

from django.utils import translation

from hoaban.core.public_url import absolute_url, page_location

from .models import Person


def find(slug: str) -> Person | None:
    """The person at `slug`, with their photo and its renditions (one query each)."""
    return (
        Person.objects.select_related("photo")
        .prefetch_related("photo__renditions")
        .filter(slug=slug)
        .first()
    )


def author_paths(home, slug: str) -> list[str]:
    """Paths of the person's page and feeds in the home's edition, on the home's site."""
    from hoaban.feeds.feeds import feed_urls

    with translation.override(home.locale.language_code):
        return [
            page_location(home)[1] + home.reverse_subpage("author", args=[slug]),
            *feed_urls("author", slug).values(),
        ]


def author_urls(slugs, homes) -> set[str]:
    """Full URLs of the pages and feeds at `slugs` in each of the editions' `homes`, each on
    its home's site."""
    return {
        absolute_url(path, site=location[0])
        for home in homes
        if (location := page_location(home)) is not None
        for slug in set(slugs) - {None, ""}
        for path in author_paths(home, slug)
    }


def edition_homes() -> list:
    from hoaban.home.models import HomePage

    return list(HomePage.objects.live().filter(depth=2).select_related("locale"))
