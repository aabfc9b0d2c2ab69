"""Purging the pages of many articles at once, on the task worker: a prolific reporter's
rename reaches hundreds of articles, each shown on its own page, its listings and feeds."""

from django_tasks import task

from hoaban.articles.models import ArticlePage
from hoaban.pagecache.invalidation import purge_urls, urls_showing


@task()
def purge_articles(article_ids: list[int]) -> int:
    urls = set()
    for article in ArticlePage.objects.live().filter(pk__in=article_ids):
        urls |= urls_showing(article)
    purge_urls(urls)
    return len(urls)
