"""Purging what a change shows, from every cache in front of readers.

Listens to hoaban.core.events: the URLs are worked out when the event is announced (while what
it names still exists), from the one map in urlmap.py, and purged once the transaction commits,
so a re-render can never fetch the old content. The page store forgets them at once; the proxy
or CDN through frontend.py, which retries while it is unreachable.
"""

from urllib.parse import urlsplit

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.models import Site

from hoaban.core import events

from . import frontend, store, urlmap


def purge_urls(urls) -> None:
    """Purge now from this server's page cache and from the proxy or CDN, each URL on the site
    its host name names (the same path on another site stays)."""
    urls = set(urls)
    if not urls:
        return
    store.purge_urls(urls)
    frontend.purge({url for url in urls if urlsplit(url).netloc})


def _apply(purge: urlmap.Purge) -> None:
    from .tasks import purge_pages

    for base_url in purge.whole_sites:
        store.purge_site(base_url)
    purge_urls(purge.urls)
    if purge.page_ids:
        purge_pages.enqueue(sorted(purge.page_ids))


def on_content_changed(sender, event, **kwargs):
    purge = urlmap.purge_for(event)
    transaction.on_commit(lambda: _apply(purge))


def on_site_changed(sender, **kwargs):
    # After the commit: the host names are read from the database as other processes see it.
    transaction.on_commit(store.sites_changed)


def connect():
    events.content_changed.connect(on_content_changed, dispatch_uid="pagecache-purge")
    for signal in (post_save, post_delete):
        signal.connect(on_site_changed, sender=Site, dispatch_uid="pagecache-sites")
