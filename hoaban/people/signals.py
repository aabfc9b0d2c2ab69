"""A person's name is printed in the byline of every article they wrote that has no byline
of its own (on the page, in its JSON-LD and in feeds). Renaming or deleting the person changes
those pages, so they are purged from the page cache and the proxy once the change commits.
The per-process memo learns of it by itself (Person is among its sources)."""

from django.db import transaction
from django.db.models.signals import post_save, pre_delete

from hoaban.articles.models import ArticlePage

from .models import Person
from .tasks import purge_articles


def _bylined_article_ids(person) -> list[int]:
    return list(
        ArticlePage.objects.live().filter(author=person, byline="").values_list("pk", flat=True)
    )


def _purge_after_commit(article_ids: list[int]) -> None:
    if article_ids:
        transaction.on_commit(lambda: purge_articles.enqueue(article_ids))


def on_saved(sender, instance, created, **kwargs):
    if created or instance.name == getattr(instance, "loaded_name", instance.name):
        return
    instance.loaded_name = instance.name
    _purge_after_commit(_bylined_article_ids(instance))


def on_deleting(sender, instance, **kwargs):
    # Before the delete: afterwards the articles no longer point to the person.
    _purge_after_commit(_bylined_article_ids(instance))


def connect():
    post_save.connect(on_saved, sender=Person, dispatch_uid="people-renamed")
    pre_delete.connect(on_deleting, sender=Person, dispatch_uid="people-deleted")
