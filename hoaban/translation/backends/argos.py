"""Offline machine translation with Argos Translate (OpenNMT models run by CTranslate2).

Nothing is downloaded at run time: the backend uses the language packages installed on the
machine. When a pair is missing it says which package to install; when there is no direct pair
it goes through a pivot language (vi→en→ru with the usual packages) and says so.
"""

from itertools import pairwise

from django.utils.translation import gettext as _
from wagtail_localize.machine_translators.base import BaseMachineTranslator
from wagtail_localize.strings import StringValue

INSTALL_ALL = "make translation-packages"
INSTALL_PACKAGES = "python manage.py install_translation_packages"
INSTALL_FILE = "python manage.py install_translation_packages FILE.argosmodel"


def _argos():
    try:
        import argostranslate.package
        import argostranslate.translate
    except ImportError:
        return None
    return argostranslate


class ArgosTranslator(BaseMachineTranslator):
    display_name = "Argos Translate"

    def __init__(self, options):
        super().__init__(options)
        self.pivot = options.get("PIVOT", "en")

    def library_installed(self) -> bool:
        return _argos() is not None

    def installed_pairs(self) -> set[tuple[str, str]]:
        argos = _argos()
        if argos is None:
            return set()
        return {(p.from_code, p.to_code) for p in argos.package.get_installed_packages()}

    def route(self, source: str, target: str) -> list[str] | None:
        """The languages a text goes through, e.g. ["vi", "en", "ru"]; None when impossible."""
        pairs = self.installed_pairs()
        if (source, target) in pairs:
            return [source, target]
        pivot = self.pivot
        if pivot not in (source, target) and {(source, pivot), (pivot, target)} <= pairs:
            return [source, pivot, target]
        return None

    def missing_packages(self, source: str, target: str) -> list[tuple[str, str]]:
        """The packages to install for this pair. Argos publishes English-centred packages, so
        a pair without English is advised through the pivot."""
        if self.pivot in (source, target):
            return [(source, target)]
        pairs = self.installed_pairs()
        return [leg for leg in [(source, self.pivot), (self.pivot, target)] if leg not in pairs]

    def explain_missing(self, source: str, target: str) -> str:
        if not self.library_installed():
            return _(
                "Argos Translate is not installed on this server. Run “%(command)s” to install "
                "it and its language packages."
            ) % {"command": INSTALL_ALL}
        packages = ", ".join(f"{a}→{b}" for a, b in self.missing_packages(source, target))
        return _(
            "No Argos Translate package for %(packages)s is installed. Run “%(command)s” (or "
            "copy the .argosmodel file to the server and run “%(file)s”)."
        ) % {
            "packages": packages,
            "command": INSTALL_PACKAGES,
            "file": INSTALL_FILE,
        }

    def remedy(self) -> str:
        """The command that gets the missing pairs, for the admin's status page."""
        return INSTALL_PACKAGES if self.library_installed() else INSTALL_ALL

    def can_translate(self, source_locale, target_locale):
        return self.route(source_locale.language_code, target_locale.language_code) is not None

    def translate(self, source_locale, target_locale, strings):
        argos = _argos()
        steps = self.route(source_locale.language_code, target_locale.language_code)
        if argos is None or steps is None:
            raise ValueError(
                self.explain_missing(source_locale.language_code, target_locale.language_code)
            )
        result = {}
        for string in strings:
            # Argos translates plain text: inline markup of a segment is not kept.
            text = string.render_text()
            for source, target in pairwise(steps):
                text = argos.translate.translate(text, source, target)
            result[string] = StringValue.from_plaintext(text)
        return result
