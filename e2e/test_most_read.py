"""A reader opens a story in a real browser: its beacon is counted, and once the counts are
flushed the story is in its section's most-read rail."""

import json
import urllib.request

from playwright.sync_api import expect

# Headless Chromium names itself in its user agent and is not counted; a reader's is.
READER = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0.0.0 Safari/537.36"
)


def api(live_site, path):
    with urllib.request.urlopen(live_site.base_url + path, timeout=10) as response:
        return json.load(response)


def test_a_read_in_the_browser_puts_the_story_in_the_most_read_rail(live_site, browser):
    in_rail = {
        item["id"] for item in api(live_site, "/api/v1/most-read/?locale=vi&limit=20")["items"]
    }
    stories = api(live_site, "/api/v1/articles/?locale=vi&fields=id,url,title,section&limit=100")
    # A story the demo counted no read of in the last 24 hours, in a section page no other
    # e2e test opens first (a page served from the cache shows the rail as it was).
    story = next(
        item
        for item in stories["items"]
        if item["id"] not in in_rail
        and item["section"]
        and item["section"]["slug"] != "he-thong-chinh-tri"
    )
    context = browser.new_context(user_agent=READER, locale="vi-VN")
    tab = context.new_page()
    try:
        with tab.expect_response(lambda response: "/reads/" in response.url) as beacon:
            tab.goto(story["url"].replace(api_origin(story["url"]), live_site.base_url))
        assert beacon.value.status == 204
        assert beacon.value.request.method == "POST"
        assert "cookie" not in {name.lower() for name in beacon.value.request.headers}

        live_site.manage("flush_reads")

        section = story["section"]["slug"]
        rail = api(live_site, f"/api/v1/most-read/?locale=vi&section={section}")
        assert story["id"] in [item["id"] for item in rail["items"]]
        tab.goto(f"{live_site.base_url}/vi/{section}/")
        day = tab.locator('.most-read__window[data-window="24h"]')
        expect(day.get_by_role("heading", name="24 giờ")).to_be_visible()
        expect(day.get_by_role("link", name=story["title"])).to_be_visible()
    finally:
        context.close()


def api_origin(url):
    return "/".join(url.split("/")[:3])
