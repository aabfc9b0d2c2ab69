"""A page's address is worked out once per request, is the one Wagtail gives, and never
outlives what it depends on."""

from unittest import mock

from django.utils import translation
from wagtail.models import Page, Site

from hoaban.core import page_urls
from hoaban.testing import translate


def test_an_address_asked_again_in_one_request_is_not_worked_out_again(news_site, rf):
    article = news_site.article("news", title="Đèo Pha Đin mùa hoa ban")
    request = rf.get("/vi/", HTTP_HOST="localhost")
    with mock.patch.object(
        page_urls, "_url_parts", autospec=True, side_effect=page_urls._url_parts
    ) as worked_out:
        first = article.get_url(request)
        assert article.get_url(request) == first
        assert article.get_full_url(request).endswith(first)
        assert worked_out.call_count == 1

        # A new slug within the same request (an editor's save) gives the new address.
        article.slug = "deo-pha-din"
        article.set_url_path(article.get_parent())
        assert article.get_url(request) == first.replace(first.split("/")[-2], "deo-pha-din")
        assert worked_out.call_count == 2

        # Another request works it out for itself.
        article.get_url(rf.get("/vi/", HTTP_HOST="localhost"))
        assert worked_out.call_count == 3


def test_addresses_are_the_ones_wagtail_reverses_in_every_edition(news_site, rf):
    article = news_site.article("culture", title="Lễ hội Hoa Ban Điện Biên 2025")
    english = translate(article, "en", title="Dien Bien Ban Flower Festival 2025")
    pages = [news_site.home, news_site.sections["culture"], article, english]
    for language in ("vi", "en"):
        with translation.override(language):
            request = rf.get(f"/{language}/", HTTP_HOST="localhost")
            for page in pages:
                site_id, _, path = Page.get_url_parts(page, request)
                assert page.get_url_parts(request)[::2] == (site_id, path)
                assert page.get_url(request) == path
    assert english.get_url(request).startswith("/en/van-hoa-du-lich/")


def test_a_page_of_another_site_is_linked_with_its_full_address(news_site, rf):
    article = news_site.article("news", title="Mường Chà bình đẳng giới")
    platform_home = Page.get_first_root_node().add_child(
        instance=Page(title="Nền tảng quảng bá", slug="nen-tang")
    )
    Site.objects.create(hostname="platform.localhost", port=80, root_page=platform_home)
    request = rf.get("/vi/", HTTP_HOST="platform.localhost")

    assert article.get_url(request) == Page.get_url(article, request)
    assert article.get_url(request).startswith("http")
    assert article.get_url(request).endswith("/vi/tin-tuc-chinh-tri/muong-cha-binh-dang-gioi/")
