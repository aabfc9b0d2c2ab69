from datetime import timedelta

import pytest
from django.utils import timezone

from hoaban.ingest.models import FetchRun
from hoaban.ingest.tasks import syndicate_due_sources

from .factories import feed_source


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def test_scheduled_run_fetches_only_active_sources_whose_interval_has_passed(news_site, portal):
    due = feed_source(news_site, portal, "Báo Điện Biên Phủ", "baodienbienphu/atom.xml")
    recent = feed_source(
        news_site, portal, "Sở VHTTDL", "vanhoa/rss10.rdf", last_fetched_at=timezone.now()
    )
    paused = feed_source(news_site, portal, "Huyện Mường Chà", "muongcha/x.xml", active=False)
    stale = feed_source(
        news_site,
        portal,
        "Huyện Tủa Chùa",
        "broken/rss.xml",
        last_fetched_at=timezone.now() - timedelta(hours=2),
    )
    result = syndicate_due_sources.enqueue()
    assert result.return_value == {
        "sources": 2,
        "imported": 2,
        "duplicates": 0,
        "failed": 0,
        "untranslated": 0,
        "unreadable_sources": 1,
    }
    assert set(FetchRun.objects.values_list("source__name", flat=True)) == {due.name, stale.name}
    assert not FetchRun.objects.filter(source__in=[recent, paused]).exists()
