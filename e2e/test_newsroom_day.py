"""A newsroom's day in the real admin, with Wagtail's autosave on and the production caches on:
a reporter writes in Vietnamese and schedules, an editor approves in English, the story is
machine-translated into English and Russian and one segment corrected, and comments are
moderated from the queue rows. Then everything a reader, a feed reader and a partner's program
sees is checked."""

import json
import random
import re
import urllib.request
from datetime import UTC, datetime, timedelta

from PIL import Image
from playwright.sync_api import expect

from .admin import (
    footer_action,
    open_new_article,
    save_go_live,
    set_admin_language,
    shell_json,
    sign_in,
)
from .clients import Commenter
from .conftest import OUTPUT

TITLE = "Điện Biên mở lớp tiếng Nga cho học sinh dân tộc thiểu số"
SLUG = "dien-bien-mo-lop-tieng-nga-cho-hoc-sinh-dan-toc-thieu-so"
LEAD = (
    "Hai lớp tiếng Nga dành cho 40 học sinh thuộc 19 dân tộc thiểu số được mở tại trường "
    "Phổ thông Dân tộc nội trú tỉnh."
)
# Day ≤ 12, so a date read month-first would land on 3 May instead of 5 March. Older than
# the demo's summer stories, so the other browser tests on this server find their rails as
# they expect.
TYPED_DATE = "05/03/2025 08:30"
ENGLISH_TITLE = "Điện Biên opens Russian classes for ethnic minority students"

STORED = """
import json
from urllib.parse import urlsplit
from django.utils import timezone
from hoaban.articles.models import ArticlePage
pages = ArticlePage.objects.filter(translation_key__in=ArticlePage.objects.filter(
    title={title!r}).values("translation_key"))
print(json.dumps([{{
    "id": p.id, "language": p.locale.language_code, "title": p.title, "slug": p.slug,
    "live": p.live, "url": urlsplit(p.url).path, "date": timezone.localtime(p.date).isoformat(),
    "go_live_at": p.go_live_at and timezone.localtime(p.go_live_at).isoformat(),
    "drafts": ArticlePage.objects.filter(title=p.title, locale=p.locale).count(),
}} for p in pages.order_by("locale__language_code")]))
"""

# The clock moves on to the go-live time: the approved schedule is brought forward to now,
# and the cron job of production publishes it.
TIME_PASSES = """
from django.utils import timezone
from hoaban.articles.models import ArticlePage
page = ArticlePage.objects.get(title={title!r})
revision = page.scheduled_revision
now = timezone.now()
revision.approved_go_live_at = now
revision.content["go_live_at"] = now.isoformat()
revision.save(update_fields=["approved_go_live_at", "content"])
"""


def stored(live_site) -> dict:
    return {row["language"]: row for row in shell_json(live_site, STORED.format(title=TITLE))}


def section_id(live_site, slug: str) -> int:
    return shell_json(
        live_site,
        "from wagtail.models import Site\n"
        "from hoaban.sections.models import SectionPage\n"
        "newspaper = Site.objects.get(is_default_site=True).root_page\n"
        f"print(SectionPage.objects.child_of(newspaper).get(slug={slug!r}).pk)",
    )


def shot(tab, name: str) -> None:
    OUTPUT.mkdir(exist_ok=True)
    tab.screenshot(path=OUTPUT / f"newsroom_day_{name}.png", full_page=True)


def fetch(live_site, path: str) -> str:
    with urllib.request.urlopen(live_site.base_url + path, timeout=30) as answer:
        return answer.read().decode()


def next_month_fifth() -> str:
    """09:00 on the 5th of next month, as the Vietnamese admin writes it."""
    start = datetime.now().replace(day=1) + timedelta(days=32)
    return start.replace(day=5).strftime("05/%m/%Y 09:00")


