import pytest
from django.db import OperationalError
from wagtail.models import Site


def failing_site_lookup(error):
    def find_for_request(*args, **kwargs):
        raise error

    return find_for_request


@pytest.fixture
def raising_client(client, db):
    # The database is there for the page cache, which reads the sites' host names once; each
    # test breaks the lookup it is about.
    client.raise_request_exception = False
    return client


def test_database_outage_gives_a_503_page_that_asks_to_retry(raising_client, monkeypatch):
    refused = OperationalError("connection to server at 127.0.0.1 failed: Connection refused")
    monkeypatch.setattr(Site, "find_for_request", failing_site_lookup(refused))
    response = raising_client.get("/vi/")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    body = response.content.decode()
    assert "Dịch vụ tạm thời gián đoạn" in body
    assert "Connection refused" not in body and "Traceback" not in body


def test_other_errors_stay_ordinary_server_errors(raising_client, monkeypatch):
    monkeypatch.setattr(Site, "find_for_request", failing_site_lookup(ValueError("a bug")))
    assert raising_client.get("/vi/").status_code == 500


def test_database_outage_while_the_page_cache_reads_the_sites_gives_a_503(
    raising_client, monkeypatch
):
    from django.core.cache import caches

    from hoaban.pagecache import store

    caches[store.ALIAS].clear()
    refused = OperationalError("connection to server at 127.0.0.1 failed: Connection refused")
    monkeypatch.setattr(store, "_other_sites_hosts", failing_site_lookup(refused))
    response = raising_client.get("/vi/")
    assert response.status_code == 503
    assert "Dịch vụ tạm thời gián đoạn" in response.content.decode()
