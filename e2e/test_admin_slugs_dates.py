"""A reporter in the real admin: the live slug field spells titles as the server does, and
dates are read in the admin's language through autosave, the status panel and the save."""

import json
import re
import unicodedata

import pytest
from playwright.sync_api import expect

from .admin import open_new_article, save_go_live, set_admin_language, sign_in
from .conftest import OUTPUT

BASES = "aăâeêioôơuưy"
TONES = "\u0300\u0309\u0303\u0301\u0323"  # huyền, hỏi, ngã, sắc, nặng


def vietnamese_vowels() -> list[str]:
    """Every Vietnamese vowel letter with a tone mark, and those that carry a mark of their
    own (ă â ê ô ơ ư) without one, in both cases, each built from Unicode's composition."""
    letters = []
    for base in BASES:
        for tone in TONES:
            letters.append(unicodedata.normalize("NFC", base + tone))
        if base not in "aeiouy":
            letters.append(base)
    letters += [letter.upper() for letter in letters]
    return letters


VOWELS = vietnamese_vowels()
RUSSIAN_TITLES = [
    "Ёлка на Красной площади",
    "Щедрый урожай в Дьенбьене",
    "Объявление о съезде: «Эхо» и йогурт",
]


def server_slugs(live_site, titles: list[str]) -> list[str]:
    script = (
        "import json, sys\n"
        "from hoaban.core.slugs import slug_from_title\n"
        f"print(json.dumps([slug_from_title(t) for t in json.loads({json.dumps(titles)!r})]))"
    )
    return json.loads(live_site.shell(script).strip().splitlines()[-1])


def first_section_id(live_site) -> int:
    script = (
        "from hoaban.sections.models import SectionPage\n"
        "print(SectionPage.objects.filter(locale__language_code='vi')"
        ".order_by('path').first().pk)"
    )
    return int(live_site.shell(script).split()[-1])


def new_article(page, live_site) -> None:
    open_new_article(page, live_site, first_section_id(live_site))


def live_slug(page, number: int, title: str) -> str:
    """Type "Bản tin <number> <title>" and read the slug the admin shows for it, once it
    has followed (the title syncs to the slug on a real key, after a short debounce)."""
    field = page.locator("#id_title")
    field.fill(f"Bản tin {number} {title}")
    field.press("End")
    page.wait_for_function(
        "prefix => document.querySelector('#id_slug').value.startsWith(prefix)",
        arg=f"ban-tin-{number}-",
    )
    return page.locator("#id_slug").input_value()


def test_all_vietnamese_vowels_and_russian_titles_get_the_servers_slug(live_site, page):
    assert len(VOWELS) == 132  # 12 vowels × 5 tones + 6 marked vowels untoned, × 2 cases
    assert len(set(VOWELS)) == 132 and all(len(letter) == 1 for letter in VOWELS)
    letters = [*VOWELS, "đ", "Đ"]  # 134 letters typed
    titles = [f"{letter}{letter} số 7" for letter in letters]
    titles += RUSSIAN_TITLES
    titles.append("Đồng chí Trần Quốc Cường tiếp Đoàn đại biểu")
    titles.append("Nghị định 28/2022/NĐ-CP về xử phạt vi phạm hành chính")
    typed_titles = [f"Bản tin {number} {title}" for number, title in enumerate(titles)]
    expected = server_slugs(live_site, typed_titles)
    # The server's rule gives every toned vowel its base letter and đ a plain d.
    for number, (letter, slug) in enumerate(zip(letters, expected, strict=False)):
        base = unicodedata.normalize("NFD", letter.lower())[0].replace("đ", "d")
        assert slug == f"ban-tin-{number}-{base}{base}-so-7", (letter, slug)

    sign_in(page, live_site, "reporter", "hoaban-reporter")
    new_article(page, live_site)
    typed = [live_slug(page, number, title) for number, title in enumerate(titles)]
    mismatches = [
        (title, browser, server)
        for title, browser, server in zip(typed_titles, typed, expected, strict=True)
        if browser != server
    ]
    assert mismatches == [], mismatches[:12]
    assert typed[-2].endswith("-dong-chi-tran-quoc-cuong-tiep-doan-dai-bieu")
    assert typed[-len(RUSSIAN_TITLES) - 2].endswith("-elka-na-krasnoy-ploshchadi")


