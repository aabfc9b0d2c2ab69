"""A renamed tag changes its page and feeds in that edition, and the articles showing it there:
announce it (hoaban.core.events) with the old address and the new one, and leave a permanent
redirect (Wagtail's, editable under Settings → Redirects) from the old addresses to the new
ones, so links already shared keep working."""

from urllib.parse import urlsplit

from django.db.models.signals import post_delete, post_save, pre_delete, pre_save
from django.utils import translation

from hoaban.core import events
from hoaban.core.public_url import page_location

from .models import TagName


def _homes(locale) -> list:
    """The edition's live home on each site of the install that has the edition: every site
    has its own tag pages, and its own redirects."""
    from hoaban.home.models import HomePage

    homes = HomePage.objects.live().filter(locale=locale, depth=2)
    return [home for home in homes if home.full_url]


def tag_paths(home, slug) -> list[str]:
    """Paths of the tag page and its feeds in the home's edition, on the home's site."""
    from hoaban.feeds.feeds import feed_urls

    with translation.override(home.locale.language_code):
        return [
            page_location(home)[1] + home.reverse_subpage("tag", args=[slug]),
            *feed_urls("tag", slug).values(),
        ]


def announce_tag_name(sender, instance, **kwargs):
    slugs = {instance.slug, instance.tag.slug, getattr(instance, "loaded_slug", None)}
    events.announce(
        events.TagChanged(instance.tag_id, instance.locale_id, frozenset(slugs - {None, ""}))
    )


def announce_tag(sender, instance, **kwargs):
    """A tag's own name or slug, shown in the editions without a name of their own for it."""
    if instance.pk is None:
        return
    before = sender.objects.filter(pk=instance.pk).values_list("name", "slug").first()
    if before == (instance.name, instance.slug):
        return
    slugs = {instance.slug, before[1] if before else None} - {None, ""}
    events.announce(events.TagChanged(instance.pk, None, frozenset(slugs)))


def announce_tag_deleted(sender, instance, **kwargs):
    # Before the delete: which articles carried it is known only until then.
    events.announce(events.TagChanged(instance.pk, None, frozenset({instance.slug})))


def redirect_old_slug(sender, instance, created, **kwargs):
    from wagtail.contrib.redirects.models import Redirect

    old = getattr(instance, "loaded_slug", None)
    if created or not old or old == instance.slug:
        return
    for home in _homes(instance.locale):
        site = home.get_site()
        new_paths = tag_paths(home, instance.slug)
        # Renamed back: the address serves the tag again.
        Redirect.objects.filter(
            site=site, old_path__in=[Redirect.normalise_path(path) for path in new_paths]
        ).delete()
        for old_path, new_path in zip(tag_paths(home, old), new_paths, strict=True):
            # With several sites Wagtail gives a home's URL in full; the redirect stays on
            # its own site, so its target is the path.
            target = urlsplit(new_path).path
            Redirect.add_redirect(
                old_path, redirect_to=target, site=site, automatically_created=True
            )
    instance.loaded_slug = instance.slug


def connect():
    from taggit.models import Tag

    pre_save.connect(announce_tag, sender=Tag, dispatch_uid="hoaban-tag-saved")
    pre_delete.connect(announce_tag_deleted, sender=Tag, dispatch_uid="hoaban-tag-deleted")
    post_save.connect(announce_tag_name, sender=TagName, dispatch_uid="hoaban-tag-name-saved")
    post_save.connect(redirect_old_slug, sender=TagName, dispatch_uid="hoaban-tag-name-moved")
    post_delete.connect(announce_tag_name, sender=TagName, dispatch_uid="hoaban-tag-name-deleted")
