"""Settings shared by every environment.

Everything that differs between machines is read from the environment, so one code base runs
as the embedded default (SQLite, local files, in-process cache) and in production (PostgreSQL,
Redis) without edits. No secret lives here: dev.py and test.py set throwaway ones, and
production.py refuses to start without real ones.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from hoaban.core.public_url import normalised_base_url

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent
VAR_DIR = Path(os.environ.get("HOABAN_VAR_DIR", BASE_DIR / "var"))


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "hoaban.core",
    "hoaban.images",
    "hoaban.people",
    "hoaban.home",
    "hoaban.sections",
    "hoaban.articles",
    "hoaban.topics",
    "hoaban.discussion",
    "hoaban.feeds",
    "hoaban.seo",
    "hoaban.api",
    "hoaban.demo",
    "hoaban.ingest",
    "hoaban.republishing",
    "hoaban.translation",
    "hoaban.security",
    "hoaban.operations",
    "hoaban.pagecache",
    "hoaban.search",
    "hoaban.tagging",
    "hoaban.readership",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.routable_page",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    # Only for the Swagger UI files it ships, so /api/v1/docs/ loads nothing from a CDN.
    "ninja",
    "corsheaders",
    "django_tasks",
    "django_tasks_db",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "health_check",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "hoaban.security.csp.SitePolicyMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before sessions and auth: a cached page is answered without touching either.
    "hoaban.pagecache.middleware.PageCacheMiddleware",
    "hoaban.core.per_request.PerRequestMiddleware",
    "hoaban.core.sites.CurrentSiteMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "hoaban.api.middleware.ApiAwareLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "hoaban.pagecache.middleware.AnonymousReaderMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "hoaban.api.middleware.ReadApiMiddleware",
    # Last, as django-axes asks: it turns a lockout raised during login into its response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "hoaban.urls"
WSGI_APPLICATION = "hoaban.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# Database: SQLite (WAL) by default, anything dj-database-url understands via DATABASE_URL.
# PostgreSQL keeps one persistent connection per worker thread (DB_CONN_MAX_AGE seconds), or,
# with DB_POOL=1, a psycopg pool per process (DB_POOL_MIN/DB_POOL_MAX connections); Django
# refuses persistent connections together with a pool, so the pool sets the age to 0.
DATABASE_URL = os.environ.get("DATABASE_URL", "")
if DATABASE_URL:
    DB_POOL = env_bool("DB_POOL", False)
    DATABASES = {
        "default": dj_database_url.parse(
            DATABASE_URL,
            conn_max_age=0 if DB_POOL else int(os.environ.get("DB_CONN_MAX_AGE", "60")),
            conn_health_checks=not DB_POOL,
        )
    }
    if DB_POOL and DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
        DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {
            "min_size": int(os.environ.get("DB_POOL_MIN", "2")),
            "max_size": int(os.environ.get("DB_POOL_MAX", "10")),
            "timeout": 10,
        }
else:
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    # Persistent too: opening the file costs three pragmas, and closing the last connection
    # checkpoints the WAL, several milliseconds on every request otherwise.
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": VAR_DIR / "db.sqlite3",
            "CONN_MAX_AGE": int(os.environ.get("DB_CONN_MAX_AGE", "60")),
            "CONN_HEALTH_CHECKS": True,
        }
    }
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers run beside one writer; IMMEDIATE transactions take the write lock up
    # front so concurrent writers queue on the busy timeout instead of failing mid-transaction.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "timeout": 20,
            "transaction_mode": "IMMEDIATE",
            "init_command": (
                "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"
            ),
        }
    )

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Caches. "default" holds small shared values, "pages" the full-page cache for anonymous
# readers (hoaban.pagecache), "sessions" editors' sessions. With REDIS_URL all three live in
# Redis under separate prefixes (clearing pages never logs anyone out); without it, in-process
# memory, and files under var/cache for the page cache, which every app-server process must
# share (a purge in one must reach all). Renditions and page fragments stay in each process.
REDIS_URL = os.environ.get("REDIS_URL", "")
CACHE_KEY_PREFIX = os.environ.get("CACHE_KEY_PREFIX", "hoaban")


def redis_cache(name: str) -> dict:
    return {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": f"{CACHE_KEY_PREFIX}:{name}",
        "OPTIONS": {
            "CLIENT_CLASS": "django_redis.client.DefaultClient",
            "SOCKET_CONNECT_TIMEOUT": 2,
            "SOCKET_TIMEOUT": 2,
            # Every cache fails open: a Redis that is down means slower pages (a miss on each
            # read, writes dropped), never errors. /healthz says it is down (core/health.py).
            "IGNORE_EXCEPTIONS": True,
            # ...and a Redis that hangs is skipped after its first timeout, not waited on for
            # each call (hoaban.core.redis_breaker).
            "REDIS_CLIENT_CLASS": "hoaban.core.redis_breaker.GuardedRedis",
        },
    }


# Seconds the caches skip Redis after a failure before one command tries it again.
HOABAN_REDIS_BREAKER_COOLDOWN = float(os.environ.get("REDIS_BREAKER_COOLDOWN", "10"))


if REDIS_URL:
    CACHES = {
        "default": redis_cache("default"),
        "pages": redis_cache("pages"),
        "sessions": redis_cache("sessions"),
        "readership": redis_cache("readership"),
    }
    # Sessions are written to the database as well and read from it on a cache miss, so
    # editors stay signed in, and can sign in, while Redis is away.
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    SESSION_CACHE_ALIAS = "sessions"
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "hoaban",
        },
        "pages": {
            "BACKEND": "hoaban.pagecache.filestore.PageFileCache",
            "LOCATION": VAR_DIR / "cache" / "pages",
            "OPTIONS": {"MAX_ENTRIES": 20_000},
        },
        # Most-read de-duplication marks and the day's salt (hoaban.readership): shared by
        # every app-server process, as the page cache is.
        "readership": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": VAR_DIR / "cache" / "readership",
            "OPTIONS": {"MAX_ENTRIES": 50_000},
        },
    }

# Wagtail's renditions cache, in each process's memory with or without Redis: Wagtail reads it
# for every photo it shows outside a listing and writes what it found back on every render
# (two Redis round trips per photo, several file writes), while a rendition, keyed on its
# image's file hash, never changes once made; a process asks the database once an hour.
CACHES["renditions"] = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "renditions",
    "TIMEOUT": 3600,
    "OPTIONS": {"MAX_ENTRIES": 20_000},
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Internationalisation: Vietnamese first, then the English and Russian editions.
LANGUAGE_CODE = "vi"
LANGUAGES = [
    ("vi", "Tiếng Việt"),
    ("en", "English"),
    ("ru", "Русский"),
]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
# The project's own text, then Vietnamese and Russian for Wagtail's own admin text that its
# catalogues lack (docs/translation.md).
LOCALE_PATHS = [PROJECT_DIR / "locale", PROJECT_DIR / "wagtail_locale"]
# A new translation starts as a draft even when its source is live: publishing it is an
# editor's decision, so an edition never shows a page still in the source language.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", VAR_DIR / "static"))
STATICFILES_DIRS = [PROJECT_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Uploaded media on local disk (MEDIA_ROOT) or, with MEDIA_STORAGE=s3, in any S3-compatible
# bucket through django-storages; boto3 reads the usual AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY.
MEDIA_STORAGE = os.environ.get("MEDIA_STORAGE", "local")
if MEDIA_STORAGE == "s3":
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ.get("S3_BUCKET", ""),
            "endpoint_url": os.environ.get("S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("S3_REGION") or None,
            "custom_domain": os.environ.get("S3_CUSTOM_DOMAIN") or None,
            "location": os.environ.get("S3_PREFIX", "media"),
            "file_overwrite": False,
            "querystring_auth": env_bool("S3_SIGNED_URLS", False),
        },
    }
elif MEDIA_STORAGE != "local":
    raise ValueError(f"MEDIA_STORAGE must be 'local' or 's3', not {MEDIA_STORAGE!r}.")

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Background work goes through Django's task framework; production.py names a worker backend.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

# The address readers reach the site at, scheme, host and port: every absolute URL (sitemaps,
# feeds, API, canonical and share links) is built from it (hoaban.core.public_url). The default
# is `make run`'s; production.py insists on one.
try:
    HOABAN_PUBLIC_BASE_URL = normalised_base_url(
        os.environ.get("PUBLIC_BASE_URL") or "http://127.0.0.1:8000"
    )
except ValueError as error:
    raise ImproperlyConfigured(f"PUBLIC_BASE_URL: {error}") from None

# Wagtail
WAGTAIL_SITE_NAME = "Hoa Ban"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", HOABAN_PUBLIC_BASE_URL)
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILIMAGES_IMAGE_MODEL = "images.NewsImage"
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
# webm and mp4: video files an article plays itself (ArticlePage.video_file).
WAGTAILDOCS_EXTENSIONS = [
    *("csv", "docx", "mp4", "odt", "pdf", "pptx", "rtf", "txt", "webm", "xlsx", "zip"),
]
# The database backend (SQLite FTS5 or PostgreSQL); OpenSearch/Elasticsearch can replace it
# (docs/search.md). "simple": the index holds folded Vietnamese and Russian, which an English
# stemmer and stop-word list (PostgreSQL's usual default) would mangle ("do" is Đô).
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "hoaban.search.backends", "SEARCH_CONFIG": "simple"}
}
WAGTAILEMBEDS_FINDERS = [
    {"class": "hoaban.core.embeds.OfflineVideoFinder"},
    {"class": "wagtail.embeds.finders.oembed"},
]
# Tag URLs in ASCII like page slugs ("Điện Biên" → /tags/dien-bien/).
TAGGIT_STRIP_UNICODE_WHEN_SLUGIFYING = True
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAIL_MODERATION_ENABLED = True
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
# Dates are typed in the admin user's language (hoaban/formats: vi dd/mm/yyyy, ru dd.mm.yyyy,
# en ISO), and page forms' pickers follow it (hoaban.core.forms). Pickers Wagtail builds
# elsewhere (listing filters) write ISO, which every language reads the same way.
FORMAT_MODULE_PATH = ["hoaban.formats"]
WAGTAIL_DATE_FORMAT = "%Y-%m-%d"
WAGTAIL_DATETIME_FORMAT = "%Y-%m-%d %H:%M"

# Machine translation gives editors a first draft (wagtail-localize's "Machine translate").
# MACHINE_TRANSLATOR: argos (offline, the language packages installed here), libretranslate
# (a self-hosted server), deepl, google (needs google-cloud-translate), demo (the demo's own
# translation memory; the default of settings.dev) or none.
MACHINE_TRANSLATOR = os.environ.get("MACHINE_TRANSLATOR", "argos").strip().lower()
_MACHINE_TIMEOUT = float(os.environ.get("MACHINE_TRANSLATOR_TIMEOUT", "30"))
# Argos language packages live in the project's own folder (the library reads the same
# variable), so `manage.py install_translation_packages` and the server agree on them.
ARGOS_PACKAGES_DIR = Path(os.environ.get("ARGOS_PACKAGES_DIR", VAR_DIR / "argos-packages"))
os.environ.setdefault("ARGOS_PACKAGES_DIR", str(ARGOS_PACKAGES_DIR))
ARGOS_PACKAGE_INDEX = os.environ.get(
    "ARGOS_PACKAGE_INDEX", "https://raw.githubusercontent.com/argosopentech/argospm-index/main/"
)
MACHINE_TRANSLATORS = {
    "demo": {"CLASS": "hoaban.translation.backends.demo.DemoTranslator", "OPTIONS": {}},
    "argos": {
        "CLASS": "hoaban.translation.backends.argos.ArgosTranslator",
        "OPTIONS": {"PIVOT": os.environ.get("ARGOS_PIVOT_LANGUAGE", "en")},
    },
    "libretranslate": {
        "CLASS": "hoaban.translation.backends.http.LibreTranslate",
        "OPTIONS": {
            "LIBRETRANSLATE_URL": os.environ.get("LIBRETRANSLATE_URL", "http://127.0.0.1:5000"),
            "API_KEY": os.environ.get("LIBRETRANSLATE_API_KEY", ""),
            "TIMEOUT": _MACHINE_TIMEOUT,
        },
    },
    "deepl": {
        "CLASS": "hoaban.translation.backends.http.DeepL",
        "OPTIONS": {
            "AUTH_KEY": os.environ.get("DEEPL_AUTH_KEY", ""),
            "API_URL": os.environ.get("DEEPL_API_URL", ""),
            "TIMEOUT": _MACHINE_TIMEOUT,
        },
    },
    "google": {
        "CLASS": "wagtail_localize.machine_translators.google.GoogleCloudTranslator",
        "OPTIONS": {
            "CREDENTIALS_PATH": os.environ.get("GOOGLE_APPLICATION_CREDENTIALS", ""),
            "PROJECT_ID": os.environ.get("GOOGLE_CLOUD_PROJECT", ""),
        },
    },
}
if MACHINE_TRANSLATOR not in {*MACHINE_TRANSLATORS, "none"}:
    raise ValueError(
        f"MACHINE_TRANSLATOR={MACHINE_TRANSLATOR!r}: use one of "
        f"{', '.join(sorted(MACHINE_TRANSLATORS))} or none"
    )
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = MACHINE_TRANSLATORS.get(MACHINE_TRANSLATOR)
# Full-page cache for anonymous readers (hoaban.pagecache): how long a page may be served
# from the cache (the app server's and a proxy's) before it is rendered again, and how long
# browsers may keep it. Publishing purges at once; the time bounds only what no publish
# announces, such as the "recent news" rail on older articles.
HOABAN_PAGE_CACHE = env_bool("PAGE_CACHE", True)
HOABAN_PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "300"))
HOABAN_BROWSER_CACHE_SECONDS = int(os.environ.get("BROWSER_CACHE_SECONDS", "60"))

# Purging a caching proxy or CDN when pages change (wagtail.contrib.frontend_cache): an HTTP
# PURGE to Varnish with deploy/varnish/hoaban.vcl (FRONTEND_CACHE_URL, e.g.
# http://127.0.0.1:6081), and/or Cloudflare or CloudFront by their identifiers.
WAGTAILFRONTENDCACHE = {}
if os.environ.get("FRONTEND_CACHE_URL"):
    WAGTAILFRONTENDCACHE["proxy"] = {
        # Wagtail's, retried while Varnish is unreachable (hoaban.pagecache.frontend).
        "BACKEND": "hoaban.pagecache.frontend.HTTPBackend",
        "LOCATION": os.environ["FRONTEND_CACHE_URL"],
    }
if os.environ.get("CLOUDFLARE_ZONE_ID"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "ZONEID": os.environ["CLOUDFLARE_ZONE_ID"],
        "BEARER_TOKEN": os.environ.get("CLOUDFLARE_BEARER_TOKEN", ""),
    }
if os.environ.get("CLOUDFRONT_DISTRIBUTION_ID"):
    WAGTAILFRONTENDCACHE["cloudfront"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
        "DISTRIBUTION_ID": os.environ["CLOUDFRONT_DISTRIBUTION_ID"],
    }
# Every edition has its own URLs (/vi/, /en/, /ru/): purge each URL as it is, not once per
# language as Wagtail does for sites that serve one page under every language prefix.
WAGTAILFRONTENDCACHE_LANGUAGES = []
# A purge the proxy did not take (Varnish restarting) is tried again after 1, 2, 4 … seconds.
HOABAN_PURGE_RETRIES = 8
HOABAN_PURGE_RETRY_BACKOFF = 1.0

# Site behaviour
HOABAN_PAGE_SIZE = 20
HOABAN_RECENT_NEWS_COUNT = 8
# Most read (hoaban.readership, docs/most-read.md): stories per rail, how long one client's
# repeated reads of a story count once, and how often buffered counts (Redis) are written out.
HOABAN_MOST_READ_COUNT = int(os.environ.get("MOST_READ_COUNT", "5"))
HOABAN_READ_DEDUP_SECONDS = int(os.environ.get("READ_DEDUP_SECONDS", "1800"))
HOABAN_READ_FLUSH_SECONDS = int(os.environ.get("READ_FLUSH_SECONDS", "60"))
# Items per RSS/Atom feed.
HOABAN_FEED_SIZE = 30

# Logs go to stderr, one line per record: plain text by default, JSON objects with
# LOG_FORMAT=json (production's default) for log collectors.
LOG_FORMAT = os.environ.get("LOG_FORMAT", "plain")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"},
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s %(process)d",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
        },
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": LOG_FORMAT}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        # One line per background task and page action is noise at INFO.
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
        # httpx logs every request at INFO; ingest reports what matters itself.
        "httpx": {"level": "WARNING"},
    },
}

# Syndication (hoaban.ingest): how the fetcher identifies itself and how far it goes.
HOABAN_INGEST_USER_AGENT = os.environ.get(
    "INGEST_USER_AGENT", f"HoaBan-Ingest/1.0 (+{WAGTAILADMIN_BASE_URL})"
)
HOABAN_INGEST_TIMEOUT = float(os.environ.get("INGEST_TIMEOUT", "20"))  # seconds per request
HOABAN_INGEST_RETRIES = 2  # more tries after a timeout, a dropped connection, 429 or 5xx
HOABAN_INGEST_RETRY_BACKOFF = 2.0  # seconds before the first retry, doubled each time
HOABAN_INGEST_POLITENESS_DELAY = float(os.environ.get("INGEST_DELAY", "2"))  # per host
HOABAN_INGEST_MAX_REDIRECTS = 5
HOABAN_INGEST_MAX_PAGE_BYTES = 3_000_000
HOABAN_INGEST_MAX_IMAGE_BYTES = 12_000_000
# Near-duplicates: Jaccard similarity of 3-word shingles at or above which two texts are one
# story, estimated with MinHash; originals older than the window are no longer compared.
HOABAN_INGEST_NEAR_DUPLICATE_THRESHOLD = 0.7
# Stories shorter than this (in words) are also compared sentence by sentence (dedup.py).
HOABAN_INGEST_SHORT_STORY_WORDS = 200
HOABAN_INGEST_SHINGLE_WORDS = 3
HOABAN_INGEST_MINHASH_PERMUTATIONS = 128
HOABAN_INGEST_DEDUP_WINDOW_DAYS = 90

# Reader comments (hoaban.discussion). The first four are starting values for each site's
# Settings > Comments, which editors change in the admin; the rest are server limits.
HOABAN_COMMENTS_AUTO_APPROVE = env_bool("COMMENTS_AUTO_APPROVE", False)
# 0 keeps comments open for good; newsrooms often close them after 30 days.
HOABAN_COMMENTS_CLOSE_AFTER_DAYS = int(os.environ.get("COMMENTS_CLOSE_AFTER_DAYS", "0"))
HOABAN_COMMENTS_MAX_LINKS = int(os.environ.get("COMMENTS_MAX_LINKS", "2"))
HOABAN_COMMENTS_BANNED_WORDS = env_list("COMMENTS_BANNED_WORDS")
# Seconds between getting the form's token and posting; a faster comment (a script, or a reader
# pasting a prepared text) is kept but waits for an editor even when auto-approve is on.
HOABAN_COMMENTS_MIN_SECONDS = float(os.environ.get("COMMENTS_MIN_SECONDS", "3"))
# Comments per address and per article within the window; 0 lifts a limit.
HOABAN_COMMENTS_IP_LIMIT = int(os.environ.get("COMMENTS_IP_LIMIT", "5"))
HOABAN_COMMENTS_ARTICLE_LIMIT = int(os.environ.get("COMMENTS_ARTICLE_LIMIT", "60"))
HOABAN_COMMENTS_RATE_WINDOW = int(os.environ.get("COMMENTS_RATE_WINDOW", "600"))
# Key for the comment IP hashes; SECRET_KEY when empty.
HOABAN_COMMENTS_IP_SECRET = os.environ.get("COMMENTS_IP_SECRET", "")
# A request header set by the trusted proxy in front with the reader's address, as Django
# names it (e.g. HTTP_X_REAL_IP); empty uses REMOTE_ADDR.
HOABAN_CLIENT_IP_HEADER = os.environ.get("CLIENT_IP_HEADER", "")

# Where the editors' admin lives; a less obvious path keeps casual scanners off it.
HOABAN_ADMIN_PATH = os.environ.get("ADMIN_PATH", "admin/").strip("/") + "/"
# Serve uploaded media from Django itself (embedded default only).
HOABAN_SERVE_MEDIA = env_bool("SERVE_MEDIA", True)

# Read API: any origin may read it from a browser; nothing else crosses origins.
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_ALLOW_CREDENTIALS = False
CORS_EXPOSE_HEADERS = ["ETag", "Last-Modified"]
CORS_PREFLIGHT_MAX_AGE = 24 * 60 * 60

from .security import *  # noqa: E402, F403
