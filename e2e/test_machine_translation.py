"""Machine translation on a site set up as `make run` sets it up (the demo engine, nothing
downloaded): an editor translates a Vietnamese article into English in the admin, lets the
machine draft it, corrects one segment and publishes; readers see how it was made."""

import re

import pytest
from playwright.sync_api import expect

from .conftest import OUTPUT

TITLE = "Ngăn chặn buôn bán động vật hoang dã"


@pytest.fixture
def demo_site(live_site):
    """The e2e server runs the demo engine, as `make run` does (e2e/server.py)."""
    return live_site


@pytest.fixture
def editor(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
    tab = context.new_page()
    yield tab
    context.close()


def shot(tab, name):
    OUTPUT.mkdir(exist_ok=True)
    tab.screenshot(path=OUTPUT / f"machine_translation_{name}.png", full_page=True)


def test_editor_machine_translates_corrects_a_segment_and_readers_see_the_label(demo_site, editor):
    article_id = int(
        demo_site.shell(
            "from hoaban.articles.models import ArticlePage\n"
            f"print(ArticlePage.objects.get(title={TITLE!r}).id)"
        )
    )
    base = demo_site.base_url
    editor.goto(f"{base}/admin/login/")
    editor.locator("#id_username").fill("editor")
    editor.locator("#id_password").fill("hoaban-editor")
    editor.locator("button[type=submit]").click()
    editor.wait_for_url(re.compile(r"/admin/$"))

    editor.goto(f"{base}/admin/machine-translation/")
    expect(editor.get_by_role("heading", name="Configured engine: Demo engine")).to_be_visible()
    expect(editor.locator("[data-demo-engine]")).to_contain_text("not a real translator")
    shot(editor, "1_settings")

    # Translate → English: wagtail-localize creates the draft and opens its editor.
    editor.goto(f"{base}/admin/localize/submit/page/{article_id}/")
    editor.get_by_label("English").check()
    editor.get_by_role("button", name="Submit").click()
    editor.wait_for_url(re.compile(r"/admin/pages/\d+/edit/"))
    machine = editor.get_by_role("button", name="Translate with Demo engine")
    expect(machine).to_be_visible()
    shot(editor, "2_translation_editor")
    machine.click()
    expect(editor.get_by_text("Successfully translated with Demo engine.")).to_be_visible()
    expect(editor.get_by_text("Stopping the wildlife trade").first).to_be_visible()
    shot(editor, "3_machine_translated")

    # The editor rewrites the body's paragraph (the demo's lead repeats it: the last segment
    # with that translation is the paragraph); only the segment being edited has a text box.
    lead = editor.get_by_text(re.compile("^Forest rangers and the police patrol together and"))
    segment = editor.locator("li", has=lead).last
    segment.get_by_role("button", name="Edit").click()
    box = editor.locator("textarea:visible")
    expect(box).to_have_count(1)
    box.fill(
        "Forest rangers and the police patrol the forests together and explain to residents "
        "that wild animals must not be hunted, bought or sold."
    )
    editor.get_by_role("button", name="Save", exact=True).click()
    expect(editor.get_by_text(re.compile("patrol the forests together"))).to_be_visible()
    shot(editor, "4_segment_corrected")

    editor.get_by_role("button", name=re.compile("^Publish")).first.click()
    expect(editor.locator(".messages")).to_contain_text("Published 'Stopping the wildlife trade'")

    url = demo_site.shell(
        "from hoaban.articles.models import ArticlePage\n"
        f"source = ArticlePage.objects.get(id={article_id})\n"
        "print(source.get_translation(source.locale.__class__.objects.get(language_code='en'))"
        ".specific.get_url())"
    ).strip()
    reader = editor.context.new_page()
    reader.goto(base + url if url.startswith("/") else url)
    expect(reader.locator("h1")).to_have_text("Stopping the wildlife trade")
    notice = reader.locator(".translation-notice")
    expect(notice).to_contain_text("Translated from Vietnamese.")
    expect(notice).to_contain_text("Machine translation by the demo engine")
    expect(notice).to_contain_text("reviewed by an editor")
    expect(reader.locator("body")).to_contain_text("patrol the forests together")
    shot(reader, "5_reader")
