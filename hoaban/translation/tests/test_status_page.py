"""Settings → Machine translation: its heading, the engine configured, which pairs work and
what to run to get the others."""

import re
import sys

import pytest
from wagtail.users.models import UserProfile

DEMO = {"CLASS": "hoaban.translation.backends.demo.DemoTranslator", "OPTIONS": {}}
ARGOS = {"CLASS": "hoaban.translation.backends.argos.ArgosTranslator", "OPTIONS": {"PIVOT": "en"}}


def status_page(client, user, language) -> str:
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    html = client.get("/admin/machine-translation/").content.decode()
    return re.sub(r"\s+", " ", html)


@pytest.fixture
def admin(admin_user, client):
    client.force_login(admin_user)
    return admin_user


def test_the_page_is_headed_machine_translation_not_home(client, admin, settings):
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = DEMO
    html = status_page(client, admin, "en")
    trail = html.split('aria-label="Breadcrumb"')[1].split("</ol>")[0]
    crumbs = [re.sub(r"<[^>]+>", "", "<li" + item).strip() for item in trail.split("<li")[1:]]
    assert crumbs == ["Home", "Machine translation"]
    assert "<title>Machine translation" in html


def test_the_demo_engine_says_what_it_is_and_that_every_pair_works(client, admin, settings):
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = DEMO
    settings.MACHINE_TRANSLATOR = "demo"
    html = status_page(client, admin, "en")
    assert "Configured engine: Demo engine" in html
    assert "MACHINE_TRANSLATOR=demo" in html
    assert "This is the demo engine, not a real translator." in html
    assert "6 of 6 language pairs work." in html
    assert "Missing" not in html and "data-remedy" not in html


def test_the_vietnamese_admin_reads_the_same_in_vietnamese(client, admin, settings):
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = DEMO
    html = status_page(client, admin, "vi")
    assert "Bộ dịch đang dùng: Demo engine" in html
    assert "Đây là bộ dịch demo, không phải một bộ dịch thật." in html
    assert "6/6 cặp ngôn ngữ dịch được." in html
    assert "Tiếng Anh (en)" in html


def test_argos_without_packages_says_which_pairs_are_missing_and_what_to_run(
    client, admin, settings, monkeypatch
):
    monkeypatch.setitem(sys.modules, "argostranslate", None)
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = ARGOS
    settings.MACHINE_TRANSLATOR = "argos"
    html = status_page(client, admin, "en")
    assert "Configured engine: Argos Translate" in html
    assert "0 of 6 language pairs work." in html
    assert html.count("<strong>Missing</strong>") == 6
    assert (
        "To get the missing pairs, run on the server: <code>make translation-packages</code>"
        in html
    )
    assert "This is the demo engine" not in html


def test_switched_off_machine_translation_is_said_plainly(client, admin, settings):
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = None
    html = status_page(client, admin, "en")
    assert "Machine translation is switched off (MACHINE_TRANSLATOR=none)." in html
