"""A reader follows a byline to the reporter's page, shares and prints a story, and reads on a
390 px phone. Screenshots of the article and the author page, at 390 px and on a desktop, land
in test-output/."""

import re

import pytest
from playwright.sync_api import expect

from .conftest import OUTPUT

PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 2}
DESKTOP = {"viewport": {"width": 1280, "height": 900}}
HEADLINE = "Chủ tịch UBND tỉnh Lê Thành Đô làm việc với Đại sứ quán Việt Nam tại Liên bang Nga"


@pytest.fixture
def tab(browser):
    """A tab per screen size; CSP violations reported by the browser are collected."""
    contexts = []

    def open_tab(screen, **options):
        context = browser.new_context(locale="vi-VN", **screen, **options)
        contexts.append(context)
        page = context.new_page()
        page.csp_errors = []
        page.on(
            "console",
            lambda message: (
                "Content Security Policy" in message.text and page.csp_errors.append(message.text)
            ),
        )
        return page

    yield open_tab
    for context in contexts:
        context.close()


def open_article(live_site, page):
    page.goto(f"{live_site.base_url}/vi/authors/minh-chau/")
    page.locator(".list").get_by_role("link", name=HEADLINE).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(HEADLINE)


def shoot(page, name):
    OUTPUT.mkdir(exist_ok=True)
    page.screenshot(path=OUTPUT / f"{name}.png", full_page=True)


@pytest.mark.parametrize("screen", ["desktop", "phone"])
def test_reader_follows_the_byline_to_the_reporters_page(live_site, tab, screen):
    page = tab(PHONE if screen == "phone" else DESKTOP)
    open_article(live_site, page)
    shoot(page, f"article-vi-{screen}")

    page.locator(".byline").get_by_role("link", name="Minh Châu").click()

    expect(page).to_have_url(f"{live_site.base_url}/vi/authors/minh-chau/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Minh Châu")
    expect(page.locator(".author__role")).to_have_text("Phóng viên")
    expect(page.locator(".list").get_by_role("link", name=HEADLINE)).to_be_visible()
    feed = page.locator('link[rel=alternate][type="application/rss+xml"]').first
    expect(feed).to_have_attribute("href", "/vi/feeds/authors/minh-chau/rss.xml")
    shoot(page, f"author-vi-{screen}")
    assert page.csp_errors == []


def test_reader_copies_the_link_and_sees_plain_share_links(live_site, tab):
    page = tab(DESKTOP)
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    open_article(live_site, page)
    share = page.get_by_role("region", name="Chia sẻ")

    expect(share.get_by_role("link", name="Facebook")).to_have_attribute(
        "href", re.compile(r"^https://www\.facebook\.com/sharer/sharer\.php\?u=http")
    )
    expect(share.get_by_role("link", name="Zalo")).to_be_visible()
    expect(share.get_by_role("link", name="X", exact=True)).to_be_visible()
    expect(share.get_by_role("link", name="Thư điện tử")).to_have_attribute(
        "href", re.compile(r"^mailto:\?subject=")
    )
    # The device's share sheet is for touch screens only.
    expect(share.get_by_role("button", name="Ứng dụng khác")).to_be_hidden()

    share.get_by_role("button", name="Sao chép liên kết").click()

    expect(share.get_by_role("status")).to_have_text("Đã sao chép liên kết")
    assert page.evaluate("navigator.clipboard.readText()") == page.url
    assert page.csp_errors == []


def test_printed_article_is_the_story_with_photos_captions_date_and_address(live_site, tab):
    page = tab(DESKTOP)
    open_article(live_site, page)

    page.emulate_media(media="print")

    for hidden in (".sections-nav", ".article-layout__rail", ".share", ".comment-form"):
        expect(page.locator(hidden)).to_be_hidden()
    expect(page.locator(".print-source")).to_have_text(f"Xem tại: {page.url}")
    expect(page.locator(".story__meta time")).to_be_visible()
    expect(page.locator(".story__body figcaption").first).to_be_visible()
    expect(page.locator(".story__body figure img").first).to_be_visible()
    shoot(page, "article-vi-print")
    page.pdf(path=OUTPUT / "article-vi-print.pdf", format="A4")


def test_on_a_phone_the_menu_shows_it_scrolls_and_story_lines_stay_readable(live_site, tab):
    page = tab(PHONE)
    open_article(live_site, page)

    menu = page.locator(".sections-nav ul")
    overflow = menu.evaluate("list => list.scrollWidth - list.clientWidth")
    assert overflow > 0, "the demo's sections should not fit on a phone"
    shades = menu.evaluate("list => getComputedStyle(list).backgroundImage")
    assert shades.count("linear-gradient") == 4
    assert menu.evaluate("list => getComputedStyle(list).backgroundAttachment") == (
        "local, local, scroll, scroll"
    )

    # Characters per line of the first paragraph of story text, as laid out.
    measure = page.locator(".story__body p").first.evaluate(
        """paragraph => {
            const range = document.createRange();
            range.selectNodeContents(paragraph);
            const lines = new Set([...range.getClientRects()].map(rect => Math.round(rect.top)));
            return {
                perLine: paragraph.textContent.trim().length / lines.size,
                lines: lines.size,
                fontSize: parseFloat(getComputedStyle(paragraph).fontSize),
                width: paragraph.getBoundingClientRect().width,
            };
        }"""
    )
    assert measure["lines"] >= 3
    assert 35 <= measure["perLine"] <= 55, measure
    assert measure["fontSize"] >= 16, measure
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    title_size = page.locator(".story__title").evaluate(
        "title => parseFloat(getComputedStyle(title).fontSize)"
    )
    assert 22 <= title_size <= 28
    shoot(page, "article-vi-phone-menu")
