"""The offline Argos Translate backend: installed pairs, the English pivot, plain reports of
what is missing. Argos and its models cannot be installed here, so the tests give it a stand-in
`argostranslate` module with the library's API (installed packages, translate(text, from, to))."""

import sys
import types

import pytest

from hoaban.translation.backends.argos import ArgosTranslator
from hoaban.translation.services import MachineTranslationError, translate_page

ARGOS = {"CLASS": "hoaban.translation.backends.argos.ArgosTranslator", "OPTIONS": {"PIVOT": "en"}}


@pytest.fixture
def argos_packages(monkeypatch):
    """Installs a stand-in argostranslate with the given (from, to) packages; records calls."""
    calls = []

    def install(*pairs):
        package = types.SimpleNamespace(
            get_installed_packages=lambda: [
                types.SimpleNamespace(from_code=a, to_code=b) for a, b in pairs
            ]
        )

        def translate_text(text, from_code, to_code):
            calls.append((from_code, to_code))
            return f"{to_code}: {text}"

        module = types.ModuleType("argostranslate")
        module.package = package
        module.translate = types.SimpleNamespace(translate=translate_text)
        monkeypatch.setitem(sys.modules, "argostranslate", module)
        monkeypatch.setitem(sys.modules, "argostranslate.package", package)
        monkeypatch.setitem(sys.modules, "argostranslate.translate", module.translate)
        return calls

    return install


def test_without_argos_the_admin_says_how_to_install_it(admin_client, settings, monkeypatch):
    monkeypatch.setitem(sys.modules, "argostranslate", None)
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = ARGOS
    html = admin_client.get("/admin/machine-translation/").content.decode()
    assert "Argos Translate" in html
    # The newsroom's admin speaks Vietnamese.
    assert html.count("<strong>Thiếu</strong>") == 6
    assert "make translation-packages" in html


def test_missing_pair_is_reported_with_the_package_to_install(
    admin_client, settings, argos_packages
):
    argos_packages(("vi", "en"))
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = ARGOS
    html = admin_client.get("/admin/machine-translation/").content.decode()
    # en→ru is missing, and vi→ru lacks its second leg through English.
    assert html.count("en→ru") == 2
    assert "en→vi" in html
    assert "python manage.py install_translation_packages" in html


def test_vi_to_ru_goes_through_english_and_says_so(
    settings, news_site, russian, argos_packages, admin_client
):
    calls = argos_packages(("vi", "en"), ("en", "ru"))
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = ARGOS
    article = news_site.article("news", title="Trại hè giao lưu học sinh Điện Biên")
    translated = translate_page(page=article, target_locale=russian, publish=True)
    assert translated.title == "ru: en: Trại hè giao lưu học sinh Điện Biên"
    assert set(calls) == {("vi", "en"), ("en", "ru")}
    assert translated.translation_record.machine_tool == "Argos Translate (vi→en→ru)"
    status = admin_client.get("/admin/machine-translation/").content.decode()
    assert "Dịch qua ngôn ngữ trung gian: vi→en→ru" in status


def test_direct_pair_is_preferred_to_the_pivot(argos_packages):
    argos_packages(("vi", "en"), ("en", "ru"), ("vi", "ru"))
    assert ArgosTranslator({"PIVOT": "en"}).route("vi", "ru") == ["vi", "ru"]


def test_translating_without_the_pair_fails_plainly_and_writes_nothing(
    settings, news_site, russian, argos_packages
):
    argos_packages(("vi", "en"))
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = ARGOS
    article = news_site.article("news")
    with pytest.raises(MachineTranslationError, match="No Argos Translate package for en→ru"):
        translate_page(page=article, target_locale=russian)
    assert article.get_translation_or_none(russian) is None
