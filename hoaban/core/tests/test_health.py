import json
import socket

import pytest
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder
from health_check.exceptions import ServiceUnavailable

from hoaban.core.health import MigrationsApplied
from hoaban.settings.base import redis_cache


@pytest.mark.django_db
def test_healthz_reports_database_and_caches_reachable_as_json(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    results = json.loads(response.content)
    assert set(results.values()) == {"OK"}
    assert any(name.startswith("Database") for name in results)
    assert any("pages" in name for name in results)
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_healthz_names_an_unreachable_cache_and_still_answers_200(client, settings):
    # Redis at an address nobody listens on, failing open as production configures it.
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    settings.REDIS_URL = f"redis://127.0.0.1:{port}/0"
    settings.CACHES = {**settings.CACHES, "pages": redis_cache("pages")}
    settings.CACHES["pages"]["LOCATION"] = settings.REDIS_URL

    response = client.get("/healthz")

    results = json.loads(response.content)
    assert response.status_code == 200
    assert results["Cache(alias='pages')"] != "OK"
    assert results["Cache(alias='default')"] == "OK"
    assert [value for name, value in results.items() if name.startswith("Database")] == ["OK"]


@pytest.mark.django_db
def test_readyz_is_ready_when_migrations_are_applied_and_storage_writable(
    client, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path

    response = client.get("/readyz/")

    assert response.status_code == 200, response.content
    assert json.loads(response.content)["MigrationsApplied(alias='default')"] == "OK"


@pytest.mark.django_db
def test_readiness_fails_while_a_migration_is_unapplied():
    # The newest migration of an app, as when new code is deployed before `migrate` ran.
    app, name = MigrationLoader(connection).graph.leaf_nodes("articles")[0]
    MigrationRecorder(connection).migration_qs.filter(app=app, name=name).delete()

    with pytest.raises(ServiceUnavailable, match="1 migration"):
        MigrationsApplied().run()
