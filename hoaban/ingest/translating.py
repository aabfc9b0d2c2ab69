"""Machine-translated drafts of a newly imported article, in the editions its source asks for.

This runs once the item's own transaction is over, so nothing that goes wrong here (no
translator, a language pair not installed, the translation server down) can undo the import:
each edition is tried on its own and a failure is returned for the run to record. translate_page
leaves every translation a draft, marked machine-made segment by segment, until an editor
publishes it.
"""

import logging

from hoaban.translation.backends import TranslatorUnavailable, configured_translator
from hoaban.translation.services import MachineTranslationError, translate_page

from .models import ImportedItem

logger = logging.getLogger(__name__)


def translate_import(item: ImportedItem) -> dict[str, str]:
    """Create the translation drafts of `item`'s article; return {language code: reason} for
    each edition that failed, also kept on the item."""
    article = item.article
    editions = item.source.translate_into.exclude(pk=article.locale_id)
    failures = {}
    for locale in editions:
        try:
            translate_page(page=article, target_locale=locale, translator=configured_translator())
        except (MachineTranslationError, TranslatorUnavailable) as error:
            reason = str(error)
            logger.warning("No %s translation of %s: %s", locale.language_code, item.url, reason)
        except Exception as error:  # the import is saved: report any fault and try the next one
            logger.exception("Translating %s into %s failed", item.url, locale.language_code)
            reason = f"{type(error).__name__}: {error}"
        else:
            continue
        failures[locale.language_code] = reason
    if failures:
        item.translation_error = "\n".join(f"{code}: {reason}" for code, reason in failures.items())
        item.save(update_fields=["translation_error"])
    return failures