def test_slug_typed_by_hand_is_spelt_by_the_rule(live_site, page):
    sign_in(page, live_site, "reporter", "hoaban-reporter")
    new_article(page, live_site)
    # The tab's address follows its heading in the admin's language ("Quảng bá").
    page.get_by_role("tab", name=re.compile("Quảng bá|Promote")).click()
    slug = page.locator("#id_slug")
    slug.fill("Đường lên Pha Đin")
    slug.blur()
    expect(slug).to_have_value("duong-len-pha-din")


# What the picker writes, what the status panel shows of it (Django's long form in that
# language), for a publication date of 7 December 2026 and a go-live of 5 January 2027.
# English (ISO) goes through the same picker and forms: its picker format and the dates it
# reads are checked per language in hoaban/core/tests/test_admin_dates.py, and an editor
# approves a dated story in the English admin in test_newsroom_day.py.
LANGUAGES = {
    "vi": ("07/12/2026 08:00", "05/01/2027 09:30", "05 tháng 1 năm 2027"),
    "ru": ("07.12.2026 08:00", "05.01.2027 09:30", "5 января 2027"),
}


def stored_article(live_site, title: str) -> list[dict]:
    script = (
        "import json\n"
        "from django.utils import timezone\n"
        "from hoaban.articles.models import ArticlePage\n"
        f"pages = ArticlePage.objects.filter(title={title!r})\n"
        "print(json.dumps([{'date': timezone.localtime(p.date).isoformat(),"
        " 'go_live_at': p.go_live_at and timezone.localtime(p.go_live_at).isoformat(),"
        " 'slug': p.slug} for p in pages]))"
    )
    return json.loads(live_site.shell(script).strip().splitlines()[-1])


@pytest.mark.parametrize(
    ("language", "wait_for_autosave"),
    [("vi", True), ("ru", False)],
)
def test_reporter_dates_survive_autosave_status_panel_and_save(
    live_site, page, language, wait_for_autosave
):
    typed_date, typed_go_live, shown_go_live = LANGUAGES[language]
    title = f"Điện Biên chuẩn bị Lễ hội Hoa Ban ({language})"
    set_admin_language(live_site, "reporter", language)
    try:
        sign_in(page, live_site, "reporter", "hoaban-reporter")
        new_article(page, live_site)
        date = page.locator("#id_date")
        assert len(date.input_value()) == len(typed_date)  # the default is in this format
        page.locator("#id_title").press_sequentially(title)
        page.locator("#id_lead").press_sequentially("Tỉnh Điện Biên sẵn sàng đón khách.")
        date.fill(typed_date)
        date.press("Tab")
        if wait_for_autosave:
            # The autosave created the page and pointed the form at its edit view.
            expect(page).to_have_url(re.compile(r"/edit/$"), timeout=15_000)
        else:
            # Saved at once, while the autosave that creates the page may be on its way.
            with page.expect_navigation():
                page.locator("footer button[type=submit]").first.click()
        save_go_live(page, typed_go_live)
        status = page.locator("[data-side-panel='status']")
        page.locator('[data-side-panel-toggle="status"]').click()
        expect(status).to_contain_text(shown_go_live)
        page.wait_for_timeout(500)  # the panel slides in
        page.screenshot(path=OUTPUT / f"admin_dates_{language}_status_panel.png", full_page=True)

        # Then the draft is saved once more.
        expect(date).to_have_value(typed_date)
        with page.expect_navigation():
            page.locator("footer button[type=submit]").first.click()
        expect(page.locator("#id_date")).to_have_value(typed_date)

        stored = stored_article(live_site, title)
        assert len(stored) == 1, stored
        assert stored[0]["date"].startswith("2026-12-07T08:00")
        assert stored[0]["go_live_at"].startswith("2027-01-05T09:30")
    finally:
        set_admin_language(live_site, "reporter", "")
