"""Purges sent to Varnish while it restarts are retried until it answers, not lost."""

import logging
import socket
import time

import pytest
from django.core.management import call_command

from hoaban.pagecache import frontend

from .conftest import proxy_at, start_proxy

URLS = [
    "http://testserver/vi/tin-tuc-chinh-tri/dien-bien-tiep-doan-saint-petersburg/",
    "http://testserver/api/v1/articles/",
]


def unused_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# The database task worker closes its connection after a batch (PostgreSQL then ends the
# test's transaction): these tests commit, and the serialized rollback puts back the rows the
# migrations made for the tests after them.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_purge_the_proxy_missed_is_retried_on_the_worker_once_it_is_back(settings, caplog):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    port = unused_port()
    settings.WAGTAILFRONTENDCACHE = proxy_at(port)
    frontend.purge(URLS)
    with caplog.at_level(logging.WARNING, logger="hoaban.pagecache.frontend"):
        call_command("db_worker", batch=True, no_startup_delay=True, verbosity=0)
    assert "trying again" in caplog.text  # Varnish down: the first attempt failed

    server, seen = start_proxy(port)  # Varnish back
    try:
        call_command("db_worker", batch=True, no_startup_delay=True, verbosity=0)
    finally:
        server.shutdown()
        server.server_close()

    assert sorted(path for _, path in seen) == [
        "/api/v1/articles/",
        "/vi/tin-tuc-chinh-tri/dien-bien-tiep-doan-saint-petersburg/",
    ]
    assert {host for host, _ in seen} == {"testserver"}


def test_without_a_worker_a_failed_purge_is_logged_not_waited_for(settings, caplog):
    # The immediate task backend runs the purge inside the editor's request.
    settings.WAGTAILFRONTENDCACHE = proxy_at(unused_port())

    with caplog.at_level(logging.WARNING, logger="hoaban.pagecache.frontend"):
        frontend.purge(URLS)

    failures = [record for record in caplog.records if record.name == frontend.__name__]
    assert [record.levelname for record in failures] == ["ERROR"]
    assert "with no task worker to retry on" in failures[0].getMessage()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_proxy_that_never_comes_back_is_given_up_on_loudly(settings, caplog):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.HOABAN_PURGE_RETRIES = 2
    settings.WAGTAILFRONTENDCACHE = proxy_at(unused_port())

    with caplog.at_level(logging.WARNING, logger="hoaban.pagecache.frontend"):
        frontend.purge(URLS)
        for _ in range(3):  # the first attempt and its two retries
            time.sleep(settings.HOABAN_PURGE_RETRY_BACKOFF * 4)
            call_command("db_worker", batch=True, no_startup_delay=True, verbosity=0)

    failures = [record for record in caplog.records if record.name == frontend.__name__]
    assert [record.levelname for record in failures] == ["WARNING", "WARNING", "ERROR"]
    assert "Gave up purging 2 URLs from proxy after 3 attempts" in failures[-1].getMessage()
