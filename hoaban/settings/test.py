"""Tests: fast hashing, immediate tasks, no manifest needed for static files."""

import os

from .base import *  # noqa: F403
from .base import env_bool, normalised_base_url

SECRET_KEY = "test-only-secret-key"
DEBUG = False
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
WAGTAILADMIN_BASE_URL = "http://testserver"
# The test client's host, unless a real server under test says its own (e2e.server).
HOABAN_PUBLIC_BASE_URL = normalised_base_url(os.environ.get("PUBLIC_BASE_URL", "http://testserver"))
# Serve static files straight from the apps' folders: no collectstatic before tests.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Ingest tests talk to a loopback server: no politeness wait, short timeouts and backoff.
HOABAN_INGEST_POLITENESS_DELAY = 0
HOABAN_INGEST_TIMEOUT = 0.5
HOABAN_INGEST_RETRIES = 1
HOABAN_INGEST_RETRY_BACKOFF = 0.01
HOABAN_PURGE_RETRY_BACKOFF = 0.01
# Django's test client logs in without a request, which django-axes refuses; the lockout tests
# switch it on for themselves, and a LiveSite can with AXES_ENABLED=1.
AXES_ENABLED = env_bool("AXES_ENABLED", False)

# Tests run what production runs: the page cache on (every test starts with empty caches,
# conftest.py). A test that needs it off says why.
HOABAN_PAGE_CACHE = env_bool("PAGE_CACHE", True)
# On a shared Redis every test process (and every e2e server) gets its own key space, so
# cached site paths or pages of one test database are never read by another.
_prefix = os.environ.get("CACHE_KEY_PREFIX") or (
    f"hoaban-test-{os.environ.get('PYTEST_XDIST_WORKER', 'main')}"
)
if not REDIS_URL and "HOABAN_VAR_DIR" not in os.environ:  # noqa: F405
    # Unit tests keep pages in their process's memory, emptied before each test. A server
    # given a folder of its own (e2e) keeps them in files there, as production does, so its
    # workers see each other's purges.
    CACHES["pages"] = {  # noqa: F405
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "pages",
    }
    # Likewise the most-read marks: test workers would clear each other's files.
    CACHES["readership"] = {  # noqa: F405
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "readership",
    }
for _alias, _cache in CACHES.items():  # noqa: F405
    _cache["KEY_PREFIX"] = f"{_prefix}:{_alias}"
