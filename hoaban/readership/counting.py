"""Whether a beacon is a reader's read worth counting: not a robot, not a speculative load, not
another site's page, not the same client again within HOABAN_READ_DEDUP_SECONDS.

Nothing about the reader is stored. Repeats are recognised by a hash of the address and browser
with a random salt of the day; the hash lives only in the `readership` cache, for the
de-duplication window, and the salt only until the day ends, so no mark can be traced back
once either has expired.
"""

import hashlib
import re
import secrets
from datetime import datetime, timedelta

from django.conf import settings
from django.core.cache import caches
from django.utils import timezone

from hoaban.discussion.clients import client_ip, user_agent

# Crawlers, link previewers, monitors, HTTP libraries and automated browsers name themselves.
# (Zalo's and Facebook's in-app browsers are readers: only their link previewers are listed.)
ROBOT = re.compile(
    r"bot\b|bot/|crawl|spider|slurp|preview|headless|lighthouse|phantomjs|puppeteer|playwright"
    r"|selenium|python|curl|wget|httpclient|okhttp|java/|go-http|node-fetch|axios|scrapy"
    r"|facebookexternalhit|pingdom|uptime|monitor|validator|archiver",
    re.IGNORECASE,
)
# Headers browsers send when they load a page the reader has not opened (yet).
SPECULATIVE = ("HTTP_SEC_PURPOSE", "HTTP_PURPOSE", "HTTP_X_PURPOSE", "HTTP_X_MOZ")


def readership_cache():
    return caches["readership"]


def is_robot(agent: str) -> bool:
    return not agent or bool(ROBOT.search(agent))


def is_speculative(request) -> bool:
    """A prefetch or prerender (the script itself waits for a prerendered page to be shown)."""
    return any(
        word in request.META.get(header, "").lower()
        for header in SPECULATIVE
        for word in ("prefetch", "prerender", "preview")
    )


def is_cross_site(request) -> bool:
    """Sent from another site's page: browsers say so in Sec-Fetch-Site, so other sites cannot
    have their visitors' browsers inflate a story's count."""
    return request.META.get("HTTP_SEC_FETCH_SITE", "") == "cross-site"


def salt_lifetime(now: datetime) -> int:
    """Seconds the day's salt is kept: until midnight UTC, plus the de-duplication window for
    the marks made just before it."""
    midnight = now.replace(hour=0, minute=0, second=0, microsecond=0) + timedelta(days=1)
    return int((midnight - now).total_seconds()) + settings.HOABAN_READ_DEDUP_SECONDS


def salt_of_the_day(now: datetime | None = None) -> str:
    """A random salt shared by every app-server process, replaced at midnight UTC; it expires
    with its day (plus the de-duplication window), after which no hash made with it can be
    matched to an address again."""
    now = now or timezone.now()
    cache = readership_cache()
    key = f"salt:{now.date().isoformat()}"
    cache.add(key, secrets.token_hex(16), timeout=salt_lifetime(now))
    # Read back: another process may have added its salt first; theirs is the day's salt.
    return cache.get(key) or ""


def client_mark(request, article_id: int, now: datetime | None = None) -> str:
    salt = salt_of_the_day(now)
    material = f"{salt}\n{client_ip(request)}\n{user_agent(request)}\n{article_id}"
    return hashlib.sha256(material.encode()).hexdigest()[:32]


def first_read_in_window(request, article_id: int, now: datetime | None = None) -> bool:
    """True once per client and story within the de-duplication window (an atomic add on
    Redis; on files, as near as two processes writing the same file at once allows)."""
    mark = client_mark(request, article_id, now)
    return readership_cache().add(f"seen:{mark}", 1, timeout=settings.HOABAN_READ_DEDUP_SECONDS)


def should_count(request, article_id: int) -> bool:
    if is_robot(user_agent(request)) or is_speculative(request) or is_cross_site(request):
        return False
    return first_read_in_window(request, article_id)
