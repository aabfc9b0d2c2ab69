"""Republishing one site's stories on another site of the same install, and keeping the copies
true to their originals: corrections followed until a platform editor takes a copy over, and
withdrawals passed on.

Each action writes a Wagtail revision and publishes it (so the page cache, search and the
translation record hear of it as of any publish) and logs itself in the copy's history.
"""

import copy as copying

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.log_actions import log
from wagtail.models import Site

from hoaban.articles.models import ArticlePage
from hoaban.core.models import NewsroomSettings
from hoaban.core.public_url import page_full_url
from hoaban.core.sites import site_of

from .models import Republication

# Registered with Wagtail in wagtail_hooks.py: (action, label, history message).
LOG_ACTIONS = {
    "republish": (
        "republishing.republish",
        gettext_lazy("Republish"),
        gettext_lazy("Republished from another site"),
    ),
    "follow": (
        "republishing.follow",
        gettext_lazy("Follow a correction"),
        gettext_lazy("Updated with the original's correction"),
    ),
    "withdraw": (
        "republishing.withdraw",
        gettext_lazy("Withdraw"),
        gettext_lazy("Unpublished: the original was withdrawn"),
    ),
}


class RepublishError(Exception):
    """The story cannot be republished there; the message says why. Nothing was written."""


def publisher_name(site: Site) -> str:
    return NewsroomSettings.for_site(site).publisher_name


def can_republish_into(user, section) -> bool:
    """Wagtail's own page permissions on the target section: the copy is added and published
    there, so both are needed (a reporter who may only submit for review may not)."""
    permissions = section.permissions_for_user(user)
    return permissions.can_add_subpage() and permissions.can_publish_subpage()


def source_line(original: ArticlePage, site: Site) -> dict:
    """The copy's "Source:" line. A story the newspaper itself took from an outlet keeps that
    outlet as its source, and names the newspaper as the page it came through."""
    here = {"name": publisher_name(site), "url": page_full_url(original)}
    if original.is_syndicated:
        return {
            "source_name": original.source_name,
            "source_url": original.source_url,
            "source_via_name": here["name"],
            "source_via_url": here["url"],
        }
    return {
        "source_name": here["name"],
        "source_url": here["url"],
        "source_via_name": "",
        "source_via_url": "",
    }


def _copy_text(original: ArticlePage, target: ArticlePage, site: Site) -> None:
    """What readers see of the original, onto the copy: text, photos, video, byline, tags."""
    for name in (
        "title",
        "date",
        "dateline",
        "lead",
        "lead_image_id",
        "lead_image_caption",
        "video_url",
        "video_file_id",
        "author_id",
        "byline",
        "search_description",
    ):
        setattr(target, name, getattr(original, name))
    target.body = copying.deepcopy(original.body.raw_data)
    target.tags.set(list(original.tags.all()))
    for name, value in source_line(original, site).items():
        setattr(target, name, value)


def free_slug(section, slug: str, *, page=None) -> str:
    """`slug`, or `slug-2`, `-3`… when a sibling (other than `page`) has it."""
    siblings = section.get_children()
    if page is not None:
        siblings = siblings.exclude(pk=page.pk)
    taken = set(siblings.values_list("slug", flat=True))
    candidate, number = slug, 1
    while candidate in taken:
        number += 1
        candidate = f"{slug}-{number}"
    return candidate


