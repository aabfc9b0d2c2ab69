"""A renamed tag changes its page and feeds in that edition: purge them from the caches, under
the old address and the new one (the old one now redirects)."""

from django.db.models.signals import post_delete, post_save
from django.utils import translation

from .models import TagName


def tag_urls(locale, slugs) -> set[str]:
    """Full URLs of the tag page and tag feeds of an edition for each of `slugs`."""
    from hoaban.feeds.feeds import feed_urls
    from hoaban.home.models import HomePage

    home = HomePage.objects.live().filter(locale=locale, depth=2).first()
    if home is None or not home.full_url:
        return set()
    root_url = home.get_site().root_url
    urls = set()
    with translation.override(locale.language_code):
        for slug in slugs:
            urls.add(home.full_url + home.reverse_subpage("tag", args=[slug]))
            urls.update(root_url + url for url in feed_urls("tag", slug).values())
    return urls


def purge_tag_name(sender, instance, **kwargs):
    from hoaban.pagecache.invalidation import purge_after_commit

    slugs = {instance.slug, instance.tag.slug, getattr(instance, "loaded_slug", None)}
    purge_after_commit(tag_urls(instance.locale, slugs - {None, ""}))


def connect():
    post_save.connect(purge_tag_name, sender=TagName, dispatch_uid="hoaban-tag-name-saved")
    post_delete.connect(purge_tag_name, sender=TagName, dispatch_uid="hoaban-tag-name-deleted")
