"""Where a user may republish a story: the sections of other sites they may publish in."""

from functools import reduce
from operator import or_

from django.db.models import Q
from wagtail.models import Page, Site

from hoaban.core.per_request import once_per_request
from hoaban.core.site_access import user_site_ids
from hoaban.core.sites import home_paths
from hoaban.sections.models import SectionPage

from .services import can_republish_into


def sections_open_to(user, site: Site, locale_id: int):
    """`site`'s sections in the given edition where `user` may add and publish a story."""
    paths = home_paths(site)
    if not paths:
        return SectionPage.objects.none()
    under_homes = reduce(or_, (Q(path__startswith=path) for path in paths))
    sections = SectionPage.objects.filter(under_homes, locale_id=locale_id, depth=3)
    allowed = [section.pk for section in sections if can_republish_into(user, section)]
    return SectionPage.objects.filter(pk__in=allowed).order_by("path")


def _targets(user, locale_id) -> list[tuple[Site, list[str]]]:
    found = []
    for site in Site.objects.order_by("site_name"):
        if sections_open_to(user, site, locale_id).exists():
            found.append((site, home_paths(site)))
    return found


def target_sites(user, page) -> list[Site]:
    """The other sites `page` could be republished on by `user`; worked out once per request
    for the page listing's rows."""
    targets = once_per_request(
        ("republishing-targets", user.pk, page.locale_id), lambda: _targets(user, page.locale_id)
    )
    home = page.path[: Page.steplen * 2]
    return [site for site, paths in targets if home not in paths]


def _may_pick_stories(user) -> bool:
    if not Site.objects.exclude(pk__in=user_site_ids(user)).exists():
        return False
    return any(can_republish_into(user, section) for section in SectionPage.objects.filter(depth=3))


def may_pick_stories(user) -> bool:
    """Whether `user` gets the picker of other sites' stories: there is a site they do not
    work on, and a section of some site where they may add and publish. Worked out once per
    request (the admin menu asks on every page)."""
    return once_per_request(("republishing-may-pick", user.pk), lambda: _may_pick_stories(user))