def _check(original: ArticlePage, section, user) -> Site:
    """The target's site, once every rule holds; else RepublishError saying which does not."""
    if not original.live:
        raise RepublishError(
            _("“%(title)s” is not published: only a live story can be republished.")
            % {"title": original.title}
        )
    if Republication.objects.filter(copy=original).exists():
        raise RepublishError(
            _("“%(title)s” is itself a republished copy: republish its original instead.")
            % {"title": original.title}
        )
    if original.locale_id != section.locale_id:
        raise RepublishError(
            _(
                "“%(section)s” is in another edition than the story: republish the story in its "
                "section's language, then use the original's translation."
            )
            % {"section": section.title}
        )
    site, home_site = site_of(section), site_of(original)
    if site is None or site == home_site:
        raise RepublishError(
            _("“%(section)s” is on the story's own site: choose a section of another site.")
            % {"section": section.title}
        )
    # One copy per story and site: its other editions reach the copy as reused translations.
    existing = (
        Republication.objects.filter(original__translation_key=original.translation_key, site=site)
        .select_related("copy")
        .first()
    )
    if existing is not None:
        raise RepublishError(
            _("“%(title)s” is already republished on %(site)s, as “%(copy)s”.")
            % {"title": original.title, "site": site.site_name, "copy": existing.copy.title}
        )
    address = page_full_url(original) or ""
    try:
        URLValidator()(address)
    except ValidationError:
        raise RepublishError(
            _(
                "The story's public address “%(url)s” cannot be a Source link: set "
                "PUBLIC_BASE_URL to the address readers use."
            )
            % {"url": address}
        ) from None
    if user is not None and not can_republish_into(user, section):
        raise RepublishError(
            _("You may not add and publish stories in “%(section)s”.") % {"section": section.title}
        )
    return site


def republish(*, original: ArticlePage, section, user, subscription=None) -> ArticlePage:
    """Publish a copy of `original` (a live article of one site) in `section` (a section of
    another site) and return it; `user` is None for a subscription's automatic copy."""
    original, section = original.specific, section.specific
    with transaction.atomic():
        site = _check(original, section, user)
        home_site = site_of(original)
        copy = ArticlePage(slug=free_slug(section, original.slug), locale_id=section.locale_id)
        _copy_text(original, copy, home_site)
        section.add_child(instance=copy)
        revision = copy.save_revision(user=user)
        revision.publish(user=user)
        log(instance=copy, action=LOG_ACTIONS["republish"][0], user=user, revision=revision)
        Republication.objects.create(
            copy=copy,
            original=original,
            original_title=original.title,
            original_url=page_full_url(original) or "",
            site=site,
            subscription=subscription,
            created_by=user,
            synced_revision=revision,
            original_revision_id=original.live_revision_id,
            synced_at=timezone.now(),
        )
    copy.refresh_from_db()
    return copy


def follow_correction(*, republication: Republication) -> bool:
    """Bring the copy up to the original's published text and publish it; False (and nothing
    written) when the copy was edited on the platform, its original is gone or not live, or it
    already holds that text. A copy withdrawn with its original comes back with it."""
    with transaction.atomic():
        # Only the link's row: PostgreSQL cannot lock the nullable side of the original's join.
        link = (
            Republication.objects.select_for_update(of=("self",))
            .select_related("copy", "original")
            .get(pk=republication.pk)
        )
        original = link.original
        if original is None or not original.live:
            return False
        if link.is_edited:
            if link.edited_at is None:
                link.edited_at = timezone.now()
                link.save(update_fields=["edited_at"])
            return False
        if link.original_revision_id == original.live_revision_id and link.copy.live:
            return False
        copy = link.copy
        _copy_text(original, copy, site_of(original))
        revision = copy.save_revision()
        revision.publish()
        log(instance=copy, action=LOG_ACTIONS["follow"][0], revision=revision)
        link.synced_revision = revision
        link.original_revision_id = original.live_revision_id
        link.original_title = original.title
        link.original_url = page_full_url(original) or link.original_url
        link.synced_at = timezone.now()
        link.withdrawn_at, link.withdrawal = None, ""
        link.save()
    return True


def withdraw_copies(*, republication_ids, withdrawal: str) -> list[Republication]:
    """Unpublish the live copies (and their editions) of an original that was unpublished or
    deleted, edited on the platform or not (a withdrawal is not a correction); return the links
    withdrawn now."""
    withdrawn = []
    with transaction.atomic():
        links = (
            Republication.objects.select_for_update(of=("self",))
            .select_related("copy")
            .filter(pk__in=list(republication_ids), withdrawn_at__isnull=True)
        )
        for link in links:
            # The copy's editions too: a translation of a withdrawn story is withdrawn with it.
            for page in [link.copy, *link.copy.get_translations().live().specific()]:
                if page.live:
                    page.unpublish()
                    log(instance=page, action=LOG_ACTIONS["withdraw"][0])
            link.withdrawn_at, link.withdrawal = timezone.now(), withdrawal
            link.save(update_fields=["withdrawn_at", "withdrawal"])
            withdrawn.append(link)
    return withdrawn
