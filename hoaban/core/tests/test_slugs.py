import json
import shutil
import subprocess
import unicodedata

import pytest
from django.utils import translation

from hoaban.articles.models import ArticlePage
from hoaban.core.forms import NewsPageForm
from hoaban.core.slugs import formatters_json, slug_from_title, transliteration

# What Wagtail's w-slug controller does with a title: its formatters in order
# (String.replaceAll with RegExp(pattern, flags)), then urlify, which lowers the case and
# leaves a clean slug as it is. The Playwright test (e2e/test_admin_slugs_dates.py) runs the
# controller itself; this one checks every character of the table in a second.
NODE_FORMAT = """
const formatters = JSON.parse(process.argv[1]);
const titles = JSON.parse(require('fs').readFileSync(0, 'utf8'));
const out = titles.map((title) => formatters
  .reduce((text, [[pattern, flags], replacement]) =>
    text[flags.includes('g') ? 'replaceAll' : 'replace'](new RegExp(pattern, flags), replacement),
    title.trim())
  .toLowerCase());
process.stdout.write(JSON.stringify(out));
"""


def browser_slugs(titles: list[str]) -> list[str]:
    node = shutil.which("node")
    if node is None:
        pytest.skip("Node.js is not installed")
    done = subprocess.run(
        [node, "-e", NODE_FORMAT, formatters_json()],
        input=json.dumps(titles),
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout)


TITLES = [
    "Đồng chí Trần Quốc Cường tiếp Đoàn đại biểu",
    "Nghị định 28/2022/NĐ-CP về xử phạt vi phạm hành chính",
    "Ёлка на Красной площади: щедрый подарок",
    "Điện Biên – “Thành phố hoa ban” … 2026",
    unicodedata.normalize("NFD", "Mường Nhé đón Tết Độc lập"),
    "Giá vàng 9.999 tăng 1,5% — cao nhất 20 năm",
    "  -- Lễ hội Hoa Ban __ 2026 --  ",
    "Hội nghị " * 20,
    "ThủtướngphátbiểuchỉđạohộinghịtổngkếtcôngtácnămvàtriểnkhainhiệmvụnămmớitạiĐiệnBiên",
    "中文 Điện Biên 😀",
]


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        (TITLES[0], "dong-chi-tran-quoc-cuong-tiep-doan-dai-bieu"),
        (TITLES[1], "nghi-dinh-28-2022-nd-cp-ve-xu-phat-vi-pham-hanh-chinh"),
        (TITLES[2], "elka-na-krasnoy-ploshchadi-shchedryy-podarok"),
        (TITLES[4], "muong-nhe-don-tet-doc-lap"),
        (TITLES[9], "dien-bien"),
    ],
)
def test_slug_rule_spells_vietnamese_and_russian_one_way(title, slug):
    assert slug_from_title(title) == slug


def test_admin_formatters_give_the_servers_slug_for_realistic_titles():
    assert browser_slugs(TITLES) == [slug_from_title(title) for title in TITLES]


def test_admin_formatters_give_the_servers_slug_for_every_character_of_the_table():
    titles = [f"Bản tin {char}{char.upper()} số 7" for char in transliteration()]
    assert browser_slugs(titles) == [slug_from_title(title) for title in titles]


def test_long_title_is_cut_at_the_last_word_within_eighty_characters():
    slug = slug_from_title("Hội nghị " * 20)
    whole = "-".join(["hoi-nghi"] * 20)
    assert len(slug) <= 80 < len(whole)
    assert whole.startswith(slug) and whole[len(slug)] == "-"
    assert "-" not in whole[len(slug) + 1 : 80]


def edit_form(article, **changes):
    data = {
        "title": article.title,
        "slug": article.slug,
        "date": article.date.strftime("%d/%m/%Y %H:%M"),
        "lead": article.lead,
        "dateline": "",
        "body": "[]",
        "body-count": "0",
        "tags": "",
        "comments_open": "on",
    } | changes
    form_class = ArticlePage.get_edit_handler().get_form_class()
    return form_class(data, instance=article, parent_page=article.get_parent(), for_user=None)


def test_slug_typed_by_hand_in_vietnamese_is_stored_as_the_rule_spells_it(news_site):
    article = news_site.article(title="Họp báo thường kỳ")
    with translation.override("vi"):
        form = edit_form(article, slug="Đường lên Pha Đin  mùa hoa ban")
        assert form.is_valid(), form.errors
    assert form.cleaned_data["slug"] == "duong-len-pha-din-mua-hoa-ban"


def test_slug_typed_with_nothing_usable_is_refused_with_a_clear_message(news_site):
    article = news_site.article(title="Họp báo thường kỳ")
    with translation.override("en"):
        form = edit_form(article, slug="!!! ??? 😀", date=article.date.strftime("%Y-%m-%d %H:%M"))
        assert not form.is_valid()
        assert "Nothing usable is left of this slug" in form.errors["slug"][0]


def test_page_form_runs_the_slug_rule_in_the_browser(news_site):
    article = news_site.article(title="Họp báo thường kỳ")
    html = str(edit_form(article)["slug"])
    assert "data-w-slug-formatters-value" in html
    assert isinstance(edit_form(article), NewsPageForm)


def test_slug_in_cyrillic_saved_from_code_is_transliterated(news_site):
    article = news_site.article(title="Họp báo thường kỳ")
    article.slug = "Пресс-конференция"
    article.save_revision().publish()
    article.refresh_from_db()
    assert article.slug == "press-konferentsiya"
