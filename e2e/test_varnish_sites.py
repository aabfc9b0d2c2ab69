"""Two sites behind one Varnish (the demo's newspaper at 127.0.0.1 and national platform at
localhost, both with /vi/): a publish on one purges that site's copy, with its Host, and leaves
the other site's copy of the same path."""

import pytest

from . import varnish
from .server import LiveSite

PUBLISH_ON_PLATFORM = """
from django.utils import timezone
from wagtail.models import Site
from hoaban.articles.models import ArticlePage
from hoaban.sections.models import SectionPage
home = Site.objects.get(hostname="localhost").root_page
section = SectionPage.objects.child_of(home).live().order_by("path").first()
article = ArticlePage(
    title="Nền tảng quốc gia đưa tin Lễ hội Hoa Ban Mường Phăng", date=timezone.now(),
    dateline="ĐBP", lead="Tin mới trên nền tảng.", live=False,
)
section.add_child(instance=article)
article.save_revision().publish()
"""
TITLE = "Nền tảng quốc gia đưa tin Lễ hội Hoa Ban Mường Phăng"
NEWSPAPER, PLATFORM = "127.0.0.1", "localhost"


@pytest.fixture(scope="module")
def behind_varnish():
    if reason := varnish.missing():
        pytest.skip(reason)
    site = LiveSite()
    proxy = varnish.in_front_of(site)
    try:
        site.start()
        yield site, proxy
    finally:
        site.stop()
        proxy.stop()


def test_a_publish_on_one_site_purges_its_page_and_not_the_other_sites_same_path(
    behind_varnish,
):
    site, proxy = behind_varnish
    first = {host: proxy.request("/vi/", host) for host in (NEWSPAPER, PLATFORM)}
    assert first[NEWSPAPER][2] != first[PLATFORM][2]  # two sites, one path
    for host in (NEWSPAPER, PLATFORM):
        status, headers, _ = proxy.request("/vi/", host)
        assert (status, headers["X-Cache"]) == (200, "HIT"), host

    site.shell(PUBLISH_ON_PLATFORM)

    status, headers, body = proxy.request("/vi/", PLATFORM)
    assert (status, headers["X-Cache"]) == (200, "MISS")
    assert TITLE in body
    status, headers, body = proxy.request("/vi/", NEWSPAPER)
    assert (status, headers["X-Cache"]) == (200, "HIT")
    assert body == first[NEWSPAPER][2] and TITLE not in body
