"""The admin speaks the editor's language on every screen of this project, whatever language
the screens were first shown in by this process (strings built once and kept — form widgets,
choosers, menus — would otherwise keep the first visitor's language)."""

import json
import re
import unicodedata
from html.parser import HTMLParser
from pathlib import Path

import polib
import pytest
import wagtail
import wagtail_localize
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale, Page, Site
from wagtail.users.models import UserProfile

from hoaban.articles.models import ArticlePage
from hoaban.home.models import HomePage
from hoaban.people.models import Person
from hoaban.sections.models import SectionPage

# Letters only Vietnamese uses (English, Russian and the admin's markup have none of them).
VIETNAMESE_ONLY = re.compile(
    "[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]", re.IGNORECASE
)
# The language switch lists each language by its own name, as it should; help texts give the
# newsroom's own dateline and a photographer's name as examples.
NAMES = ["Tiếng Việt", "ĐBP", "Quang Hưng"]


def _(message):
    return translation.gettext(message)


@pytest.fixture
def newsroom(db, settings):
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "hoaban.translation.backends.demo.DemoTranslator",
        "OPTIONS": {},
    }
    """An edition whose content has no Vietnamese letters, so any on a screen is interface."""
    locale, _ = Locale.objects.get_or_create(language_code="vi")
    home = Page.get_first_root_node().add_child(instance=HomePage(title="Hoa Ban", locale=locale))
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "root_page": home}
    )
    section = home.add_child(instance=SectionPage(title="News", locale=locale))
    article = section.add_child(
        instance=ArticlePage(title="Budget talks", lead="The council met.", locale=locale)
    )
    Person.objects.create(name="Lan Nguyen", role="Reporter")
    user = get_user_model().objects.create_superuser("chief", "chief@hoaban.example", "x")
    return {"home": home, "section": section, "article": article, "user": user}


def screens(newsroom) -> dict[str, str]:
    section, article = newsroom["section"], newsroom["article"]
    return {
        "dashboard": reverse("wagtailadmin_home"),
        "explorer": reverse("wagtailadmin_explore", args=[section.pk]),
        "article editor": reverse("wagtailadmin_pages:edit", args=[article.pk]),
        "new article": reverse(
            "wagtailadmin_pages:add", args=["articles", "articlepage", section.pk]
        ),
        "section editor": reverse("wagtailadmin_pages:edit", args=[section.pk]),
        "section chooser": reverse("wagtailadmin_choose_page") + "?page_type=sections.sectionpage",
        "machine translation": reverse("hoaban_machine_translation"),
        "comments": "/admin/snippets/discussion/comment/",
        "sources": "/admin/snippets/ingest/source/",
        "new source": "/admin/snippets/ingest/source/add/",
        "people": "/admin/snippets/people/person/",
        "new person": "/admin/snippets/people/person/add/",
        "tag names": "/admin/snippets/tagging/tagname/",
        "new tag name": "/admin/snippets/tagging/tagname/add/",
        "photo texts": "/admin/snippets/images/phototext/",
        "new photo text": "/admin/snippets/images/phototext/add/",
        "syndication report": reverse("ingest_report"),
        "images": reverse("wagtailimages:index"),
        "image chooser": reverse("wagtailimages_chooser:choose"),
        "account": reverse("wagtailadmin_account"),
        "two-step sign-in": reverse("hoaban_two_step"),
    }


class ScreenText(HTMLParser):
    """What a user reads: text, the attributes shown as text, and the sidebar's menu labels
    (which Wagtail sends as JSON for its script to draw)."""

    SHOWN = {"placeholder", "title", "aria-label", "alt", "value"}

    def __init__(self):
        super().__init__()
        self.parts, self.skipping, self.sidebar = [], 0, False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in {"script", "style", "svg"}:
            self.skipping += 1
            self.sidebar = attrs.get("id") == "wagtail-sidebar-props"
        elif not self.skipping:
            kind = attrs.get("type", "")
            self.parts += [
                value
                for name, value in attrs.items()
                if value and name in self.SHOWN and not (name == "value" and kind != "submit")
            ]

    def handle_endtag(self, tag):
        if tag in {"script", "style", "svg"} and self.skipping:
            self.skipping -= 1

    def handle_data(self, data):
        if self.sidebar:
            self.parts += labels(json.loads(data))
            self.sidebar = False
        elif not self.skipping:
            self.parts.append(data)


def labels(data) -> list[str]:
    if isinstance(data, dict):
        found = [data["label"]] if isinstance(data.get("label"), str) else []
        return found + [text for value in data.values() for text in labels(value)]
    if isinstance(data, list):
        return [text for value in data for text in labels(value)]
    return []


def screen_parts(html: str) -> list[str]:
    parser = ScreenText()
    parser.feed(unicodedata.normalize("NFC", html))
    return [part for part in (" ".join(part.split()) for part in parser.parts) if part]


def walk(client, newsroom, language) -> dict[str, list[str]]:
    """Each screen's texts as the admin shows them to a user whose admin language is
    `language`."""
    sign_in(client, newsroom["user"], language)
    texts = {}
    for name, url in screens(newsroom).items():
        response = client.get(url)
        assert response.status_code == 200, (name, response.status_code)
        html = response.content.decode()
        if response["Content-Type"].startswith("application/json"):
            html = response.json().get("html", "")
        texts[name] = screen_parts(html)
    return texts


def vietnamese_words(parts: list[str]) -> list[str]:
    text = " ".join(parts)
    for name in NAMES:
        text = text.replace(name, "")
    return sorted({word for word in text.split() if VIETNAMESE_ONLY.search(word)})


