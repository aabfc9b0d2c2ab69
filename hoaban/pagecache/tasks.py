"""Purging the URLs of many pages at once, on the task worker: a renamed reporter or tag, or a
section made private, reaches hundreds of articles, each on its own page, listings and feeds."""

from django_tasks import task
from wagtail.models import Page


@task()
def purge_pages(page_ids: list[int]) -> int:
    from .invalidation import purge_urls
    from .urlmap import page_urls

    urls = set()
    for page in Page.objects.live().filter(pk__in=page_ids).specific():
        urls |= page_urls(page)
    purge_urls(urls)
    return len(urls)
