"""Announcing that an article's visible comments changed (hoaban.core.events)."""

from hoaban.core import events


def announce_changed_articles(articles) -> None:
    """The caches purge once the transaction has committed, so a re-render sees the new state."""
    for article in articles:
        events.announce(events.CommentsChanged(article))
