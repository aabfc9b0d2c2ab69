"""Which pages anonymous readers may see: Wagtail's `.public()`, with the private parts of the
site remembered per process (hoaban.pagecache.memo) instead of read again by every listing."""

from django.db.models import Q
from wagtail.models import PageViewRestriction

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
