from django import template
from django.urls import reverse

from hoaban.readership.ranking import rails

register = template.Library()


@register.inclusion_tag("readership/rail.html")
def most_read_rail(page):
    """The edition's most-read rail, or the section's on a section page."""
    from hoaban.sections.models import SectionPage

    section = page if isinstance(page, SectionPage) else None
    found = rails(page.locale, section)
    return {"day": found["24h"], "week": found["7d"], "section": section}


@register.inclusion_tag("readership/beacon.html", takes_context=True)
def read_beacon(context, page):
    """The script that counts a read of `page`; none in previews."""
    request = context.get("request")
    return {
        "article_id": page.pk,
        "url": reverse("readership:beacon"),
        "counted": not getattr(request, "is_preview", False),
    }
