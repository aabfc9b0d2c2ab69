"""A reader moves between the Vietnamese, English and Russian editions in a real browser."""

import re
import urllib.request

from playwright.sync_api import expect

PARTNERSHIP = "Bí thư Tỉnh ủy Trần Quốc Cường tiếp đoàn công tác thành phố Saint Petersburg"


def test_reader_switches_an_article_between_editions(live_site, page):
    page.goto(f"{live_site.base_url}/vi/")
    page.locator(".lead-story__title a").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(PARTNERSHIP)

    page.get_by_role("navigation", name="Ngôn ngữ").get_by_role("link", name="English").click()
    expect(page).to_have_url(re.compile(r"/en/news-politics/party-secretary-tran-quoc-cuong-"))
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Party Secretary Trần Quốc Cường receives a delegation from Saint Petersburg"
    )
    expect(page.locator(".translation-notice")).to_contain_text(
        "Translated from Vietnamese. Translated by the newsroom."
    )
    expect(page.get_by_role("heading", name="Recent news")).to_be_visible()
    # Photo captions are translated too: the lead photo's and those in the body.
    captions = page.locator(".story figcaption")
    expect(captions.first).to_contain_text("Party Secretary Trần Quốc Cường presents")
    expect(captions.nth(1)).to_contain_text("The two sides discuss cooperation")

    page.get_by_role("navigation", name="Language").get_by_role("link", name="Русский").click()
    expect(page).to_have_url(re.compile(r"/ru/novosti-politika/"))
    expect(page.locator("html")).to_have_attribute("lang", "ru")
    expect(page.get_by_role("heading", name="Последние новости")).to_be_visible()
    expect(page.locator(".translation-notice")).to_contain_text("Перевод с вьетнамского.")
    alternates = page.locator('link[rel="alternate"][hreflang]')
    expect(alternates).to_have_count(4)  # vi, x-default, en, ru


def test_root_sends_each_browser_to_its_language(live_site):
    for accept, edition in [("ru-RU,ru;q=0.9", "/ru/"), ("en-US", "/en/"), ("fr-FR", "/vi/")]:
        request = urllib.request.Request(
            f"{live_site.base_url}/", headers={"Accept-Language": accept}
        )
        with urllib.request.urlopen(request) as response:
            assert response.url == f"{live_site.base_url}{edition}"
