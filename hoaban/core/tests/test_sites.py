"""Everything a reader sees is per site (hoaban.core.sites, hoaban.core.visibility): with the
newspaper and the national platform in one install, each filing stories at the same paths under
the same tag, topic, author and section, a reader of one site never sees the other's stories,
reads its own publisher's name and finds every address on its own site."""

import json
import re
import time
from dataclasses import dataclass

import pytest
from django.core import signing
from django.utils import timezone
from taggit.models import Tag
from wagtail.models import Locale

from hoaban.discussion.forms import ISSUED_SALT
from hoaban.discussion.models import Comment
from hoaban.pagecache import store
from hoaban.people.models import Person
from hoaban.readership.models import HourlyReads
from hoaban.readership.store import hour_of
from hoaban.tagging.models import TagName
from hoaban.testing import SECOND_SITE_HOST, SECOND_SITE_NAME, build_second_site, translate

VIDEO = "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
SEARCHED = "Mường Phăng"
# Hosts of the install's sites, as a full URL may name them: the test client's (the default
# site's public address), the second site's, and the default Site record's own host name.
OUR_HOSTS = {"testserver", SECOND_SITE_HOST, "localhost"}
ABSOLUTE_URL = re.compile(r"https?://([^/\s\"'<>?#\\]+)")


@dataclass
class Reader:
    """One site as its reader meets it: its host, brand and the slugs of its two stories."""

    host: str
    brand: str
    slugs: tuple
    first: object


@pytest.fixture
def two_sites(news_site, settings):
    # What production runs: the page cache is on.
    settings.HOABAN_PAGE_CACHE = True
    store.purge_all()
    platform = build_second_site()
    reporter = Person.objects.create(name="Lò Văn Pọm")
    now = timezone.now()
    readers = {}
    for name, site, host, brand, titles in (
        (
            "newspaper",
            news_site,
            "testserver",
            "Báo Điện Biên Phủ",
            ("Lễ hội Hoa Ban ở Mường Phăng", "Lớp tiếng Nga ở Mường Phăng"),
        ),
        (
            "platform",
            platform,
            SECOND_SITE_HOST,
            SECOND_SITE_NAME,
            ("Quảng bá du lịch Mường Phăng", "Đặc sản Mường Phăng"),
        ),
    ):
        stories = []
        for title in titles:
            story = site.article(
                "news", title=title, tags=[SEARCHED], author=reporter, video_url=VIDEO
            )
            story.topics.add(site.topic)
            story.save_revision().publish()
            HourlyReads.objects.create(article=story, hour=hour_of(now), views=7)
            stories.append(story)
        readers[name] = Reader(host, brand, tuple(s.slug for s in stories), stories[0])
    return readers


def _other(readers, name):
    return next(reader for key, reader in readers.items() if key != name)


TAG = "muong-phang"
# Surface -> path (the same on both sites), and whether it names the publisher.
SURFACES = {
    "home": ("/vi/", True),
    "section": ("/vi/tin-tuc-chinh-tri/", True),
    "video section": ("/vi/video/", True),
    "topic": ("/vi/dien-bien-saint-petersburg/", True),
    "tag page": (f"/vi/tags/{TAG}/", True),
    "author page": ("/vi/authors/lo-van-pom/", True),
    "related and recent rail": ("{first}", True),
    "edition feed": ("/vi/feeds/rss.xml", True),
    "edition atom feed": ("/vi/feeds/atom.xml", True),
    "section feed": ("/vi/feeds/sections/tin-tuc-chinh-tri/atom.xml", True),
    "video feed": ("/vi/feeds/sections/video/rss.xml", True),
    "tag feed": (f"/vi/feeds/tags/{TAG}/rss.xml", True),
    "topic feed": ("/vi/feeds/topics/dien-bien-saint-petersburg/rss.xml", True),
    "author feed": ("/vi/feeds/authors/lo-van-pom/atom.xml", True),
    "sitemap of the edition": ("/sitemap-vi.xml", False),
    "news sitemap": ("/sitemap-news.xml", True),
    "search": (f"/vi/search/?q={SEARCHED}", True),
    "search suggestions": ("/vi/search/suggest/?q=Mường", False),
    "api articles": ("/api/v1/articles/", False),
    "api articles of the edition": ("/api/v1/articles/?locale=vi", False),
    "api articles of a tag": (f"/api/v1/articles/?tag={TAG}", False),
    "api articles of a topic": ("/api/v1/articles/?topic=dien-bien-saint-petersburg", False),
    "api articles of a section": ("/api/v1/articles/?section=tin-tuc-chinh-tri", False),
    "api search": (f"/api/v1/search/?q={SEARCHED}", False),
    "api most read": ("/api/v1/most-read/?locale=vi", False),
    "api most read of a section": ("/api/v1/most-read/?locale=vi&section=tin-tuc-chinh-tri", False),
}


