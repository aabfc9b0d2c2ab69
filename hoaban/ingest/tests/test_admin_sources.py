"""The Sources screens: open to holders of the Source permissions, plain-language fields, a
test fetch that saves nothing, and "Fetch now"."""

import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.utils import translation
from django.utils.formats import date_format
from wagtail.images import get_image_model
from wagtail.models import GroupPagePermission, Page, Revision

from hoaban.articles.models import ArticlePage
from hoaban.core.newsroom import REPORTERS, ensure_newsroom_roles
from hoaban.ingest import dedup, link_patterns
from hoaban.ingest.models import FetchRun, ImportedItem, Source
from hoaban.ingest.trial import try_source

from .factories import feed_source, make_source

LISTING = "/admin/snippets/ingest/source/"
ADD = f"{LISTING}add/"
BAO_DIEN_BIEN_PHU = "Báo Điện Biên Phủ điện tử"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def _user(username, *groups):
    user = get_user_model().objects.create_user(username, password="mat-khau-1")
    user.groups.add(*groups)
    return user


@pytest.fixture
def source_keepers(news_site):
    """A group holding the Source permissions, as the Editors group does in the newsroom, and
    working on the newspaper's pages: sources are managed by the site's own newsroom."""
    ensure_newsroom_roles()
    group = Group.objects.create(name="Biên tập nguồn tin")
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        *Permission.objects.filter(content_type__app_label="ingest", content_type__model="source"),
    )
    GroupPagePermission.objects.create(
        group=group,
        page=news_site.home,
        permission=Permission.objects.get(
            content_type__app_label="wagtailcore", codename="change_page"
        ),
    )
    return group


@pytest.fixture
def editor_client(client, source_keepers):
    client.force_login(_user("bientap", source_keepers))
    return client


@pytest.fixture
def reporter_client(client, db):
    ensure_newsroom_roles()
    client.force_login(_user("phongvien", Group.objects.get(name=REPORTERS)))
    return client


@pytest.fixture
def bao_dien_bien_phu(news_site, portal):
    return feed_source(news_site, portal, BAO_DIEN_BIEN_PHU, "baodienbienphu/atom.xml")


def _counts() -> dict:
    return {
        model.__name__: model.objects.count()
        for model in (Page, Revision, ImportedItem, FetchRun, get_image_model())
    }


def _form_data(news_site, **fields) -> dict:
    data = {
        "name": "Cổng thông tin huyện Mường Chà",
        "home_url": "http://muongcha.dienbien.gov.vn/",
        "feed_url": "",
        "list_url": "",
        "link_rule": link_patterns.FOLDER,
        "link_folder": "",
        "link_pattern": "",
        "language": "vi",
        "default_section": news_site.sections["news"].pk,
        "attribution": "Ghi rõ nguồn “Cổng TTĐT huyện Mường Chà”.",
        "fetch_every_minutes": "30",
        "active": "on",
    }
    return {**data, **fields}


def test_an_editor_with_the_source_permissions_sees_the_menu_and_edits_a_source(
    editor_client, bao_dien_bien_phu
):
    home = editor_client.get("/admin/").content.decode()
    assert LISTING in home
    listing = editor_client.get(LISTING)
    assert listing.status_code == 200
    assert BAO_DIEN_BIEN_PHU in listing.content.decode()
    edit = editor_client.get(f"{LISTING}edit/{bao_dien_bien_phu.pk}/")
    assert edit.status_code == 200
    assert "Thử nguồn tin này" in edit.content.decode()  # "Test this source"


def test_a_reporter_sees_no_sources_menu_and_cannot_open_test_or_fetch(
    reporter_client, bao_dien_bien_phu
):
    assert LISTING not in reporter_client.get("/admin/").content.decode()
    assert reporter_client.get(LISTING).status_code in (302, 403)
    assert reporter_client.get(f"{LISTING}test/{bao_dien_bien_phu.pk}/").status_code in (302, 403)
    before = _counts()
    fetch = reporter_client.post(f"{LISTING}fetch/{bao_dien_bien_phu.pk}/")
    assert fetch.status_code in (302, 403)
    assert _counts() == before


@pytest.mark.parametrize(
    ("rule", "article", "not_article"),
    [
        (
            link_patterns.FOLDER,
            "http://muongcha.vn/muongcha/bai-viet/101-binh-dang-gioi.html",
            "http://muongcha.vn/muongcha/tin-tuc.html?page=2",
        ),
        (
            link_patterns.NUMBERED,
            "http://dienbien.vn/tin-tuc/dien-bien-tang-cuong-hop-tac-1203.html",
            "http://dienbien.vn/tin-tuc.html?page=12",
        ),
        (
            link_patterns.NUMBERED_IN_FOLDER,
            "http://muongcha.vn/muongcha/bai-viet/101-binh-dang-gioi.html",
            "http://muongcha.vn/muongcha/bai-viet/gioi-thieu.html",
        ),
    ],
)
def test_each_link_rule_writes_a_pattern_that_tells_articles_from_other_links(
    rule, article, not_article
):
    pattern = link_patterns.build(rule=rule, folder="muongcha/bai-viet")
    assert re.search(pattern, article)
    assert not re.search(pattern, not_article)
    assert link_patterns.recognise(pattern) == (
        rule,
        "" if rule == link_patterns.NUMBERED else "/muongcha/bai-viet/",
    )


