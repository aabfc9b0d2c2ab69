"""Production: same code, real services, and no unsafe default survives."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import HOABAN_PUBLIC_BASE_URL, LOGGING, SECRET_KEY, env_bool

if not SECRET_KEY or SECRET_KEY.startswith(("dev-only", "test-only")) or len(SECRET_KEY) < 50:
    raise ImproperlyConfigured(
        "Set SECRET_KEY to a random string of at least 50 characters, e.g. "
        "python -c 'import secrets; print(secrets.token_urlsafe(50))'"
    )
if DEBUG:  # noqa: F405
    raise ImproperlyConfigured("DEBUG must be off in production: unset DEBUG or set DEBUG=0.")

if not os.environ.get("PUBLIC_BASE_URL", "").strip():  # noqa: F405
    raise ImproperlyConfigured(
        "Set PUBLIC_BASE_URL to the address readers use, e.g. https://baodienbienphu.example: "
        "sitemaps, feeds and share links are built from it."
    )
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

from .https import *  # noqa: E402, F403

if SECURE_SSL_REDIRECT and HOABAN_PUBLIC_BASE_URL.startswith("http://"):  # noqa: F405
    raise ImproperlyConfigured(
        f"PUBLIC_BASE_URL={HOABAN_PUBLIC_BASE_URL} is plain HTTP while every request is "
        "redirected to HTTPS: use https://, or set SECURE_SSL_REDIRECT=0."
    )

# Health probes come over plain HTTP from the load balancer, not through the TLS front.
SECURE_REDIRECT_EXEMPT = [r"^healthz/?$", r"^readyz/?$"]
HOABAN_SERVE_MEDIA = env_bool("SERVE_MEDIA", False)

# Log collectors read one JSON object per line.
LOGGING["handlers"]["console"]["formatter"] = os.environ.get("LOG_FORMAT", "json")  # noqa: F405
