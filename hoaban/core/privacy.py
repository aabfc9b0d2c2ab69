"""Which pages anonymous readers may see: Wagtail's `.public()`, with the private parts of the
site remembered per process (hoaban.pagecache.memo) instead of read again by every listing."""

from django.db.models import Q
from wagtail.models import Page, PageViewRestriction

from hoaban.pagecache.memo import remembered


def _private_paths() -> list[str]:
    return sorted(set(PageViewRestriction.objects.values_list("page__path", flat=True)))


def public(queryset):
    """`queryset` without the pages under a view restriction (password, login, groups)."""
    paths = remembered(("private-paths",), _private_paths)
    if not paths:
        return queryset
    private = Q()
    for path in paths:
        private |= Q(path__startswith=path)
    return queryset.exclude(private)


def _restricted_paths() -> list[str]:
    """Paths of the pages whose view restrictions Wagtail applies to their subtree: the
    restricted pages and the aliases of them (an alias shows its source's restrictions)."""
    ids = set(PageViewRestriction.objects.values_list("page_id", flat=True))
    found = set(ids)
    while found:
        found = set(Page.objects.filter(alias_of_id__in=found).values_list("pk", flat=True)) - ids
        ids |= found
    return sorted(set(Page.objects.filter(pk__in=ids).values_list("path", flat=True)))


def may_be_restricted(page) -> bool:
    """Whether a view restriction may cover `page` (on it, an ancestor or their alias source)."""
    paths = remembered(("restricted-paths",), _restricted_paths)
    return any(page.path.startswith(path) for path in paths)
