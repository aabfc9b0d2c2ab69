"""The stories a user could republish: live articles of the sites they do not work on.

A platform editor cannot open the newspaper's pages (each site has its own newsroom,
`hoaban.core.site_access`), so the page header's button never reaches them; this list does.
The title search folds accents as the reader search does, through the title's autocomplete
index (`hoaban.search`), so "dien bien" finds "Điện Biên".
"""

from dataclasses import dataclass, field
from functools import reduce
from operator import or_

from django.db.models import Q
from wagtail.models import Page, Site

from hoaban.articles.models import ArticlePage
from hoaban.core.site_access import user_site_ids
from hoaban.core.sites import home_paths
from hoaban.search.query import parse
from hoaban.sections.models import SectionPage

from .models import Republication
from .sites import target_sites


def other_sites_stories(user, search: str = ""):
    """Live articles of the sites `user` does not work on, newest first; those whose title
    matches `search` when given. Copies are left out: one republishes their original."""
    paths = [
        path
        for site in Site.objects.exclude(pk__in=user_site_ids(user))
        for path in home_paths(site)
    ]
    if not paths:
        return ArticlePage.objects.none()
    stories = (
        ArticlePage.objects.live()
        .filter(reduce(or_, (Q(path__startswith=path) for path in paths)))
        .exclude(pk__in=Republication.objects.values("copy_id"))
        .defer_streamfields()
        .order_by("-date", "-id")
    )
    query = parse(search)
    if not query:
        return stories
    return stories.autocomplete(query.as_prefix_text(), operator="and", order_by_relevance=False)


@dataclass
class Row:
    story: ArticlePage
    site: Site | None
    section: Page | None
    targets: list[Site] = field(default_factory=list)
    already_on: list[Site] = field(default_factory=list)


def rows(user, stories) -> list[Row]:
    """One row per story of a page of the list, with its site, section and, for each site the
    user may republish into, whether a copy is already there: a few queries for the page."""
    stories = list(stories)
    homes = {path: site for site in Site.objects.all() for path in home_paths(site)}
    section_paths = {story.path[: Page.steplen * 3] for story in stories}
    sections = {s.path: s for s in SectionPage.objects.filter(path__in=section_paths)}
    # A story is on a site when any of its editions was republished there (one copy per story).
    keys = {story.translation_key for story in stories}
    copied = set(
        Republication.objects.filter(original__translation_key__in=keys).values_list(
            "original__translation_key", "site_id"
        )
    )
    found = []
    for story in stories:
        row = Row(
            story=story,
            site=homes.get(story.path[: Page.steplen * 2]),
            section=sections.get(story.path[: Page.steplen * 3]),
        )
        for site in target_sites(user, story):
            on_site = (story.translation_key, site.pk) in copied
            (row.already_on if on_site else row.targets).append(site)
        found.append(row)
    return found
