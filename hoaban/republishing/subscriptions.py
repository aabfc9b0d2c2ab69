"""Which subscriptions take a story that was just published."""

from django.db.models import Q

from hoaban.core.sites import site_of

from .models import Subscription


def matching(page) -> list[Subscription]:
    """Active subscriptions that take `page`: of another site, in its edition, to its section or
    one of its tags, begun before the story was first published; one per site, none for a site
    that has it already."""
    if page.first_published_at is None:
        return []
    found = (
        Subscription.objects.filter(
            active=True,
            created_at__lte=page.first_published_at,
            section__locale_id=page.locale_id,
        )
        .filter(
            Q(source_section_id=page.get_parent().pk)
            | Q(source_tag__in=page.tags.values_list("pk", flat=True))
        )
        .select_related("section")
        .order_by("pk")
    )
    home = site_of(page)
    taken = set(page.republications.values_list("site_id", flat=True))
    chosen = []
    for subscription in found:
        site = site_of(subscription.section)
        if site is None or site == home or site.pk in taken:
            continue
        taken.add(site.pk)
        chosen.append(subscription)
    return chosen
