from dataclasses import replace

from django import template
from django.conf import settings
from django.utils import translation
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from hoaban.core.public_url import absolute_url
from hoaban.translation.editions import (
    edition_links,
    edition_name,
    locale_of,
    translation_record,
)

register = template.Library()

# Whole sentences per language: "from <language>" takes a different case in Russian.
TRANSLATED_FROM = {
    "vi": _("Translated from Vietnamese."),
    "en": _("Translated from English."),
    "ru": _("Translated from Russian."),
}


@register.simple_tag(takes_context=True)
def editions(context):
    """The language switcher's links and the head's canonical/hreflang addresses, worked out once
    per request (the header and the head both use them)."""
    request = context.get("request")
    cached = getattr(request, "_hoaban_editions", None)
    if cached is not None:
        return cached
    page = context.get("page")
    links = edition_links(page=page, request=request, suffixes=context.get("edition_suffixes"))
    # A view that is no Wagtail page (search) may say where each edition's copy of it is.
    if overrides := context.get("edition_urls"):
        links = [
            replace(link, url=overrides[link.language_code])
            if link.language_code in overrides
            else link
            for link in links
        ]
    result = {
        "links": links,
        "alternates": [
            (link.language_code, absolute_url(link.url)) for link in links if link.is_translation
        ]
        if request is not None
        else [],
        "canonical": _canonical(request, page),
    }
    if request is not None:
        request._hoaban_editions = result
    return result


def _canonical(request, page) -> str:
    """This address without tracking or filter parameters; later pages of a list keep `page`."""
    if request is None or page is None:
        return ""
    url = absolute_url(request.path)
    number = request.GET.get("page", "")
    if number.isdigit() and int(number) > 1:
        url += f"?page={number}"
    return url


@register.inclusion_tag("includes/translation_notice.html")
def translation_notice(page, original):
    """Tells readers a page is a translation, from which language, and how it was made."""
    record = translation_record(page)
    if record is None:
        return {"record": None}
    return {
        "record": record,
        "translated_from": TRANSLATED_FROM.get(record.source_locale.language_code, ""),
        "original": original,
        "edition_name": edition_name(locale_of(page)),
    }


@register.simple_tag
def newsroom_words_lang() -> str:
    """A `lang` attribute for words the newsroom typed once, in its main language (a reporter's
    role, the postal address): empty in that edition, the main language in the others, so
    screen readers and validators read them as what they are."""
    main = settings.LANGUAGE_CODE
    return "" if translation.get_language() == main else format_html(' lang="{}"', main)
