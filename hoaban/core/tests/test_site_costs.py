"""One install serving several sites (hoaban.core.sites): what the request's site costs a
render, and that the sites a request sees are those of the moment."""

import pytest
from wagtail.models import Locale, Page, Site

from hoaban.home.models import HomePage
from hoaban.sections.models import SectionPage

PLATFORM_HOST = "platform.example"
STORY = "Hội chợ nông sản Mường Nhé"


@pytest.fixture
def platform_home(news_site):
    """The national platform's home beside the newspaper's, with a story of its own; not yet a
    site (each test says when it becomes one)."""
    home = Page.get_first_root_node().add_child(
        instance=HomePage(
            title="Cổng thông tin quốc gia",
            slug="cong-thong-tin",
            locale=Locale.objects.get(language_code="vi"),
        )
    )
    home.save_revision().publish()
    section = SectionPage(title="Địa phương", slug="dia-phuong", show_in_menus=True)
    home.add_child(instance=section)
    section.save_revision().publish()
    platform = type(news_site)(home=home, sections={"local": section})
    platform.article("local", title=STORY, slug="hoi-cho-nong-san")
    return home


def _counting_root_path_reads(monkeypatch) -> list:
    reads = []
    wagtails = Site.__dict__["get_site_root_paths"].__func__

    def read():
        reads.append(1)
        return wagtails()

    monkeypatch.setattr(Site, "get_site_root_paths", staticmethod(read))
    return reads


def test_a_render_on_a_two_site_install_reads_the_site_root_paths_twice_at_most(
    client, news_site, platform_home, uncached_renders, monkeypatch
):
    Site.objects.create(hostname=PLATFORM_HOST, port=80, root_page=platform_home)
    story = news_site.article("news", title="Điện Biên khai mạc Lễ hội Hoa Ban")
    client.get("/vi/")  # warms what every request reads anyway (the cache of Wagtail's)
    reads = _counting_root_path_reads(monkeypatch)

    page = client.get("/vi/").content.decode()

    assert story.title in page and STORY not in page
    # Once for Hoa Ban's addresses and the site filter, once for Wagtail's own page URLs:
    # each read is a cache round trip carrying every site's homes.
    assert len(reads) <= 2


def test_a_site_added_between_two_requests_scopes_the_next_one(client, platform_home):
    def found_on_the_newspaper():
        found = client.get("/vi/search/", {"q": "hoi cho nong san muong nhe"}).text
        return "<mark>Nhé</mark>" in found  # the story's title, its words highlighted

    assert found_on_the_newspaper()  # one site: nothing to tell apart
    Site.objects.create(hostname=PLATFORM_HOST, port=80, root_page=platform_home)
    assert not found_on_the_newspaper()
