"""One server, two sites: the newspaper at 127.0.0.1 and the national platform at localhost, each
with its own brand, menu, listings, search, feeds, sitemaps and API."""

import json
import urllib.error
import urllib.request

from playwright.sync_api import expect

from .admin import shell_json, sign_in

NEWSPAPER = "Báo Điện Biên Phủ"
PLATFORM = "Cổng Quảng bá Việt Nam"
PLATFORM_SECTIONS = [
    "Home",
    "News",
    "Political System",
    "Business",
    "Local",
    "Heritage",
    "Figure",
    "Product",
    "Videos",
]


def platform_url(live_site) -> str:
    return f"http://localhost:{live_site.port}"


def fetch(url: str) -> str:
    with urllib.request.urlopen(url) as response:
        return response.read().decode()


def test_each_host_shows_its_own_site(live_site, page):
    page.goto(f"{live_site.base_url}/en/")
    expect(page.locator(".masthead__name")).to_have_text(NEWSPAPER)
    expect(page.locator("body")).to_have_class("palette-bauhinia home")
    newspaper_menu = page.get_by_role("navigation", name="Sections").get_by_role("link")
    expect(newspaper_menu.nth(1)).to_have_text("News - Politics")

    page.goto(f"{platform_url(live_site)}/en/")
    expect(page.locator(".masthead__name")).to_have_text(PLATFORM)
    expect(page.locator(".masthead__logo")).to_be_visible()
    expect(page.locator("body")).to_have_class("palette-river home")
    menu = page.get_by_role("navigation", name="Sections").get_by_role("link")
    expect(menu).to_have_text(PLATFORM_SECTIONS)
    expect(page.locator(".footer__name")).to_have_text(PLATFORM)
    # The portal front page lists every section; the video one says it has nothing yet.
    videos = page.locator(".section-block", has=page.get_by_role("heading", name="Videos"))
    expect(videos).to_contain_text("No videos available")


def test_reader_surfaces_belong_to_the_host_they_were_asked_on(live_site):
    platform = platform_url(live_site)
    newspaper_rss = fetch(f"{live_site.base_url}/vi/feeds/rss.xml")
    assert "Trần Quốc Cường" in newspaper_rss
    platform_rss = fetch(f"{platform}/vi/feeds/rss.xml")
    assert PLATFORM in platform_rss
    assert live_site.base_url not in platform_rss

    sitemap = fetch(f"{platform}/sitemap.xml")
    assert f"{platform}/sitemap-vi.xml" in sitemap
    assert live_site.base_url not in sitemap
    assert f"{platform}/sitemap.xml" in fetch(f"{platform}/robots.txt")

    newspaper_api = json.loads(fetch(f"{live_site.base_url}/api/v1/articles/?limit=50"))
    platform_api = json.loads(fetch(f"{platform}/api/v1/articles/?limit=50"))
    newspaper_ids = {item["id"] for item in newspaper_api["items"]}
    platform_ids = {item["id"] for item in platform_api["items"]}
    assert newspaper_ids and not newspaper_ids & platform_ids

    search = fetch(f"{platform}/vi/search/?q=tran+quoc+cuong")
    newspaper_search = fetch(f"{live_site.base_url}/vi/search/?q=tran+quoc+cuong")
    assert live_site.base_url not in search
    assert "/vi/tin-tuc-chinh-tri/" in newspaper_search
    assert "/vi/tin-tuc-chinh-tri/" not in search


AGREEMENT = "Điện Biên và Saint Petersburg ký thỏa thuận hợp tác, mở ra quan hệ kết nghĩa"
CREDIT = "Vốn tín dụng chính sách giúp hộ nghèo vươn lên"
CRAFTS = "Hồi sinh nghề truyền thống như một di sản văn hóa"


def copy_and_original(live_site, title: str) -> dict:
    """The platform's copy of a newspaper story and its original: ids and paths on their sites."""
    return shell_json(
        live_site,
        "import json\n"
        "from hoaban.republishing.models import Republication\n"
        "links = Republication.objects.select_related('copy', 'original')\n"
        f"link = links.get(original__title={title!r})\n"
        "print(json.dumps({'copy': link.copy.pk, 'original': link.original.pk,\n"
        "  'copy_path': link.copy.get_url_parts()[2],\n"
        "  'original_path': link.original.get_url_parts()[2]}))\n",
    )


def test_a_republished_story_names_its_source_and_follows_its_correction(live_site, page):
    story = copy_and_original(live_site, AGREEMENT)
    page.goto(f"{platform_url(live_site)}{story['copy_path']}")
    expect(page.get_by_role("heading", level=1)).to_have_text(AGREEMENT)
    expect(page.locator(".masthead__name")).to_have_text(PLATFORM)
    source = page.locator("p.source a").first
    expect(source).to_have_text(NEWSPAPER)
    assert source.get_attribute("href").startswith("http://127.0.0.1:")
    assert source.get_attribute("href").endswith(story["original_path"])

    # The newspaper corrects its story; the platform's copy, never edited there, follows.
    corrected = "Điện Biên và Saint Petersburg ký thỏa thuận hợp tác toàn diện (đã cập nhật)."
    live_site.shell(
        "from hoaban.articles.models import ArticlePage\n"
        f"story = ArticlePage.objects.get(pk={story['original']})\n"
        f"story.lead = {corrected!r}\n"
        "story.save_revision().publish()\n"
    )
    # Asked afresh (this browser may keep its copy for a minute, as readers' browsers do).
    assert "(đã cập nhật)" in fetch(f"{platform_url(live_site)}{story['copy_path']}")


def test_an_original_withdrawn_by_the_newspaper_leaves_the_platform_too(live_site):
    story = copy_and_original(live_site, CRAFTS)
    copy_url = f"{platform_url(live_site)}{story['copy_path']}"
    assert CRAFTS in fetch(copy_url)  # read once: the page cache now holds it
    live_site.shell(
        "from hoaban.articles.models import ArticlePage\n"
        f"ArticlePage.objects.get(pk={story['original']}).unpublish()\n"
    )
    for url in (copy_url, f"{live_site.base_url}{story['original_path']}"):
        try:
            urllib.request.urlopen(url)
        except urllib.error.HTTPError as error:
            assert error.code == 404, url
        else:
            raise AssertionError(f"{url} still answers")
    assert CRAFTS not in fetch(f"{platform_url(live_site)}/vi/")


def test_an_editor_of_one_site_is_refused_on_the_other(live_site, browser):
    story = copy_and_original(live_site, CREDIT)
    for username, password, own, other in [
        ("platform-editor", "hoaban-platform-editor", story["copy"], story["original"]),
        ("editor", "hoaban-editor", story["original"], story["copy"]),
    ]:
        context = browser.new_context(locale="vi-VN")
        tab = context.new_page()
        sign_in(tab, live_site, username, password)
        tab.goto(f"{live_site.base_url}/admin/pages/{own}/edit/")
        expect(tab.locator("#id_title")).to_have_value(CREDIT)
        tab.goto(f"{live_site.base_url}/admin/pages/{other}/edit/")
        expect(tab).to_have_url(f"{live_site.base_url}/admin/")
        expect(tab.locator(".messages")).to_contain_text("quyền")  # "no permission", in Vietnamese
        context.close()