@pytest.mark.parametrize("language", ["en", "ru"])
def test_an_english_or_russian_admin_shows_no_vietnamese_after_a_vietnamese_one(
    client, newsroom, language
):
    walk(client, newsroom, "vi")  # the process first shows every screen in Vietnamese
    leaks = {
        name: words
        for name, text in walk(client, newsroom, language).items()
        if (words := vietnamese_words(text))
    }
    assert leaks == {}


def wagtail_entries(domain: str = "django") -> list[polib.POEntry]:
    """Every message of Wagtail and wagtail-localize (their English catalogues)."""
    return [
        entry
        for package in (wagtail, wagtail_localize)
        for path in Path(package.__file__).parent.glob(f"**/locale/en/LC_MESSAGES/{domain}.po")
        for entry in polib.pofile(str(path))
    ]


def wagtail_messages() -> set[str]:
    """Every plain (not plural) message of Wagtail and wagtail-localize."""
    return {entry.msgid for entry in wagtail_entries() if not entry.msgid_plural}


def test_a_vietnamese_admin_after_an_english_one_is_in_vietnamese(client, newsroom):
    walk(client, newsroom, "en")  # the process first shows every screen in English
    texts = walk(client, newsroom, "vi")
    messages = wagtail_messages()
    with translation.override("vi"):
        english = {
            name: sorted({part for part in parts if part in messages and _(part) == part})
            for name, parts in texts.items()
        }
    assert {name: parts for name, parts in english.items() if parts} == {}
    expected = {
        "new source": "Chọn một trang (Chuyên mục)",
        "section chooser": "Chọn Chuyên mục",
        "image chooser": "Tìm kiếm",
        "machine translation": "Bộ dịch đang dùng: Demo engine",
        "dashboard": "Dịch máy",
        "explorer": "Đang duyệt",
        "article editor": "Được tham chiếu 0 lần",  # the status panel's usage count
    }
    missing = {
        name: label for name, label in expected.items() if label not in " ".join(texts[name])
    }
    assert missing == {}


PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|\{\w*\}")


@pytest.mark.parametrize(
    "language, domain", [("vi", "django"), ("ru", "django"), ("vi", "djangojs")]
)
def test_the_catalogue_of_wagtails_missing_text_is_complete_and_keeps_placeholders(
    language, domain
):
    path = Path(__file__).resolve().parents[2] / "wagtail_locale" / language / "LC_MESSAGES"
    catalogue = polib.pofile(str(path / f"{domain}.po"))
    assert len(catalogue) >= 4
    assert catalogue.untranslated_entries() == [] and catalogue.fuzzy_entries() == []
    messages = {(entry.msgid, entry.msgid_plural) for entry in wagtail_entries(domain)}
    for entry in catalogue:
        assert (entry.msgid, entry.msgid_plural) in messages, entry.msgid  # Wagtail's text
        if entry.msgid_plural:
            # The last plural form says what the English plural says (Vietnamese has one form).
            forms = [entry.msgstr_plural[n] for n in sorted(entry.msgstr_plural)]
            allowed = placeholders(entry.msgid) | placeholders(entry.msgid_plural)
            assert all(placeholders(form) <= allowed for form in forms), entry.msgid
            assert placeholders(forms[-1]) == placeholders(entry.msgid_plural), entry.msgid
        else:
            assert placeholders(entry.msgstr) == placeholders(entry.msgid), entry.msgid


def placeholders(text: str) -> set[str]:
    return set(PLACEHOLDER.findall(text))


def sign_in(client, user, language):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    client.force_login(user)


def test_a_vietnamese_editor_who_unpublishes_an_article_is_told_so_in_vietnamese(client, newsroom):
    sign_in(client, newsroom["user"], "vi")
    article = newsroom["article"]
    response = client.post(reverse("wagtailadmin_pages:unpublish", args=[article.pk]), follow=True)
    article.refresh_from_db()
    assert not article.live
    assert "Đã thu hồi xuất bản trang 'Budget talks'." in screen_parts(response.content.decode())


def test_the_admin_scripts_read_wagtails_text_in_the_editors_language(client, newsroom):
    """The block picker, autosave and comments are drawn by Wagtail's scripts, from its
    JavaScript catalogue; its missing Vietnamese comes from the project's djangojs.po."""
    shown = {}
    for language in ("vi", "en"):
        sign_in(client, newsroom["user"], language)
        script = client.get(reverse("wagtailadmin_javascript_catalog")).content.decode()
        # An English admin gets no catalogue at all: its scripts keep their English text.
        found = re.search(r"const newcatalog = (\{.*?\});", script, re.S)
        catalogue = json.loads(found[1]) if found else {}
        shown[language] = [
            catalogue.get(text, text) for text in ("Insert a block", "Autosave in progress…")
        ]
    assert shown == {
        "vi": ["Chèn một khối", "Đang tự động lưu…"],
        "en": ["Insert a block", "Autosave in progress…"],
    }


def test_a_snippet_screens_home_crumb_is_read_in_each_requests_language():
    from hoaban.discussion.models import Comment

    # Wagtail builds a snippet screen's crumbs while the admin's URLs load, in whatever
    # language the first request of the process had.
    with translation.override("vi"):
        home = Comment.snippet_viewset.breadcrumbs_items[0]["label"]
    with translation.override("en"):
        assert str(home) == "Home"
    with translation.override("vi"):
        assert str(home) == "Trang chủ"
