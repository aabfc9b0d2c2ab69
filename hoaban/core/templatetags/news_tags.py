from datetime import datetime

from django import template
from django.utils import timezone
from django.utils.translation import get_language

register = template.Library()


@register.simple_tag(takes_context=True)
def tagline(context) -> str:
    """The active edition's tagline (hoaban.core.models.edition_tagline)."""
    from wagtail.models import Site

    from hoaban.core.models import NewsroomSettings, edition_tagline

    request = context.get("request")
    if request is None or Site.find_for_request(request) is None:
        return ""  # a 404 for a host no site answers
    newsroom = NewsroomSettings.for_request(request)
    return edition_tagline(newsroom, navigation(context)["home"], get_language())


@register.simple_tag(takes_context=True)
def navigation(context):
    """The edition's home page and its menu sections, looked up once per request."""
    request = context.get("request")
    cached = getattr(request, "_hoaban_navigation", None)
    if cached is not None and cached["language"] == get_language():
        return cached
    language = get_language()
    home, sections = _edition_menu()
    nav = {"home": home, "sections": sections, "language": language}
    if request is not None:
        request._hoaban_navigation = nav
    return nav


def _edition_menu():
    """The active edition's home page and the sections it shows in its menu."""
    from hoaban.articles.queries import menu_sections
    from hoaban.translation.editions import active_locale, live_homes

    locale = active_locale()
    home = next((h for h in live_homes() if locale and h.locale_id == locale.pk), None)
    if home is None:
        return None, []
    return home, menu_sections(home)


@register.filter
def html_datetime(value) -> str:
    """A <time datetime> value to the second in the site's time zone: the date filter's "c"
    adds microseconds, which HTML does not allow."""
    if not isinstance(value, datetime):
        return ""
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    return value.replace(microsecond=0).isoformat()
