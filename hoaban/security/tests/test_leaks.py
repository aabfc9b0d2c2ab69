"""What partners read (the JSON API and every feed) never carries a draft, a private page, the
unpublished edit of a live page or what readers gave privately with a comment.

Everything hidden is marked with "zxq" in its title, lead, tags and slug, so one search of each
response finds any leak, whatever field it came through.
"""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction

from hoaban.discussion.clients import hash_ip
from hoaban.discussion.models import Comment
from hoaban.sections.models import SectionPage
from hoaban.testing import translate
from hoaban.topics.models import TopicPage

pytestmark = pytest.mark.news_site_per_module

API = "/api/v1"
MARK = "zxq"
READER_EMAIL = "lo.thi.pang@thu-rieng.vn"


def restrict(page, kind):
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=kind, password="mat-khau" if kind == "password" else ""
    )
    if kind == "groups":
        restriction.groups.add(Group.objects.get_or_create(name="Ban biên tập")[0])


def hidden_article(site, number, section="news", **fields):
    return site.article(
        section,
        title=f"Tin mật {MARK}{number}: Điện Biên",
        slug=f"tin-mat-{MARK}{number}",
        lead=f"Nội dung chưa được phép đăng {MARK}{number}.",
        tags=[f"Nhãn {MARK}{number}", "Hợp tác"],
        **fields,
    )


@pytest.fixture
def newsroom(news_site):
    site = news_site
    public = site.article(
        "news", title="Điện Biên đón đoàn Saint Petersburg", tags=["Hợp tác"], byline="Minh Châu"
    )
    public.topics.add(site.topic)
    public.save_revision().publish()

    hidden = [hidden_article(site, 1, publish=False)]  # a draft, never published
    for number, kind in enumerate(["password", "login", "groups"], start=2):
        article = hidden_article(site, number)
        restrict(article, kind)
        hidden.append(article)

    # A private section: its articles are private too, though none has a restriction of its own.
    inner = SectionPage(title=f"Nội bộ {MARK}", slug=f"noi-bo-{MARK}", locale=site.home.locale)
    site.home.add_child(instance=inner)
    inner.save_revision().publish()
    restrict(inner, "login")
    site.sections["inner"] = inner
    hidden.append(hidden_article(site, 5, section="inner"))

    # Topics nobody may see yet, with the public story already filed under them.
    draft_topic = TopicPage(title=f"Chủ đề nháp {MARK}", slug=f"chu-de-nhap-{MARK}", live=False)
    site.home.add_child(instance=draft_topic)
    draft_topic.save_revision()
    private_topic = TopicPage(title=f"Chủ đề riêng {MARK}", slug=f"chu-de-rieng-{MARK}")
    site.home.add_child(instance=private_topic)
    private_topic.save_revision().publish()
    restrict(private_topic, "password")
    public.topics.add(draft_topic, private_topic)
    public.save_revision().publish()

    # A live story with a newer edit waiting for review: readers see the published version.
    edited = site.article("news", title="Lễ hội Hoa Ban 2025 khai mạc", tags=["Lễ hội"])
    edited.title = f"Bản sửa chưa duyệt {MARK}"
    edited.slug = f"ban-sua-{MARK}"
    edited.lead = f"Đoạn mở đầu mới {MARK}."
    edited.dateline = MARK.upper()
    edited.tags.add(f"Nhãn nháp {MARK}")
    edited.topics.add(draft_topic)
    edited.save_revision()

    # An English edition whose only copy of the story is a machine-translated draft, as
    # syndication makes them.
    translate(site.home, "en", title="Dien Bien Phu Newspaper")
    translate(
        public, "en", title=f"Machine draft {MARK}", lead=f"Unreviewed {MARK}.", publish=False
    )

    for status in Comment.Status.values:
        Comment.objects.create(
            article=public,
            name="Lò Thị Păng",
            email=READER_EMAIL,
            body=f"Bình luận {status} về lễ hội hoa ban.",
            status=status,
            ip_hash=hash_ip("203.0.113.9"),
            user_agent="Mozilla/5.0 (Linux; Android 14)",
        )
    return site, public, edited, hidden, [draft_topic, private_topic]


