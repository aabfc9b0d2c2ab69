"""Production: same code, real services, and no unsafe default survives."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import SECRET_KEY, env_bool

if not SECRET_KEY or SECRET_KEY.startswith(("dev-only", "test-only")) or len(SECRET_KEY) < 40:
    raise ImproperlyConfigured(
        "Set SECRET_KEY to a random string of at least 40 characters, e.g. "
        "python -c 'import secrets; print(secrets.token_urlsafe(50))'"
    )
if DEBUG:  # noqa: F405
    raise ImproperlyConfigured("DEBUG must be off in production: unset DEBUG or set DEBUG=0.")

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
CSRF_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))  # noqa: F405
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"
if env_bool("BEHIND_TLS_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
HOABAN_SERVE_MEDIA = env_bool("SERVE_MEDIA", False)
if REDIS_URL:  # noqa: F405
    SESSION_ENGINE = "django.contrib.sessions.backends.cache"
