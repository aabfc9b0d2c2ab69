"""Machine translators for wagtail-localize's WAGTAILLOCALIZE_MACHINE_TRANSLATOR setting.

wagtail-localize ships LibreTranslate, DeepL and Google backends; the HTTP ones here add what a
newsroom needs from them (a configurable DeepL endpoint, errors raised instead of half-read
answers). Argos Translate is the offline backend. `settings/base.py` picks one from the
MACHINE_TRANSLATOR environment variable.
"""

from django.utils.translation import gettext as _
from wagtail_localize.machine_translators import get_machine_translator


class TranslatorUnavailable(Exception):
    pass


def configured_translator():
    """The configured translator, or None when machine translation is switched off.

    A backend whose client library is missing (Google without google-cloud-translate) is
    reported with the package to install rather than as an import crash.
    """
    try:
        return get_machine_translator()
    except ImportError as error:
        raise TranslatorUnavailable(
            _("The machine translator's library is not installed (%(error)s). Install it with pip.")
            % {"error": error}
        ) from error
