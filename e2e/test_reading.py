"""A reader opens the front page in a real browser and follows a story."""

import re

from playwright.sync_api import expect


def test_reader_opens_front_page_and_reads_an_article(live_site, page):
    page.goto(f"{live_site.base_url}/vi/")
    expect(page.get_by_role("heading", name="Tin mới")).to_be_visible()
    navigation = page.get_by_role("navigation", name="Chuyên mục")
    expect(navigation.get_by_role("link", name="Văn hóa - Du lịch")).to_be_visible()

    recent_titles = page.locator(".recent-news__title")
    expect(recent_titles.first).to_have_text(
        "Trại hè “Về nguồn” 2025 tại Trường Tiểu học Võ Nguyên Giáp"
    )

    navigation.get_by_role("link", name="Hệ thống chính trị").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Hệ thống chính trị")
    headline = "Chủ tịch UBND tỉnh Lê Thành Đô làm việc với Đại sứ quán Việt Nam tại Liên bang Nga"
    page.locator(".list").get_by_role("link", name=headline).click()

    expect(page).to_have_url(re.compile(r"/vi/he-thong-chinh-tri/chu-tich-ubnd-tinh-le-thanh-do-"))
    expect(page.get_by_role("heading", level=1)).to_have_text(headline)
    expect(page.locator(".story__lead")).to_contain_text("ĐBP -")
    expect(page.locator(".source a")).to_have_attribute(
        "href", re.compile(r"^https://dienbien\.gov\.vn/")
    )
    expect(page.locator(".byline")).to_have_text("Minh Châu")
    caption = page.locator(".story__body figcaption").first
    expect(caption).to_contain_text("Đại sứ Đặng Minh Khôi")
    image = page.locator(".story__body figure img").first
    expect(image).to_have_attribute("width", re.compile(r"\d+"))
    expect(image).to_have_attribute("height", re.compile(r"\d+"))


def test_unknown_address_shows_the_sites_own_404_page(live_site, page):
    response = page.goto(f"{live_site.base_url}/vi/khong-co-trang-nay/")
    assert response.status == 404
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    expect(page.get_by_role("link", name="Về trang chủ")).to_be_visible()
    expect(page.get_by_role("navigation", name="Chuyên mục")).to_be_visible()
