"""An editor, with the admin in Vietnamese, tests a syndication source against a loopback
portal in a real browser, sees what would be imported, then fetches it for real."""

import re

import pytest
from playwright.sync_api import expect

from hoaban.ingest.tests.portal import Portal

from .conftest import OUTPUT

SOURCE = "Báo Điện Biên Phủ (thử nghiệm)"
SETUP = """
from django.contrib.auth.models import Group, Permission
from hoaban.core.newsroom import EDITORS
from hoaban.ingest.models import Source
from hoaban.sections.models import SectionPage
# Holders of the Source permissions manage Sources; the newsroom roles grant them to Editors.
Group.objects.get(name=EDITORS).permissions.add(
    *Permission.objects.filter(content_type__app_label="ingest", content_type__model="source")
)
section = SectionPage.objects.filter(locale__language_code="vi").order_by("path").first()
source = Source.objects.create(
    name={name!r}, home_url={home!r}, feed_url={feed!r}, default_section=section
)
print(source.pk)
"""
COUNTS = """
from hoaban.ingest.models import FetchRun, ImportedItem
items = ImportedItem.objects.filter(source_id={pk}).count()
print(items, FetchRun.objects.filter(source_id={pk}).count())
"""


@pytest.fixture(scope="module")
def portal():
    server = Portal().start()
    yield server
    server.stop()


def counts(live_site, pk: int) -> tuple[int, int]:
    items, runs = live_site.shell(COUNTS.format(pk=pk)).split()
    return int(items), int(runs)


def test_editor_tests_a_source_sees_the_preview_and_fetches_it_now(live_site, portal, page):
    pk = int(
        live_site.shell(
            SETUP.format(
                name=SOURCE,
                home=portal.url("baodienbienphu/"),
                feed=portal.url("baodienbienphu/atom.xml"),
            )
        )
    )
    page.goto(f"{live_site.base_url}/admin/login/")
    page.locator("#id_username").fill("editor")
    page.locator("#id_password").fill("hoaban-editor")
    page.locator("button[type=submit]").click()

    page.locator('a[href="/admin/snippets/ingest/source/"]').first.click()
    page.get_by_role("link", name=SOURCE).click()
    expect(page.locator("#id_fetch_every_minutes")).to_have_value("60")
    page.screenshot(path=OUTPUT / "sources-1-edit-form.png", full_page=True)

    # The footer's "Test this source" posts the form as it stands to a new tab, unsaved.
    page.locator("footer .w-dropdown-button .w-dropdown__toggle").click()
    with page.context.expect_page() as opened:
        page.get_by_role("button", name="Thử nguồn tin này").click()
    preview = opened.value
    preview.wait_for_load_state()
    items = preview.locator("[data-ingest-test-item]")
    expect(items).to_have_count(2)
    first = items.first
    expect(first.locator("[data-ingest-test-title]")).to_have_text(
        "Tín dụng ưu đãi giúp hộ nghèo vươn lên"
    )
    expect(first.locator("[data-ingest-test-date]")).to_contain_text("14-04-2025")
    expect(first.locator("[data-ingest-test-date]")).to_contain_text("in trên trang")
    expect(first.locator("[data-ingest-test-author]")).to_have_text("Minh Anh")
    expect(first.locator("[data-ingest-test-lead]")).to_contain_text(
        "Nguồn vốn tín dụng chính sách của Ngân hàng Chính sách xã hội"
    )
    expect(first.locator("[data-ingest-test-photo] img")).to_have_attribute(
        "src", re.compile(r"^data:image/jpeg;base64,")
    )
    # The image really decodes in the browser (the admin's CSP allows data: images).
    assert first.locator("[data-ingest-test-photo] img").evaluate("img => img.naturalWidth") > 0
    preview.screenshot(path=OUTPUT / "sources-2-test-preview.png", full_page=True)
    assert counts(live_site, pk) == (0, 0)

    preview.locator("[data-ingest-fetch-now]").click()
    expect(preview.locator(".messages")).to_contain_text("2 bài đã nhập")
    preview.screenshot(path=OUTPUT / "sources-3-fetched.png", full_page=True)
    assert counts(live_site, pk) == (2, 1)
