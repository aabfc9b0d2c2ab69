from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation
from wagtail.models import Locale

from hoaban.articles.models import ArticlePage
from hoaban.ingest.models import ImportedItem

from .factories import feed_source


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def syndicate(*args):
    out, err = StringIO(), StringIO()
    try:
        with translation.override("en"):
            call_command("syndicate", *args, stdout=out, stderr=err)
    except CommandError as error:
        return out.getvalue(), err.getvalue(), error
    return out.getvalue(), err.getvalue(), None


def test_summary_table_counts_new_duplicate_failed_and_skipped(news_site, portal):
    feed_source(news_site, portal, "Báo Điện Biên Phủ", "baodienbienphu/atom.xml")
    feed_source(news_site, portal, "Sở VHTTDL", "vanhoa/rss10.rdf", section="culture")
    out, err, error = syndicate()
    assert error is None, err
    lines = out.splitlines()
    assert lines[0].split() == [
        "Source",
        "Fetched",
        "New",
        "Duplicate",
        "Failed",
        "Skipped",
        "Result",
    ]
    assert lines[1].split()[-6:] == ["2", "2", "0", "0", "0", "ok"]
    assert lines[3].split() == ["Total", "3", "3", "0", "0", "0"]
    out, err, error = syndicate()
    assert out.splitlines()[3].split() == ["Total", "0", "0", "0", "0", "0"]


def test_failures_are_listed_and_the_command_exits_non_zero(news_site, portal):
    feed_source(news_site, portal, "Cổng TTĐT tỉnh Điện Biên", "dienbien/rss.xml")
    out, err, error = syndicate("--source", "Cổng TTĐT tỉnh Điện Biên")
    assert error is not None and "5 items failed" in str(error)
    assert "bai-viet-da-go-1199.html: HTTP 404" in err
    assert ArticlePage.objects.count() == 4


def test_translation_failures_are_listed_without_failing_the_command(settings, news_site, portal):
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = None
    source = feed_source(news_site, portal, "Báo Điện Biên Phủ", "baodienbienphu/atom.xml")
    source.translate_into.set([Locale.objects.create(language_code="en")])
    out, err, error = syndicate()
    assert error is None, err
    assert out.splitlines()[1].split()[-6:] == ["2", "2", "0", "0", "0", "untranslated"]
    assert err.count("no en translation: No machine translator is configured") == 2
    assert ArticlePage.objects.count() == 2


def test_dry_run_writes_nothing(news_site, portal):
    feed_source(news_site, portal, "Báo Điện Biên Phủ", "baodienbienphu/atom.xml")
    out, err, error = syndicate("--dry-run")
    assert out.startswith("Dry run: nothing was written.")
    assert not ImportedItem.objects.exists() and not ArticlePage.objects.exists()


def test_since_accepts_a_vietnamese_date_and_skips_older_items(news_site, portal):
    feed_source(news_site, portal, "Báo Điện Biên Phủ", "baodienbienphu/atom.xml")
    out, err, error = syndicate("--since", "01/04/2025")
    assert list(ArticlePage.objects.values_list("title", flat=True)) == [
        "Tín dụng ưu đãi giúp hộ nghèo vươn lên"
    ]


def test_unknown_source_name_is_refused_with_the_known_names(news_site, portal):
    feed_source(news_site, portal, "Báo Điện Biên Phủ", "baodienbienphu/atom.xml")
    out, err, error = syndicate("--source", "Báo Lai Châu")
    assert "No source is named 'Báo Lai Châu'. Sources: Báo Điện Biên Phủ" in str(error)


def test_unreadable_since_date_is_refused(db):
    out, err, error = syndicate("--since", "hôm qua")
    assert "--since takes a date" in str(error)


def test_enqueue_runs_the_scheduled_task_on_the_immediate_backend(news_site, portal):
    feed_source(news_site, portal, "Báo Điện Biên Phủ", "baodienbienphu/atom.xml")
    out, err, error = syndicate("--enqueue")
    assert out.startswith("Queued the scheduled run")
    assert ArticlePage.objects.count() == 2
