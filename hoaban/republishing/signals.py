"""Changes to originals, heard as domain events (hoaban.core.events), handed to the task worker
once the change has committed: a publish (a new story or a correction) and a withdrawal."""

from functools import partial

from django.db import transaction

from hoaban.articles.models import ArticlePage
from hoaban.core import events

from .models import Republication, Subscription
from .tasks import original_published, originals_withdrawn


def _on_content_changed(sender, event, **kwargs):
    page = getattr(event, "page", None)
    if page is None or page.specific_class is not ArticlePage:
        return
    if isinstance(event, events.PagePublished):
        # Only when there is something to do: a task per publish would be noise on the queue.
        if (
            Subscription.objects.filter(active=True).exists()
            or Republication.objects.filter(original_id=page.pk).exists()
        ):
            transaction.on_commit(partial(original_published.enqueue, page.pk))
    elif isinstance(event, events.PageUnpublished | events.PageDeleted):
        # Read now: a deleted original's links lose it when the delete commits.
        links = list(Republication.objects.filter(original_id=page.pk).values_list("pk", flat=True))
        if links:
            withdrawal = (
                Republication.Withdrawal.DELETED
                if isinstance(event, events.PageDeleted)
                else Republication.Withdrawal.UNPUBLISHED
            )
            transaction.on_commit(partial(originals_withdrawn.enqueue, links, str(withdrawal)))


def connect():
    events.content_changed.connect(_on_content_changed, dispatch_uid="republishing-originals")