def test_a_hand_written_pattern_is_kept_as_advanced():
    assert link_patterns.recognise(r"/tin-tuc/.+-\d+\.html$") == (link_patterns.ADVANCED, "")


def test_the_form_turns_a_folder_choice_and_minutes_into_the_pattern_and_interval(
    editor_client, news_site, portal
):
    data = _form_data(
        news_site,
        list_url=portal.url("muongcha/tin-tuc.html"),
        link_rule=link_patterns.NUMBERED_IN_FOLDER,
        link_folder="/muongcha/bai-viet/",
    )
    reply = editor_client.post(ADD, data)
    assert reply.status_code == 302, reply.content.decode()[-3000:]
    source = Source.objects.get(name="Cổng thông tin huyện Mường Chà")
    assert source.fetch_interval == timedelta(minutes=30)
    assert source.link_pattern == link_patterns.build(
        rule=link_patterns.NUMBERED_IN_FOLDER, folder="/muongcha/bai-viet/"
    )
    form = editor_client.get(f"{LISTING}edit/{source.pk}/").content.decode()
    assert 'value="30"' in form
    assert 'value="/muongcha/bai-viet/"' in form
    assert re.search(r'value="numbered_in_folder"[^>]*checked', form)


def test_the_advanced_choice_refuses_a_broken_regular_expression(editor_client, news_site, portal):
    data = _form_data(
        news_site,
        list_url=portal.url("muongcha/tin-tuc.html"),
        link_rule=link_patterns.ADVANCED,
        link_pattern="/bai-viet/(\\d+",
    )
    reply = editor_client.post(ADD, data)
    assert reply.status_code == 200
    assert "Biểu thức chính quy không hợp lệ" in reply.content.decode()
    assert not Source.objects.exists()


def test_testing_a_feed_shows_title_date_author_lead_and_photo_and_saves_nothing(
    editor_client, bao_dien_bien_phu
):
    before = _counts()
    reply = editor_client.get(f"{LISTING}test/{bao_dien_bien_phu.pk}/")
    assert reply.status_code == 200
    page = reply.content.decode()
    assert "Tín dụng ưu đãi giúp hộ nghèo vươn lên" in page
    printed = datetime(2025, 4, 14, 8, 30, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))
    with translation.override("vi"):
        assert date_format(printed, "SHORT_DATETIME_FORMAT") in page
    assert "in trên trang" in page  # the date was printed on the page
    assert "Minh Anh" in page
    assert "Nguồn vốn tín dụng chính sách của Ngân hàng Chính sách xã hội" in page
    assert 'src="data:image/jpeg;base64,' in page
    assert "Cán bộ ngân hàng giải ngân vốn vay tại xã Mường Phăng" in page
    assert "Mới: lần chạy sẽ nhập bài này thành bản nháp." in page
    assert _counts() == before
    bao_dien_bien_phu.refresh_from_db()
    assert (bao_dien_bien_phu.last_fetched_at, bao_dien_bien_phu.etag) == (None, "")


def test_testing_an_unsaved_list_page_form_shows_which_links_are_articles(
    editor_client, news_site, portal
):
    data = _form_data(
        news_site,
        list_url=portal.url("muongcha/tin-tuc.html"),
        link_rule=link_patterns.FOLDER,
        link_folder="/muongcha/bai-viet/",
    )
    before = _counts()
    reply = editor_client.post(f"{LISTING}test/", data)
    assert reply.status_code == 200
    page = reply.content.decode()
    assert "Mường Chà đẩy mạnh thực hiện bình đẳng giới" in page
    assert "✓ " + portal.url("muongcha/bai-viet/101-binh-dang-gioi.html") in page
    assert "✗ " + portal.url("muongcha/gioi-thieu.html") in page
    assert not Source.objects.exists()
    assert _counts() == before


def test_testing_a_broken_feed_says_what_is_wrong(editor_client, news_site, portal):
    source = feed_source(news_site, portal, "Huyện Tủa Chùa", "broken/rss.xml")
    page = editor_client.get(f"{LISTING}test/{source.pk}/").content.decode()
    assert "XML" in page and "help-critical" in page


def test_testing_a_form_without_an_address_names_the_field(editor_client, news_site):
    reply = editor_client.post(f"{LISTING}test/", _form_data(news_site))
    page = reply.content.decode()
    assert "Hãy sửa các trường này rồi thử lại" in page
    assert "Địa chỉ kênh tin:" in page  # the feed URL field, named in the admin's language
    assert not Source.objects.exists()


