"""Background work on the task framework (django-tasks): the immediate backend in dev and tests,
the database worker in production (docs/operations.md)."""

import logging

from django_tasks import task

from hoaban.articles.models import ArticlePage

from . import notices, services, subscriptions
from .models import Republication

logger = logging.getLogger(__name__)


@task()
def original_published(page_id: int) -> dict:
    """A story was published (first, or again as a correction): its copies follow it, and the
    subscriptions it matches republish it."""
    page = ArticlePage.objects.filter(pk=page_id, live=True).first()
    if page is None or Republication.objects.filter(copy=page).exists():
        return {"followed": 0, "republished": 0}
    followed = sum(
        services.follow_correction(republication=link) for link in page.republications.all()
    )
    republished = 0
    for subscription in subscriptions.matching(page):
        try:
            services.republish(
                original=page, section=subscription.section, user=None, subscription=subscription
            )
        except services.RepublishError as error:
            logger.warning(
                "Subscription %s did not republish page %s: %s", subscription.pk, page.pk, error
            )
        else:
            republished += 1
    return {"followed": followed, "republished": republished}


@task()
def originals_withdrawn(republication_ids: list[int], withdrawal: str) -> int:
    """Unpublish the copies of a withdrawn original and tell the platform's editors."""
    withdrawn = services.withdraw_copies(republication_ids=republication_ids, withdrawal=withdrawal)
    notices.tell_editors(withdrawn)
    return len(withdrawn)
