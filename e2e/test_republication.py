"""The platform imports a story another portal republished: the draft credits the original
portal (a Source of its own), keeps the republisher as "via", and the original's own copy,
fetched later from its portal, is linked to that draft instead of becoming a second one."""

import pytest
from playwright.sync_api import expect

from .conftest import OUTPUT
from .feedportal import FeedPortal, Republisher

ORIGINAL = "Cổng TTĐT huyện Mường Chà"
REPUBLISHER = "Thông tin đối ngoại"
SETUP = """
from hoaban.ingest.models import Source
from hoaban.sections.models import SectionPage
section = SectionPage.objects.filter(locale__language_code="vi").order_by("path").first()
for name, home, feed in {sources!r}:
    Source.objects.create(name=name, home_url=home, feed_url=feed, default_section=section)
"""
ITEMS = """
from hoaban.ingest.models import ImportedItem
for item in ImportedItem.objects.filter(source__name__in={names!r}).order_by("pk"):
    print(item.source.name, "|", item.url, "|", item.status, "|", item.article_id or "-", "|",
          item.duplicate_of.url if item.duplicate_of else "-")
"""


@pytest.fixture
def portals():
    original = FeedPortal(2, seed="republication").start()
    # The link text on the platform is not the Source's name: the draft takes the Source's.
    republisher = Republisher(original, [2], "Cổng thông tin điện tử huyện Mường Chà").start()
    yield original, republisher
    republisher.stop()
    original.stop()


def items(live_site) -> list[list[str]]:
    script = ITEMS.format(names=[ORIGINAL, REPUBLISHER])
    return [line.split(" | ") for line in live_site.shell(script).splitlines()]


def test_republished_story_credits_the_original_source_via_the_republisher(
    live_site, portals, page
):
    original, republisher = portals
    sources = [
        (ORIGINAL, f"{original.base_url}/", original.feed_url),
        (REPUBLISHER, f"{republisher.base_url}/", republisher.feed_url),
    ]
    live_site.shell(SETUP.format(sources=sources))
    live_site.manage("syndicate", "--source", REPUBLISHER)
    live_site.manage("syndicate", "--source", ORIGINAL)

    copy, first, second = items(live_site)
    republished, story = republisher.story_url(2), original.story_url(2)
    assert copy[:3] == [REPUBLISHER, republished, "imported"]
    assert first[:3] == [ORIGINAL, original.story_url(1), "imported"]
    # The original's own page of the story is the same story: linked to the draft's item.
    assert second == [ORIGINAL, story, "duplicate", "-", republished]
    draft = copy[3]

    page.goto(f"{live_site.base_url}/admin/login/")
    page.locator("#id_username").fill("editor")
    page.locator("#id_password").fill("hoaban-editor")
    page.locator("button[type=submit]").click()
    page.goto(f"{live_site.base_url}/admin/pages/{draft}/edit/")
    expect(page.locator("#id_source_name")).to_have_value(ORIGINAL)
    expect(page.locator("#id_source_url")).to_have_value(story)
    expect(page.locator("#id_source_via_name")).to_have_value(REPUBLISHER)
    expect(page.locator("#id_source_via_url")).to_have_value(republished)
    expect(page.locator("#id_byline")).to_have_value("Quàng Thị Sen")
    page.locator("#id_source_name").scroll_into_view_if_needed()
    OUTPUT.mkdir(exist_ok=True)
    page.screenshot(path=OUTPUT / "republished-draft-edit.png")

    # The draft as readers will see it: "Nguồn:" the original, "qua" the republisher below.
    page.goto(f"{live_site.base_url}/admin/pages/{draft}/view_draft/")
    source, via = page.locator("p.source").first, page.locator("p.source--via")
    expect(source.locator("a")).to_have_text(ORIGINAL)
    expect(source.locator("a")).to_have_attribute("href", story)
    expect(via).to_contain_text("qua")
    expect(via.locator("a")).to_have_text(REPUBLISHER)
    expect(via.locator("a")).to_have_attribute("href", republished)
    # The platform's own "Nguồn:" line left the body: the page prints its own.
    expect(page.locator("body")).not_to_contain_text(republisher.original_name)
    source.scroll_into_view_if_needed()
    page.screenshot(path=OUTPUT / "republished-draft-view.png")