def api_urls(site, public, edited):
    return [
        f"{API}/articles/?limit=100",
        f"{API}/articles/?locale=vi&limit=100",
        f"{API}/articles/?locale=en&limit=100",
        f"{API}/search/?q=Machine&locale=en",
        f"{API}/articles/?tag=hop-tac",
        f"{API}/articles/?section=tin-tuc-chinh-tri",
        f"{API}/articles/?section=noi-bo-{MARK}",
        f"{API}/articles/?topic={site.topic.slug}",
        f"{API}/articles/{public.pk}/",
        f"{API}/articles/{edited.pk}/",
        f"{API}/articles/{edited.pk}/?fields=id,title,slug,url,lead,dateline,tags,topics",
        f"{API}/search/?q=Dien+Bien",
        f"{API}/search/?q={MARK}",
        f"{API}/search/?q=Ban+sua",
        f"{API}/sections/",
        f"{API}/topics/",
        f"{API}/topics/{site.topic.pk}/",
    ]


def feed_urls(site):
    kinds = [f"sections/{section.slug}" for section in site.sections.values()]
    kinds += ["tags/hop-tac", "tags/le-hoi", f"topics/{site.topic.slug}"]
    kinds += [f"tags/nhan-{MARK}{number}" for number in range(1, 6)]
    kinds += [f"tags/nhan-nhap-{MARK}", f"topics/chu-de-nhap-{MARK}", f"topics/chu-de-rieng-{MARK}"]
    urls = [
        f"/vi/feeds/{kind}{kind_format}"
        for kind in ["", *(f"{kind}/" for kind in kinds)]
        for kind_format in ("rss.xml", "atom.xml")
    ]
    return urls + ["/en/feeds/rss.xml", "/en/feeds/atom.xml", "/en/feeds/tags/hop-tac/rss.xml"]


def secrets(body: str) -> list[str]:
    found = [MARK] if MARK in body.lower() else []
    private = [READER_EMAIL, hash_ip("203.0.113.9"), "203.0.113.9", "Android 14", "spam"]
    return found + [value for value in private if value in body]


@pytest.mark.parametrize("where", ["api", "feeds"])
def test_no_draft_private_page_unreviewed_edit_or_reader_detail_comes_out(client, newsroom, where):
    site, public, edited, hidden, _topics = newsroom
    urls = api_urls(site, public, edited) if where == "api" else feed_urls(site)
    statuses = {}
    for url in urls:
        response = client.get(url)
        statuses[url] = response.status_code
        assert secrets(response.content.decode()) == [], url
    # Whatever is hidden is missing or refused; everything public did answer.
    refused = {url for url, status in statuses.items() if status != 200}
    assert {statuses[url] for url in refused} <= {404}
    assert all(MARK in url for url in refused), refused


def test_api_refuses_each_hidden_page_by_id(client, newsroom):
    site, _public, _edited, hidden, topics = newsroom
    for article in hidden:
        assert client.get(f"{API}/articles/{article.pk}/").status_code == 404
    assert client.get(f"{API}/sections/{site.sections['inner'].pk}/").status_code == 404
    for topic in topics:
        assert client.get(f"{API}/topics/{topic.pk}/").status_code == 404


def test_api_and_feeds_show_the_published_version_of_an_edited_story(client, newsroom):
    site, public, edited, _hidden, topics = newsroom
    detail = client.get(f"{API}/articles/{edited.pk}/").json()
    assert detail["title"] == "Lễ hội Hoa Ban 2025 khai mạc"
    assert detail["url"].endswith("/le-hoi-hoa-ban-2025-khai-mac/")
    assert detail["tags"] == ["Lễ hội"]
    assert detail["topics"] == []
    filed = client.get(f"{API}/articles/{public.pk}/?fields=topics").json()
    assert filed["topics"] == [site.topic.pk]
    found = client.get(f"{API}/search/?q=le+hoi+hoa+ban&fields=id,title").json()
    assert found["items"] == [{"id": edited.pk, "title": "Lễ hội Hoa Ban 2025 khai mạc"}]
    feed = client.get("/vi/feeds/rss.xml").content.decode()
    assert "<title>Lễ hội Hoa Ban 2025 khai mạc</title>" in feed


def test_tag_only_hidden_stories_carry_has_no_page_either(client, newsroom):
    assert client.get("/vi/tags/hop-tac/").status_code == 200
    for slug in [f"nhan-{MARK}1", f"nhan-{MARK}2", f"nhan-nhap-{MARK}"]:
        assert client.get(f"/vi/tags/{slug}/").status_code == 404
