"""A reader searches the demo newspaper the way Vietnamese is often typed: without accents."""

import re
import urllib.parse
import urllib.request

from playwright.sync_api import expect


def result_titles(page):
    return page.locator(".search-result .card__title").all_inner_texts()


def test_reader_searches_without_accents_from_the_header(live_site, page):
    page.goto(f"{live_site.base_url}/vi/")
    box = page.locator("#header-search-q")
    box.fill("dien bien phu")
    box.press("Enter")

    expect(page).to_have_url(re.compile(r"/vi/search/\?q=dien\+bien\+phu$"))
    expect(page.locator(".search-result").first).to_be_visible()
    expect(page.locator(".search-result__lead mark").first).to_have_text("Điện")
    unaccented = result_titles(page)

    page.goto(f"{live_site.base_url}/vi/search/?q=" + urllib.parse.quote("Điện Biên Phủ"))
    assert result_titles(page) == unaccented


def test_header_box_suggests_titles_as_the_reader_types(live_site, page):
    page.goto(f"{live_site.base_url}/vi/")
    page.locator("#header-search-q").press_sequentially("muong ch", delay=30)
    options = page.locator("#header-search-suggestions option")
    expect(options).to_have_count(1)
    expect(options.first).to_have_attribute("value", "Thúc đẩy bình đẳng giới ở huyện Mường Chà")


def test_hostile_queries_get_a_normal_page_from_the_real_server(live_site):
    for query in ['"', "*", "OR", "NEAR(", "'", "?!", "a" * 2000, "Đô') OR 1=1 --"]:
        for path in ("/vi/search/", "/vi/search/suggest/", "/ru/search/"):
            url = f"{live_site.base_url}{path}?q={urllib.parse.quote(query)}"
            with urllib.request.urlopen(url, timeout=10) as response:
                assert response.status == 200, (path, query)
