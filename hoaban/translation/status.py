"""What the configured machine translator can do for each pair of editions, for the admin."""

from dataclasses import dataclass
from itertools import permutations

from django.conf import settings
from django.utils.translation import gettext as _

from .backends import TranslatorUnavailable, configured_translator


@dataclass(frozen=True)
class PairStatus:
    source: str
    target: str
    available: bool
    route: list[str]
    advice: str


@dataclass(frozen=True)
class TranslatorStatus:
    name: str
    problem: str
    pairs: list[PairStatus]
    setting: str = ""
    is_demo: bool = False
    remedy: str = ""

    @property
    def missing(self) -> list[PairStatus]:
        return [pair for pair in self.pairs if not pair.available]

    @property
    def working(self) -> int:
        return len(self.pairs) - len(self.missing)


def translator_status() -> TranslatorStatus:
    try:
        translator = configured_translator()
    except TranslatorUnavailable as error:
        return TranslatorStatus(
            name=settings.MACHINE_TRANSLATOR,
            problem=str(error),
            pairs=[],
            setting=settings.MACHINE_TRANSLATOR,
        )
    if translator is None:
        return TranslatorStatus(
            name="none",
            problem=_("Machine translation is switched off (MACHINE_TRANSLATOR=none)."),
            pairs=[],
            setting="none",
        )
    from wagtail.models import Locale

    pairs = []
    codes = [code for code, _name in settings.LANGUAGES]
    for source, target in permutations(codes, 2):
        route_of = getattr(translator, "route", None)
        if route_of is not None:
            route = route_of(source, target) or []
            available = bool(route)
        else:
            available = translator.can_translate(
                Locale(language_code=source), Locale(language_code=target)
            )
            route = [source, target] if available else []
        advice = ""
        if not available:
            explain = getattr(translator, "explain_missing", None)
            advice = explain(source, target) if explain else ""
        pairs.append(PairStatus(source, target, available, route, advice))
    missing = any(not pair.available for pair in pairs)
    remedy = getattr(translator, "remedy", None)
    return TranslatorStatus(
        name=translator.display_name,
        problem="",
        pairs=pairs,
        setting=settings.MACHINE_TRANSLATOR,
        is_demo=getattr(translator, "is_demo", False),
        remedy=remedy() if remedy and missing else "",
    )
