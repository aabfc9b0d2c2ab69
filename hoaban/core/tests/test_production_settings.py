"""The production profile, built the way a server builds it: a fresh process and its environment."""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
SECRET = secrets.token_urlsafe(50)

PRINT_SETTINGS = """
import json, django
django.setup()
from django.conf import settings
from django.core.files.storage import storages
print(json.dumps({
    "db": settings.DATABASES["default"],
    "caches": {alias: cfg["BACKEND"] for alias, cfg in settings.CACHES.items()},
    "fail_open": {
        alias: cfg.get("OPTIONS", {}).get("IGNORE_EXCEPTIONS", False)
        for alias, cfg in settings.CACHES.items()
    },
    "session_engine": settings.SESSION_ENGINE,
    "storage": type(storages["default"]).__name__,
    "media_url": storages["default"].url("photos/khen.jpg"),
    "log_formatter": settings.LOGGING["handlers"]["console"]["formatter"],
    "purge": settings.WAGTAILFRONTENDCACHE,
}, default=str))
"""


def run_with(env: dict, code: str, settings_module="hoaban.settings.production"):
    clean = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL"}}
    clean.update(
        {
            "DJANGO_SETTINGS_MODULE": settings_module,
            "SECRET_KEY": SECRET,
            "PUBLIC_BASE_URL": "https://baodienbienphu.example",
            **env,
        }
    )
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=clean, capture_output=True, text=True
    )


def production_settings(**env) -> dict:
    result = run_with(env, PRINT_SETTINGS)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_postgres_with_pool_uses_a_psycopg_pool_instead_of_persistent_connections():
    loaded = production_settings(
        DATABASE_URL="postgres://news@db.internal:5432/hoaban", DB_POOL="1", DB_POOL_MAX="16"
    )

    assert loaded["db"]["ENGINE"] == "django.db.backends.postgresql"
    assert loaded["db"]["OPTIONS"]["pool"]["max_size"] == 16
    assert loaded["db"]["CONN_MAX_AGE"] == 0


def test_postgres_without_pool_keeps_persistent_health_checked_connections():
    loaded = production_settings(DATABASE_URL="postgres://news@db.internal:5432/hoaban")

    assert loaded["db"]["CONN_MAX_AGE"] == 60
    assert loaded["db"]["CONN_HEALTH_CHECKS"] is True
    assert "pool" not in loaded["db"].get("OPTIONS", {})


def test_redis_holds_cache_pages_and_sessions():
    loaded = production_settings(REDIS_URL="redis://cache.internal:6379/0")

    # readership: the most-read counts and their de-duplication marks, shared by every worker.
    shared = {"default", "pages", "sessions", "readership"}
    assert {alias for alias, backend in loaded["caches"].items() if "Redis" in backend} == shared
    # Renditions never change once made: each process keeps its own, no round trip.
    assert loaded["caches"]["renditions"].endswith("LocMemCache")
    # Redis going away costs speed, never a page or a sign-in: every Redis cache fails open and
    # sessions are also kept in the database.
    assert all(loaded["fail_open"][alias] for alias in shared)
    assert loaded["session_engine"] == "django.contrib.sessions.backends.cached_db"


def test_embedded_default_shares_the_page_cache_between_processes_through_files():
    loaded = production_settings()

    assert loaded["db"]["ENGINE"] == "django.db.backends.sqlite3"
    assert loaded["db"]["CONN_MAX_AGE"] == 60  # reopening a WAL database costs milliseconds
    assert loaded["caches"]["pages"] == "hoaban.pagecache.filestore.PageFileCache"
    assert loaded["session_engine"] == "django.contrib.sessions.backends.db"


def test_media_can_live_in_an_s3_compatible_bucket():
    # boto3 is the optional `s3` extra; its pins clash with the ingest extractor's.
    pytest.importorskip("boto3")
    loaded = production_settings(
        MEDIA_STORAGE="s3", S3_BUCKET="hoaban-media", S3_CUSTOM_DOMAIN="media.hoaban.example"
    )

    assert loaded["storage"] == "S3Storage"
    assert loaded["media_url"] == "https://media.hoaban.example/media/photos/khen.jpg"


def test_unknown_media_storage_is_refused_with_the_accepted_values():
    result = run_with({"MEDIA_STORAGE": "ftp"}, PRINT_SETTINGS)

    assert result.returncode != 0
    assert "MEDIA_STORAGE must be 'local' or 's3'" in result.stderr


def test_production_logs_one_json_object_per_line():
    code = (
        "import django, logging; django.setup(); "
        "logging.getLogger('hoaban').warning('Điện Biên: trang chủ chậm')"
    )
    result = run_with({}, code)

    record = json.loads(result.stderr.strip().splitlines()[-1])
    assert record["message"] == "Điện Biên: trang chủ chậm"
    assert record["level"] == "WARNING"
    assert record["logger"] == "hoaban"


def test_frontend_cache_purges_the_proxy_named_by_setting():
    loaded = production_settings(FRONTEND_CACHE_URL="http://127.0.0.1:6081")

    assert loaded["purge"]["proxy"]["LOCATION"] == "http://127.0.0.1:6081"


@pytest.mark.parametrize("extra", [{}, {"DATABASE_URL": "postgres://news@db:5432/hoaban"}])
def test_check_deploy_is_clean_in_production(extra):
    env = {"ALLOWED_HOSTS": "baodienbienphu.example", **extra}
    code = (
        "import sys; from django.core.management import execute_from_command_line; "
        "execute_from_command_line(['manage.py', 'check', '--deploy', '--fail-level', 'WARNING'])"
    )
    result = run_with(env, code)

    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
