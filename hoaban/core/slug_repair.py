"""Finding and renaming pages whose slug Wagtail's stock admin garbled.

Before the admin ran the site's slug rule (hoaban.core.slugs), its live slug field used
Wagtail's own urlify: đ became "dj", letters with two marks vanished ("Quốc" → "quc"),
Cyrillic was spelt another way ("ёлка" → "yolka"). A page whose slug is exactly what that
urlify makes of its title (or of the title of a page it translates, whose slug a translation
keeps) is renamed to the rule's slug. Wagtail then moves the addresses below it and, with
wagtail.contrib.redirects, leaves a permanent redirect from the old address.

What urlify did is read from Wagtail's own script, so it is the character table the
browsers ran, not a copy of it.
"""

import json
import re
from dataclasses import dataclass
from functools import cache

from django.contrib.staticfiles import finders
from django.db import transaction
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page

from .slugs import slug_from_title

WAGTAIL_SCRIPT = "wagtailadmin/js/core.js"
DOWNCODE_TABLE = re.compile(r"JSON\.parse\('(\[\{\"LATIN_MAP.*?\])'\)")


class UrlifyUnknown(Exception):
    """Wagtail's script no longer holds the table this module reads."""


@cache
def _downcode_maps() -> list[tuple[list[str], list[list[str]]]]:
    path = finders.find(WAGTAIL_SCRIPT)
    found = path and DOWNCODE_TABLE.search(open(path, encoding="utf-8").read())  # noqa: SIM115
    if not found:
        raise UrlifyUnknown(f"No transliteration table found in {WAGTAIL_SCRIPT}.")
    maps = []
    for entry in json.loads(found.group(1)):
        ((name, pairs),) = entry.items()
        maps.append((name.lower().split(":")[1:], pairs))
    return maps


@cache
def _downcoder(language: str) -> tuple[re.Pattern, dict[str, str]]:
    # As the controller builds it: the maps for the page's language last, so they win;
    # among the others, the earlier map wins.
    # Object.fromEntries over the reversed list: the later entry of a character wins.
    ordered = sorted(_downcode_maps(), key=lambda item: language not in item[0])
    table = dict(reversed([pair for _languages, pairs in ordered for pair in pairs]))
    return re.compile("|".join(map(re.escape, table))), table


def wagtail_urlify(title: str, language: str) -> str:
    """The slug Wagtail 8's admin wrote for a title typed in a page of this language."""
    pattern, table = _downcoder(language)
    slug = pattern.sub(lambda match: table[match.group()], title.strip()).lower()
    slug = re.sub(r"[^-A-Za-z0-9_\s]", "", slug)
    slug = re.sub(r"[-\s]+", "-", slug)[:255]
    return slug.rstrip("-")


@dataclass
class Renamed:
    page: Page
    old_slug: str
    old_url: str | None
    redirected: bool


def garbled_title(page: Page) -> str | None:
    """The title, of this page or of one it translates, its slug is the garbled form of."""
    titles = Page.objects.filter(translation_key=page.translation_key).values_list(
        "title", "locale__language_code"
    )
    for title, language in [(page.title, page.locale.language_code), *titles]:
        garbled = wagtail_urlify(title, language)
        if page.slug == garbled and garbled != slug_from_title(title):
            return title
    return None


def _free_slug(page: Page, slug: str) -> str:
    parent = page.get_parent()
    candidate, number = slug, 1
    while not Page._slug_is_available(candidate, parent, page):
        number += 1
        candidate = f"{slug}-{number}"
    return candidate


def rename_garbled_page(*, page: Page, title: str) -> Renamed:
    """Give the page the rule's slug for title; Wagtail redirects the old address."""
    page = page.specific
    old_slug, old_url = page.slug, page.get_url()
    page.slug = _free_slug(page, slug_from_title(title))
    with transaction.atomic():
        page.save(clean=False)
        # The draft and live revisions carry the slug too: publishing one later would
        # otherwise bring the garbled slug back.
        for revision in {page.latest_revision, page.live_revision} - {None}:
            if revision.content.get("slug") == old_slug:
                revision.content["slug"] = page.slug
                revision.save(update_fields=["content"])
    redirected = bool(old_url) and Redirect.objects.filter(redirect_page=page).exists()
    return Renamed(page=page, old_slug=old_slug, old_url=old_url, redirected=redirected)
