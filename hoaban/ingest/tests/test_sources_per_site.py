"""Two sites: a source belongs to one, its drafts go into that site's sections, and each
site's editors see and change their own site's sources only; a superuser sees all."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.models import Site

from hoaban.articles.models import ArticlePage
from hoaban.images.models import NewsImage
from hoaban.ingest.models import Source
from hoaban.ingest.pipeline import Syndicator
from hoaban.testing import SECOND_SITE_HOST, refused_by_admin

from .factories import feed_source

LISTING = reverse("wagtailsnippets_ingest_source:list")


@pytest.fixture
def sources(news_site, platform_site):
    return {
        "newspaper": Source.objects.create(
            name="Cổng TTĐT huyện Mường Chà",
            home_url="http://muongcha.dienbien.gov.vn/",
            feed_url="http://muongcha.dienbien.gov.vn/rss",
            default_section=news_site.sections["news"],
        ),
        "platform": Source.objects.create(
            name="Tổng cục Du lịch Việt Nam",
            site=Site.objects.get(hostname=SECOND_SITE_HOST),
            home_url="http://vietnamtourism.gov.vn/",
            feed_url="http://vietnamtourism.gov.vn/rss",
            default_section=platform_site.sections["news"],
        ),
    }


@pytest.fixture
def editors(site_editors):
    return site_editors


def test_a_source_made_without_a_site_is_the_default_sites(sources):
    assert sources["newspaper"].site.is_default_site


def _url(name, source):
    return reverse(f"wagtailsnippets_ingest_source:{name}", args=[source.pk])


@pytest.mark.parametrize(("own", "other"), [("newspaper", "platform"), ("platform", "newspaper")])
def test_an_editor_lists_and_opens_their_own_sites_sources_only(
    client, sources, editors, own, other
):
    client.force_login(editors[own])
    listing = client.get(LISTING).content.decode()
    report = client.get(reverse("ingest_report")).content.decode()
    for page in (listing, report):
        assert sources[own].name in page
        assert sources[other].name not in page
    assert client.get(_url("edit", sources[own])).status_code == 200
    for view in ("edit", "delete", "test", "history"):
        assert refused_by_admin(client.get(_url(view, sources[other]))), view
    assert refused_by_admin(client.post(_url("fetch_now", sources[other])))
    assert refused_by_admin(client.post(_url("delete", sources[other])))
    assert Source.objects.filter(pk=sources[other].pk).exists()


def test_the_superuser_sees_every_sites_sources(client, sources, editors):
    client.force_login(editors["superuser"])
    listing = client.get(LISTING).content.decode()
    assert sources["newspaper"].name in listing and sources["platform"].name in listing


def _form_data(section, **fields) -> dict:
    return {
        "name": "Sở Văn hóa Thể thao và Du lịch Quảng Nam",
        "home_url": "http://sovhttdl.quangnam.gov.vn/",
        "feed_url": "http://sovhttdl.quangnam.gov.vn/rss",
        "list_url": "",
        "link_rule": "folder",
        "link_folder": "",
        "link_pattern": "",
        "language": "vi",
        "default_section": section.pk,
        "attribution": "Ghi rõ nguồn “Sở VHTTDL Quảng Nam”.",
        "fetch_every_minutes": "60",
        "active": "on",
        **fields,
    }


def test_a_platform_editor_adds_a_source_to_the_platform_without_being_asked_which_site(
    client, editors, news_site, platform_site
):
    client.force_login(editors["platform"])
    add = reverse("wagtailsnippets_ingest_source:add")
    form = client.get(add).content.decode()
    assert 'name="site"' not in form
    # The section chooser offers the sections they may add pages to.
    assert "add_subpage" in form
    # A section of the newspaper is refused: drafts go into the source's own site only.
    refused = client.post(add, _form_data(news_site.sections["news"]))
    assert refused.status_code == 200
    assert "không thuộc Cổng Quảng bá Việt Nam" in refused.content.decode()
    assert client.post(add, _form_data(platform_site.sections["news"])).status_code == 302
    source = Source.objects.get(name="Sở Văn hóa Thể thao và Du lịch Quảng Nam")
    assert source.site.hostname == SECOND_SITE_HOST


def test_the_superuser_picks_the_site_and_a_section_of_it(
    client, editors, news_site, platform_site
):
    client.force_login(editors["superuser"])
    add = reverse("wagtailsnippets_ingest_source:add")
    assert 'name="site"' in client.get(add).content.decode()
    platform = Site.objects.get(hostname=SECOND_SITE_HOST)
    data = _form_data(news_site.sections["news"], site=platform.pk)
    assert client.post(add, data).status_code == 200
    assert not Source.objects.filter(name=data["name"]).exists()


def test_a_source_pointed_at_another_sites_section_is_invalid(sources, platform_site):
    source = sources["newspaper"]
    source.default_section = platform_site.sections["news"]
    with pytest.raises(ValidationError, match="Báo Điện Biên Phủ|Hoa Ban"):
        source.full_clean()


def _run(source):
    syndicator = Syndicator()
    try:
        return syndicator.run_source(source)
    finally:
        syndicator.fetcher.close()


def test_a_platform_sources_drafts_and_photos_go_to_the_platform(
    platform_site, portal, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    source = Source.objects.create(
        name="Cổng TTĐT tỉnh Điện Biên",
        site=Site.objects.get(hostname=SECOND_SITE_HOST),
        home_url=portal.url("dienbien/"),
        feed_url=portal.url("dienbien/rss.xml"),
        default_section=platform_site.sections["news"],
    )
    summary = _run(source)
    assert summary.imported
    drafts = ArticlePage.objects.filter(pk__in=source.items.values("article"))
    assert {draft.get_parent().pk for draft in drafts} == {platform_site.sections["news"].pk}
    photos = NewsImage.objects.all()
    assert photos and {photo.collection.name for photo in photos} == {
        "Newsroom – Cổng Quảng bá Việt Nam"
    }


def test_a_source_whose_section_moved_to_another_site_imports_nothing(
    news_site, platform_site, portal, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    source = feed_source(news_site, portal, "Cổng TTĐT tỉnh Điện Biên", "dienbien/rss.xml")
    # Changed behind the form's back (the form refuses it).
    Source.objects.filter(pk=source.pk).update(default_section=platform_site.sections["news"])
    source.refresh_from_db()
    summary = _run(source)
    assert summary.imported == 0 and summary.failed
    assert "no longer on the source's site" in summary.failures[0]["reason"]
    assert not ArticlePage.objects.child_of(platform_site.sections["news"]).exists()
    assert not NewsImage.objects.exists()
