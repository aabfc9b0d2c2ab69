"""The three editions seen from a reader's side: the active edition's locale, and which page of
another edition matches this one (the language switcher).

Which pages an edition may show at all (its own language's, translated and published, never the
aliases wagtail-localize copies a translation's parents as) is hoaban.core.visibility's rule.
"""

from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page

from hoaban.core.per_request import once_per_request
from hoaban.core.visibility import visible
from hoaban.translation.models import TranslationRecord

# Each edition named as a phrase for a sentence ("Translation: <publisher>, English edition."),
# whole per language: a language's name alone takes other cases and capitals in vi and ru.
EDITION_NAMES = {
    "vi": _("Vietnamese edition"),
    "en": _("English edition"),
    "ru": _("Russian edition"),
}


def edition_name(locale) -> str:
    return str(EDITION_NAMES.get(locale.language_code, locale.get_display_name()))


def _locales() -> dict:
    return {locale.pk: locale for locale in Locale.objects.all()}


def active_locale() -> Locale | None:
    """Wagtail's `Locale.get_active()` (the locale of the active language, else the default
    one) from the locales read once per request instead of a query each time."""
    locales = once_per_request(("locales",), _locales).values()
    by_code = {locale.language_code: locale for locale in locales}
    for language in (get_language(), settings.LANGUAGE_CODE):
        try:
            return by_code[get_supported_content_language_variant(language)]
        except (KeyError, LookupError):
            continue
    return None


def locale_of(page) -> Locale:
    """`page.locale`, from the few locales read once per request (hoaban.core.per_request)
    unless the page came with it."""
    if not Page.locale.is_cached(page):
        page.locale = once_per_request(("locales",), _locales).get(page.locale_id) or page.locale
    return page.locale


def translation_record(page) -> TranslationRecord | None:
    """How `page` was translated (hoaban.translation.services records it on publish), or None
    for an original. No query when the page came with `select_related("translation_record")`,
    as routing loads an article."""
    try:
        return page.translation_record
    except TranslationRecord.DoesNotExist:
        return None


def original_of(page):
    """The visible page `page` was translated from, or None for an original."""
    record = translation_record(page)
    if record is None or record.source_locale_id == page.locale_id:
        return None
    found = visible(page.get_translations().filter(locale_id=record.source_locale_id))
    return found.select_related("locale").first()


@dataclass(frozen=True)
class EditionLink:
    language_code: str
    name: str
    url: str
    is_current: bool
    # True when the link leads to this same page in that language, not just the edition's home.
    is_translation: bool


def _suffix(page, request) -> str:
    """The part of the address past the page itself (a routable sub-page such as tags/…/)."""
    base = page.get_url(request=request) or ""
    path = request.path if request is not None else ""
    return path[len(base) :] if base and path.startswith(base) else ""


def _live_homes() -> list:
    from hoaban.home.models import HomePage

    return list(visible(HomePage.objects.filter(depth=2)).select_related("locale"))


def live_homes() -> list:
    """Every edition's live home page, in tree order, read once per request: routing starts
    from one, the menu and the language switcher show them."""
    return once_per_request(("edition-homes",), _live_homes)


def _edition_homes() -> dict:
    """{language code: that edition's live home page}."""
    return {home.locale.language_code: home for home in live_homes()}


def edition_links(*, page, request, suffixes=None) -> list[EditionLink]:
    """One link per edition: the live translation of `page` when there is one, otherwise that
    edition's home. Two queries whatever the number of languages.

    A routable sub-page keeps its path in every edition unless `suffixes` ({language code:
    path past the page}) says how it reads there, as a tag page does with each edition's slug.
    """
    current = get_language()
    translations = {}
    suffix = ""
    if page is not None and isinstance(page, Page):
        suffix = _suffix(page, request)
        live = visible(Page.objects.filter(translation_key=page.translation_key))
        live = live.select_related("locale")
        translations = {p.locale.language_code: p for p in live}
    homes = _edition_homes()
    links = []
    for code, name in settings.LANGUAGES:
        target = translations.get(code)
        if target is not None:
            past_page = (suffixes or {}).get(code, suffix)
            url = (target.get_url(request=request) or f"/{code}/") + past_page
        elif code in homes:
            url = homes[code].get_url(request=request) or f"/{code}/"
        else:
            url = f"/{code}/"
        links.append(
            EditionLink(
                language_code=code,
                name=name,
                url=url,
                is_current=code == current,
                is_translation=target is not None,
            )
        )
    return links
