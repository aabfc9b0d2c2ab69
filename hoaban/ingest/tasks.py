"""The scheduled run: every active source whose fetch interval has passed.

Production runs it on the django-tasks-db worker (`manage.py db_worker`); a cron entry or
systemd timer enqueues it with `manage.py syndicate --enqueue` (docs/ingest.md).
"""

from django.utils import timezone
from django_tasks import task

from .models import Source
from .pipeline import Syndicator


@task()
def syndicate_due_sources() -> dict:
    now = timezone.now()
    due = [source for source in Source.objects.filter(active=True) if source.is_due(now)]
    summaries = Syndicator().run(due) if due else []
    return {
        "sources": len(summaries),
        "imported": sum(summary.imported for summary in summaries),
        "duplicates": sum(summary.duplicates for summary in summaries),
        "failed": sum(summary.failed for summary in summaries),
        "untranslated": sum(len(summary.untranslated) for summary in summaries),
        "unreadable_sources": sum(bool(summary.error) for summary in summaries),
    }