def reporter_writes_and_submits(live_site, browser, picture) -> str:
    context = browser.new_context(viewport={"width": 1280, "height": 1000}, locale="vi-VN")
    page = context.new_page()
    sign_in(page, live_site, "reporter", "hoaban-reporter")
    open_new_article(page, live_site, section_id(live_site, "kinh-te"))

    page.locator("#id_title").press_sequentially(TITLE)
    expect(page.locator("#id_slug")).to_have_value(SLUG)
    page.locator("#id_lead").fill(LEAD)
    date = page.locator("#id_date")
    date.fill(TYPED_DATE)
    date.press("Tab")
    # The autosave creates the page and points the form at its edit view.
    expect(page).to_have_url(re.compile(r"/edit/$"), timeout=15_000)

    page.get_by_role("button", name=re.compile("Chèn một khối|Insert a block")).last.click()
    page.locator("[role=option]", has_text=re.compile("Ảnh|Photo")).first.click()
    caption = page.locator("[data-contentpath=body] [data-contentpath=caption] input")
    caption.fill("Giờ học tiếng Nga của học sinh Trường Phổ thông Dân tộc nội trú tỉnh")
    page.locator("[data-contentpath=body] .unchosen [data-chooser-action-choose]").click()
    modal = page.locator(".modal-dialog")
    modal.locator("#tab-label-upload").click()
    modal.locator("#id_image-chooser-upload-title").fill("Lớp học tiếng Nga ở Điện Biên")
    modal.locator("input[type=file]").set_input_files(picture)
    modal.locator("#id_image-chooser-upload-caption").fill("Học sinh lớp tiếng Nga, 12/3/2025.")
    modal.locator("#id_image-chooser-upload-credit").fill("Ảnh: Quang Hưng")
    modal.locator("form button[type=submit]").click()
    expect(modal).to_be_hidden()

    go_live = next_month_fifth()
    save_go_live(page, go_live)
    page.locator('[data-side-panel-toggle="status"]').click()
    expect(page.locator("[data-side-panel='status']")).to_contain_text(
        re.compile(r"05 tháng \d+ năm \d{4}")
    )
    shot(page, "1_reporter_scheduled")
    footer_action(page, 'button[name="action-submit"]')
    expect(page.locator(".messages")).to_be_visible()
    shot(page, "2_reporter_submitted")
    context.close()
    return go_live


def editor_approves(live_site, browser, page_id: int) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 1000}, locale="en-GB")
    page = context.new_page()
    sign_in(page, live_site, "editor", "hoaban-editor")
    page.goto(f"{live_site.base_url}/admin/pages/{page_id}/edit/")
    expect(page.locator("#id_date")).to_have_value("2025-03-05 08:30")
    footer_action(page, '[data-workflow-action-name="approve"]')
    expect(page.locator(".messages")).to_contain_text("has been updated")
    shot(page, "3_editor_approved")
    context.close()


def translate(live_site, page, page_id: int, language: str, label: str) -> None:
    page.goto(f"{live_site.base_url}/admin/localize/submit/page/{page_id}/")
    page.get_by_label(label, exact=True).check()
    page.get_by_role("button", name="Submit").click()
    page.wait_for_url(re.compile(r"/admin/pages/\d+/edit/"))
    page.get_by_role("button", name="Translate with Demo engine").click()
    expect(page.get_by_text("Successfully translated with Demo engine.")).to_be_visible()


def editor_translates(live_site, browser, page_id: int) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 1000}, locale="en-GB")
    page = context.new_page()
    sign_in(page, live_site, "editor", "hoaban-editor")

    translate(live_site, page, page_id, "en", "English")
    # The demo engine does not know this story: the editor writes the title's segment.
    title = page.locator("li", has=page.get_by_text("Title", exact=True)).first
    title.get_by_role("button", name="Edit").click()
    box = page.locator("textarea:visible")
    box.fill(ENGLISH_TITLE)
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_text(ENGLISH_TITLE).first).to_be_visible()
    shot(page, "4_translation_corrected")
    page.get_by_role("button", name=re.compile("^Publish")).first.click()
    expect(page.locator(".messages")).to_contain_text("Published")

    translate(live_site, page, page_id, "ru", "Русский")
    page.get_by_role("button", name=re.compile("^Publish")).first.click()
    expect(page.locator(".messages")).to_contain_text("Published")
    context.close()


def editor_moderates(live_site, browser, page_id: int) -> None:
    reader = Commenter(live_site.base_url)
    kind = "Mong các em học giỏi tiếng Nga để sang Saint Petersburg giao lưu!"
    junk = "Bán sim số đẹp giá rẻ, gọi ngay hôm nay"
    assert reader.post_comment(page_id, "Lò Văn Páo", kind)[1]["status"] == "pending"
    assert reader.post_comment(page_id, "Người bán sim", junk)[1]["status"] == "pending"

    context = browser.new_context(viewport={"width": 1280, "height": 1000}, locale="en-GB")
    page = context.new_page()
    sign_in(page, live_site, "editor", "hoaban-editor")
    page.goto(
        f"{live_site.base_url}/admin/snippets/discussion/comment/?status=pending&article={page_id}"
    )
    page.get_by_role("button", name="Approve: comment by Lò Văn Páo").click()
    expect(page.locator(".messages")).to_contain_text("approved")
    page.get_by_role("button", name="Spam: comment by Người bán sim").click()
    expect(page.locator(".messages")).to_contain_text("spam")
    shot(page, "5_comments_moderated")
    context.close()


