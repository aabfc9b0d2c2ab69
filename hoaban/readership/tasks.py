from django_tasks import task

from . import store


@task()
def flush_reads() -> int:
    """Buffered reads into the database, and rows past every window out of it."""
    return store.flush()