def _text(response) -> str:
    body = response.content.decode()
    if response.get("Content-Type", "").startswith("application/json"):
        # JSON escapes Vietnamese letters; compare the text as a reader's program decodes it.
        return json.dumps(json.loads(body), ensure_ascii=False)
    return body


def _foreign_hosts(text, own_host) -> set:
    return {host for host in ABSOLUTE_URL.findall(text) if host in OUR_HOSTS} - {own_host}


@pytest.mark.parametrize("name", ["newspaper", "platform"])
def test_every_surface_shows_a_reader_only_their_own_site(client, two_sites, name):
    reader, other = two_sites[name], _other(two_sites, name)
    first = reader.first.get_url_parts()[2]
    found = {}
    for surface, (path, branded) in SURFACES.items():
        response = client.get(path.format(first=first), HTTP_HOST=reader.host)
        text = _text(response)
        found[surface] = {
            "status": response.status_code,
            # On its own page the first story is not a neighbour: look for the second.
            "own story": reader.slugs[1] in text,
            "other site's stories": [slug for slug in other.slugs if slug in text],
            "own brand": branded and reader.brand in text,
            "other brand": other.brand in text,
            "addresses elsewhere": _foreign_hosts(text, reader.host),
        }
    expected = {
        surface: {
            "status": 200,
            "own story": True,
            "other site's stories": [],
            "own brand": branded,
            "other brand": False,
            "addresses elsewhere": set(),
        }
        for surface, (_path, branded) in SURFACES.items()
    }
    assert found == expected


@pytest.mark.parametrize("name", ["newspaper", "platform"])
def test_the_sitemap_index_and_robots_txt_name_the_sites_own_sitemaps(client, two_sites, name):
    reader = two_sites[name]
    index = client.get("/sitemap.xml", HTTP_HOST=reader.host).content.decode()
    robots = client.get("/robots.txt", HTTP_HOST=reader.host).content.decode()
    assert f"http://{reader.host}/sitemap-vi.xml" in index
    assert f"http://{reader.host}/sitemap-news.xml" in index
    assert _foreign_hosts(index, reader.host) == set()
    assert f"Sitemap: http://{reader.host}/sitemap.xml" in robots


@pytest.mark.parametrize("name", ["newspaper", "platform"])
def test_the_home_page_describes_its_own_site_to_search_engines(client, two_sites, name):
    reader = two_sites[name]
    page = client.get("/vi/", HTTP_HOST=reader.host).content.decode()
    data = json.loads(re.search(r'application/ld\+json">(.*?)</script>', page).group(1))
    kinds = {item["@type"]: item for item in data["@graph"]}
    home = f"http://{reader.host}/vi/"
    assert kinds["NewsMediaOrganization"]["name"] == reader.brand
    assert kinds["NewsMediaOrganization"]["url"] == home
    assert kinds["WebSite"]["name"] == reader.brand
    assert kinds["WebSite"]["potentialAction"]["target"]["urlTemplate"] == (
        f"{home}search/?q={{search_term_string}}"
    )
    assert f'<link rel="canonical" href="{home}"' in page
    assert f'<meta property="og:site_name" content="{reader.brand}"' in page


@pytest.mark.parametrize("name", ["newspaper", "platform"])
def test_another_sites_story_is_not_found_through_this_host(client, two_sites, name):
    reader, other = two_sites[name], _other(two_sites, name)
    own, foreign = reader.first.pk, other.first.pk
    api = "/api/v1/articles/{}/"
    assert client.get(api.format(own), HTTP_HOST=reader.host).status_code == 200
    assert client.get(api.format(foreign), HTTP_HOST=reader.host).status_code == 404
    comment = {
        "name": "Lò Thị Păng",
        "body": "Bà con Mường Phăng mong có trạm y tế mới.",
        "issued": signing.dumps(time.time() - 30, salt=ISSUED_SALT),
    }
    for story, status in ((own, 200), (foreign, 404)):
        posted = client.post(
            f"/vi/comments/{story}/", comment, HTTP_HOST=reader.host, HTTP_ACCEPT="application/json"
        )
        assert posted.status_code == status
    assert list(Comment.objects.values_list("article_id", flat=True)) == [own]


