from django import template
from django.utils.translation import get_language
from wagtail.models import Locale

register = template.Library()


def _active_locale():
    try:
        return Locale.get_active()
    except Locale.DoesNotExist:
        return Locale.get_default()


@register.simple_tag(takes_context=True)
def navigation(context):
    """The edition's home page and its menu sections, looked up once per request."""
    request = context.get("request")
    cached = getattr(request, "_hoaban_navigation", None)
    if cached is not None and cached["language"] == get_language():
        return cached
    from hoaban.home.models import HomePage
    from hoaban.sections.models import SectionPage
    from hoaban.translation.editions import in_edition, readable

    locale = _active_locale()
    home = readable(in_edition(HomePage.objects.live(), locale)).first()
    sections = (
        list(readable(SectionPage.objects.child_of(home).live().in_menu()).order_by("path"))
        if home
        else []
    )
    nav = {"home": home, "sections": sections, "language": get_language()}
    if request is not None:
        request._hoaban_navigation = nav
    return nav
