"""Counting one read: the beacon view and the tests call this."""

from django.conf import settings

from . import store
from .counting import readership_cache, should_count
from .tasks import flush_reads


def read_beacon(*, request, article_id: int) -> bool:
    """Count a read of `article_id` if it is a reader's first in the window; True if counted.
    At most once per HOABAN_READ_FLUSH_SECONDS the first beacon also queues the flush, so
    buffered counts reach the rails without a scheduler (`manage.py flush_reads` does the
    same from cron)."""
    counted = should_count(request, article_id)
    if counted:
        store.add_read(article_id)
    if readership_cache().add("flush-due", 1, timeout=settings.HOABAN_READ_FLUSH_SECONDS):
        flush_reads.enqueue()
    return counted