def test_a_tag_only_the_other_site_files_has_no_page_here(client, two_sites):
    platform = two_sites["platform"]
    platform.first.tags.add("Đặc sản Tây Bắc")
    platform.first.save_revision().publish()
    slug = Tag.objects.get(name="Đặc sản Tây Bắc").slug
    assert client.get(f"/vi/tags/{slug}/", HTTP_HOST=platform.host).status_code == 200
    assert client.get(f"/vi/tags/{slug}/").status_code == 404
    assert client.get(f"/vi/feeds/tags/{slug}/rss.xml").status_code == 404


def test_the_api_answers_for_the_site_its_site_parameter_names(client, two_sites):
    platform, newspaper = two_sites["platform"], two_sites["newspaper"]
    answer = client.get(f"/api/v1/articles/?site={SECOND_SITE_HOST}&limit=1").json()
    assert answer["count"] == 2
    assert (
        answer["items"][0]["url"]
        == f"http://{SECOND_SITE_HOST}/vi/tin-tuc-chinh-tri/{platform.slugs[0]}/"
    )
    assert answer["next"].startswith(f"http://{SECOND_SITE_HOST}/api/v1/articles/?")
    found = client.get(f"/api/v1/most-read/?locale=vi&site={SECOND_SITE_HOST.upper()}").json()
    assert {item["title"] for item in found["items"]} == {
        "Quảng bá du lịch Mường Phăng",
        "Đặc sản Mường Phăng",
    }
    own = client.get(f"/api/v1/articles/{newspaper.first.pk}/?site=localhost")
    assert own.status_code == 200
    other = client.get(f"/api/v1/articles/{newspaper.first.pk}/?site={SECOND_SITE_HOST}")
    assert other.status_code == 404


def test_an_unknown_site_parameter_is_refused_naming_the_sites(client, two_sites):
    answer = client.get("/api/v1/articles/?site=baodienbien.example")
    assert answer.status_code == 400
    assert answer.json()["detail"] == (
        "No site has the host name “baodienbien.example”. Sites: localhost, quangba.test."
    )
    schema = client.get("/api/v1/openapi.json").json()
    for path in ("/api/v1/articles/", "/api/v1/search/", "/api/v1/most-read/"):
        names = {parameter["name"] for parameter in schema["paths"][path]["get"]["parameters"]}
        assert "site" in names, path


def test_each_sites_english_edition_shows_its_own_stories(client, news_site, settings):
    settings.HOABAN_PAGE_CACHE = True
    platform = build_second_site()
    slugs = {}
    for host, site, title, slug in (
        ("testserver", news_site, "Russian classes in Mường Phăng", "russian-classes"),
        (SECOND_SITE_HOST, platform, "Specialities of Mường Phăng", "specialities"),
    ):
        translate(site.home, "en", title=f"{site.home.title} (English)")
        translate(site.sections["news"], "en", title="News - Politics")
        translate(site.article("news", tags=[SEARCHED]), "en", title=title, slug=slug)
        slugs[host] = f"/{slug}/"
    for host, own in slugs.items():
        other = next(slug for key, slug in slugs.items() if key != host)
        for path in ("/en/", "/en/tin-tuc-chinh-tri/", "/en/feeds/rss.xml", "/sitemap-en.xml"):
            text = client.get(path, HTTP_HOST=host).content.decode()
            assert (own in text, other in text, _foreign_hosts(text, host)) == (
                True,
                False,
                set(),
            ), (host, path)


def test_a_renamed_tag_redirects_on_every_site(client, news_site):
    platform = build_second_site()
    for site in (news_site, platform):
        translate(site.home, "en", title=f"{site.home.title} (English)")
        translate(site.sections["news"], "en", title="News - Politics")
        translate(site.article("news", tags=["Du lịch"]), "en", title="Tourism in Mường Phăng")
    english = Locale.objects.get(language_code="en")
    TagName.objects.create(tag=Tag.objects.get(name="Du lịch"), locale=english, name="Tourism")
    english = TagName.objects.get(slug="tourism")
    english.name, english.slug = "Travel", "travel"
    english.save()
    for host in ("testserver", SECOND_SITE_HOST):
        moved = client.get("/en/tags/tourism/", HTTP_HOST=host)
        assert (moved.status_code, moved["Location"]) == (301, "/en/tags/travel/"), host
