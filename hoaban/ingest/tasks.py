"""The scheduled run over every active source whose fetch interval has passed, and the run
of one source that an editor starts with "Fetch now".

Production runs them on the django-tasks-db worker (`manage.py db_worker`); a cron entry or
systemd timer enqueues the scheduled one with `manage.py syndicate --enqueue` (docs/ingest.md).
"""

from django.utils import timezone
from django_tasks import task

from .models import Source
from .pipeline import RunSummary, Syndicator


@task()
def syndicate_due_sources() -> dict:
    now = timezone.now()
    due = [source for source in Source.objects.filter(active=True) if source.is_due(now)]
    return _totals(Syndicator().run(due) if due else [])


@task()
def syndicate_source(source_id: int) -> dict:
    """One source now, whether active and due or not: an editor asked for it."""
    source = Source.objects.get(pk=source_id)
    return _totals(Syndicator().run([source]))


def _totals(summaries: list[RunSummary]) -> dict:
    return {
        "sources": len(summaries),
        "imported": sum(summary.imported for summary in summaries),
        "duplicates": sum(summary.duplicates for summary in summaries),
        "failed": sum(summary.failed for summary in summaries),
        "untranslated": sum(len(summary.untranslated) for summary in summaries),
        "unreadable_sources": sum(bool(summary.error) for summary in summaries),
    }