def test_a_newsroom_day_from_the_reporters_draft_to_readers_in_three_languages(
    live_site, browser, tmp_path
):
    picture = tmp_path / "lop-tieng-nga.jpg"
    Image.new("RGB", (800, 600), tuple(random.randrange(256) for _ in range(3))).save(picture)
    set_admin_language(live_site, "reporter", "vi")
    set_admin_language(live_site, "editor", "en")
    try:
        go_live = reporter_writes_and_submits(live_site, browser, picture)
        [original] = stored(live_site).values()
        assert original["slug"] == SLUG and original["drafts"] == 1
        assert original["date"].startswith("2025-03-05T08:30")
        day, month, year = go_live.split()[0].split("/")
        assert original["go_live_at"].startswith(f"{year}-{month}-{day}T09:00")

        editor_approves(live_site, browser, original["id"])
        scheduled = shell_json(
            live_site,
            "import json\nfrom django.utils import timezone\n"
            "from hoaban.articles.models import ArticlePage\n"
            f"page = ArticlePage.objects.get(title={TITLE!r})\n"
            "print(json.dumps([page.live, "
            "timezone.localtime(page.scheduled_revision.approved_go_live_at).isoformat()]))",
        )
        assert scheduled == [False, f"{year}-{month}-{day}T09:00:00+07:00"]

        live_site.shell(TIME_PASSES.format(title=TITLE))
        live_site.manage("publish_scheduled")
        assert stored(live_site)["vi"]["live"]

        editor_translates(live_site, browser, original["id"])
        editor_moderates(live_site, browser, original["id"])
    finally:
        set_admin_language(live_site, "reporter", "")
        set_admin_language(live_site, "editor", "")

    pages = stored(live_site)
    assert sorted(pages) == ["en", "ru", "vi"]
    assert all(row["drafts"] == 1 and row["live"] for row in pages.values()), pages
    assert {row["date"][:16] for row in pages.values()} == {"2025-03-05T08:30"}
    assert pages["en"]["title"] == ENGLISH_TITLE

    reader = browser.new_context(viewport={"width": 390, "height": 844}, locale="vi-VN")
    tab = reader.new_page()
    tab.goto(live_site.base_url + pages["vi"]["url"])
    assert pages["vi"]["url"].endswith(f"/{SLUG}/")
    expect(tab.locator("h1")).to_have_text(TITLE)
    expect(tab.locator(".story__meta time")).to_have_attribute(
        "datetime", re.compile(r"^2025-03-05T08:30")
    )
    expect(tab.locator("figure figcaption").first).to_contain_text("Trường Phổ thông Dân tộc")
    comments = tab.locator("#comments")
    expect(comments.get_by_role("heading", level=2)).to_have_text(re.compile(r"\(1\)$"))
    expect(comments.get_by_text("Bán sim số đẹp")).to_have_count(0)
    shot(tab, "6_reader_vi")

    tab.goto(live_site.base_url + pages["en"]["url"])
    expect(tab.locator("h1")).to_have_text(ENGLISH_TITLE)
    notice = tab.locator(".translation-notice")
    expect(notice).to_contain_text("Translated from Vietnamese.")
    expect(notice).to_contain_text("demo engine")
    shot(tab, "7_reader_en")
    tab.goto(live_site.base_url + pages["ru"]["url"])
    expect(tab.locator(".translation-notice")).to_be_visible()
    reader.close()

    rss = fetch(live_site, "/vi/feeds/rss.xml")
    item = rss[rss.index(f"<title>{TITLE}</title>") :].split("</item>")[0]
    assert "<pubDate>Wed, 05 Mar 2025 01:30:00 +0000</pubDate>" in item
    assert SLUG in fetch(live_site, "/sitemap-vi.xml")
    api = json.loads(fetch(live_site, f"/api/v1/articles/{pages['vi']['id']}/"))
    assert datetime.fromisoformat(api["date"]) == datetime(2025, 3, 5, 1, 30, tzinfo=UTC)
    assert "Ảnh: Quang Hưng" in api["body_html"]
