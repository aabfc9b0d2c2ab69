"""Telling the page cache that an article's visible comments changed."""

from django.db import transaction

from hoaban.core.signals import page_content_changed

from .models import Comment


def announce_changed_articles(articles) -> None:
    """Send page_content_changed for each article once the transaction has committed.

    After commit, so a cache that re-renders on the signal already sees the new state.
    """
    for article in articles:
        transaction.on_commit(
            lambda article=article: page_content_changed.send(sender=Comment, page=article)
        )
