"""Which pages anonymous readers may see: Wagtail's `.public()` and its check of each page it
serves, with the private parts of the site read once per request (hoaban.core.per_request)
instead of again by every listing and every page."""

from django.db.models import Q
from wagtail.models import Page, PageViewRestriction

from hoaban.core.per_request import once_per_request


def _restricted_paths() -> list[str]:
    """Paths of the pages whose view restrictions Wagtail applies to their subtree: the
    restricted pages and the aliases of them (an alias shows its source's restrictions)."""
    ids = set(PageViewRestriction.objects.values_list("page_id", flat=True))
    found = set(ids)
    while found:
        found = set(Page.objects.filter(alias_of_id__in=found).values_list("pk", flat=True)) - ids
        ids |= found
    return sorted(set(Page.objects.filter(pk__in=ids).values_list("path", flat=True)))


def _remembered_paths() -> list[str]:
    return once_per_request(("restricted-paths",), _restricted_paths)


def may_be_restricted(page) -> bool:
    """Whether a view restriction may cover `page` (on it, an ancestor or their alias source)."""
    return any(page.path.startswith(path) for path in _remembered_paths())


def public(queryset):
    """`queryset` without the pages a view restriction covers (password, login, groups), the
    pages under an alias of a restricted page included, as Wagtail treats them when served."""
    paths = _remembered_paths()
    if not paths:
        return queryset
    private = Q()
    for path in paths:
        private |= Q(path__startswith=path)
    return queryset.exclude(private)