def test_a_source_already_imported_is_marked_so_in_the_test(bao_dien_bien_phu):
    from hoaban.ingest.pipeline import Syndicator

    Syndicator().run([bao_dien_bien_phu])
    before = _counts()
    with translation.override("en"):
        trial = try_source(source=bao_dien_bien_phu)
    assert trial.found == 2
    assert [item.verdict for item in trial.items] == [
        "Already imported from this source: the run skips it."
    ] * 2
    assert _counts() == before


def test_fetch_now_imports_the_source_and_reports_the_result(editor_client, bao_dien_bien_phu):
    reply = editor_client.post(f"{LISTING}fetch/{bao_dien_bien_phu.pk}/", follow=True)
    assert reply.status_code == 200
    titles = set(ArticlePage.objects.values_list("title", flat=True))
    assert "Tín dụng ưu đãi giúp hộ nghèo vươn lên" in titles
    assert FetchRun.objects.filter(source=bao_dien_bien_phu, imported=2).exists()
    page = reply.content.decode()
    assert "2 bài đã nhập" in page
    assert "/admin/reports/syndication/" in page


def test_fetch_now_refuses_a_get(editor_client, bao_dien_bien_phu):
    assert editor_client.get(f"{LISTING}fetch/{bao_dien_bien_phu.pk}/").status_code == 405
    assert not FetchRun.objects.exists()


def test_the_form_shows_each_choice_against_sample_links(editor_client, news_site, portal):
    source = make_source(
        news_site,
        portal,
        "Huyện Mường Chà",
        list_url=portal.url("muongcha/tin-tuc.html"),
        link_pattern=link_patterns.build(rule=link_patterns.FOLDER, folder="/muongcha/bai-viet/"),
    )
    form = editor_client.get(f"{LISTING}edit/{source.pk}/").content.decode()
    assert "✓ /muongcha/bai-viet/le-hoi-hoa-ban-nam-2025-1203.html" in form
    assert "✗ /gioi-thieu/lien-he.html" in form


def test_testing_unsaved_changes_offers_no_fetch_until_they_are_saved(
    editor_client, bao_dien_bien_phu, news_site, portal
):
    edit = f"{LISTING}test/{bao_dien_bien_phu.pk}/"
    saved = _form_data(
        news_site,
        name=BAO_DIEN_BIEN_PHU,
        home_url=bao_dien_bien_phu.home_url,
        feed_url=bao_dien_bien_phu.feed_url,
        fetch_every_minutes="60",
        attribution="",
    )
    unchanged = editor_client.post(edit, saved).content.decode()
    assert "data-ingest-fetch-now" in unchanged
    changed = {**saved, "feed_url": portal.url("vanhoa/rss10.rdf")}
    page = editor_client.post(edit, changed).content.decode()
    assert "data-ingest-fetch-now" not in page
    assert "hãy lưu nguồn tin trước khi lấy tin" in page
    assert not FetchRun.objects.exists()


SAINT_PETERSBURG_EN = (
    "Dien Bien and Saint Petersburg step up cooperation\n"
    "On the afternoon of March 13, Provincial Party Secretary Tran Quoc Cuong received a "
    "delegation from the city of Saint Petersburg (Russian Federation) led by Mr Kalganov "
    "Vyacheslav Gennadievic, Vice Chairman of the city's External Relations Committee. In "
    "November 2024 a delegation of the province visited Saint Petersburg and the two sides "
    "signed a cooperation agreement. He hoped the two localities would work together in "
    "agriculture, forestry, tourism and renewable energy. Dien Bien province now runs two "
    "Russian classes for 40 pupils from 19 ethnic minorities; some of them will join a summer "
    "camp in Saint Petersburg. The province invited the delegation to the 2025 Hoa Ban "
    "Festival. The delegation also visited the Dien Bien Phu Historical Battlefield."
)


def test_a_story_already_imported_in_another_edition_is_named_in_the_test(
    bao_dien_bien_phu, english_edition
):
    _home, section = english_edition
    english = Source.objects.create(
        name="Dien Bien Phu Newspaper",
        home_url="https://en.baodienbienphu.vn/",
        language="en",
        default_section=section,
    )
    ImportedItem.objects.create(
        source=english,
        url="https://en.baodienbienphu.vn/saint-petersburg-2031.html",
        canonical_url="https://en.baodienbienphu.vn/saint-petersburg-2031.html",
        status=ImportedItem.Status.IMPORTED,
        title="Dien Bien and Saint Petersburg step up cooperation",
        signature=dedup.to_bytes(dedup.signature(SAINT_PETERSBURG_EN)),
        facts=dedup.facts(SAINT_PETERSBURG_EN, "en"),
    )
    with translation.override("en"):
        trial = try_source(source=bao_dien_bien_phu)
    verdicts = {item.title: item.verdict for item in trial.items}
    assert verdicts["Tăng cường hợp tác giữa Điện Biên và Saint Petersburg"] == (
        "Repeats an article already imported: "
        "Dien Bien and Saint Petersburg step up cooperation (English)"
    )
    assert list(verdicts.values()).count("New: the run would import it as a draft.") == 1
