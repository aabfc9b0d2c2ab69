"""One HTTP client for every request ingest makes: polite, bounded and retried.

Each request checks robots.txt (RFC 9309, read with urllib.robotparser), waits its turn per
host, is capped in time, size and redirects, and is retried on errors that are likely to pass
(timeouts, dropped connections, 429 and 5xx gateways). Feeds and list pages are fetched with
their last ETag / Last-Modified so an unchanged feed costs one 304.
"""

import time
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import httpx
from django.conf import settings
from django.utils.translation import gettext as _

TRANSIENT_STATUSES = {429, 500, 502, 503, 504}


class FetchError(Exception):
    """A request that could not be completed; the message says why, for the report."""


@dataclass
class Fetched:
    url: str
    status: int
    content: bytes
    headers: httpx.Headers

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";")[0].strip().lower()


class Fetcher:
    def __init__(
        self,
        *,
        user_agent: str | None = None,
        timeout: float | None = None,
        max_bytes: int | None = None,
        max_redirects: int | None = None,
        delay: float | None = None,
        retries: int | None = None,
        backoff: float | None = None,
        clock=time.monotonic,
        sleep=time.sleep,
    ):
        self.user_agent = user_agent or settings.HOABAN_INGEST_USER_AGENT
        self.timeout = timeout if timeout is not None else settings.HOABAN_INGEST_TIMEOUT
        self.max_bytes = max_bytes or settings.HOABAN_INGEST_MAX_PAGE_BYTES
        self.delay = delay if delay is not None else settings.HOABAN_INGEST_POLITENESS_DELAY
        self.retries = retries if retries is not None else settings.HOABAN_INGEST_RETRIES
        self.backoff = backoff if backoff is not None else settings.HOABAN_INGEST_RETRY_BACKOFF
        self.clock = clock
        self.sleep = sleep
        self.client = httpx.Client(
            headers={"User-Agent": self.user_agent},
            timeout=self.timeout,
            follow_redirects=True,
            max_redirects=max_redirects or settings.HOABAN_INGEST_MAX_REDIRECTS,
        )
        self._robots: dict[str, RobotFileParser] = {}
        self._next_turn: dict[str, float] = {}
        self._crawl_delays: dict[str, float] = {}

    def close(self):
        self.client.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def get(
        self, url: str, *, etag: str = "", last_modified: str = "", max_bytes: int | None = None
    ) -> Fetched:
        if not self.allowed(url):
            raise FetchError(_("robots.txt of %(host)s disallows %(url)s") % _names(url))
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        return self._get(url, headers=headers, max_bytes=max_bytes or self.max_bytes)

    def allowed(self, url: str) -> bool:
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        robots = self._robots.get(origin)
        if robots is None:
            robots = self._read_robots(origin)
            self._robots[origin] = robots
        return robots.can_fetch(self.user_agent, url)

    def _read_robots(self, origin: str) -> RobotFileParser:
        robots = RobotFileParser(urljoin(origin, "/robots.txt"))
        try:
            fetched = self._get(robots.url, headers={}, max_bytes=500_000, check_status=False)
        except FetchError:
            # RFC 9309 §2.3.1.4: an unreachable robots.txt means "assume complete disallow".
            robots.disallow_all = True
            return robots
        if fetched.status >= 500:
            robots.disallow_all = True
        elif fetched.status >= 400:
            robots.allow_all = True
        else:
            robots.parse(fetched.content.decode("utf-8", errors="replace").splitlines())
            crawl_delay = robots.crawl_delay(self.user_agent)
            if crawl_delay:
                self._crawl_delays[origin_host(origin)] = float(crawl_delay)
        return robots

    def _wait_turn(self, url: str):
        host = origin_host(url)
        now = self.clock()
        turn = self._next_turn.get(host, now)
        if turn > now:
            self.sleep(turn - now)
        delay = max(self.delay, self._crawl_delays.get(host, 0.0))
        self._next_turn[host] = max(turn, now) + delay

    def _get(self, url: str, *, headers: dict, max_bytes: int, check_status=True) -> Fetched:
        attempt = 0
        while True:
            self._wait_turn(url)
            try:
                fetched = self._read(url, headers=headers, max_bytes=max_bytes)
            except httpx.TooManyRedirects as error:
                raise FetchError(_("Too many redirects (a redirect loop?)")) from error
            except (httpx.TimeoutException, httpx.TransportError) as error:
                if attempt < self.retries:
                    attempt += 1
                    self.sleep(self.backoff * 2 ** (attempt - 1))
                    continue
                if isinstance(error, httpx.TimeoutException):
                    raise FetchError(
                        _("No answer within %(seconds)s seconds") % {"seconds": self.timeout}
                    ) from error
                raise FetchError(_("Connection failed: %(error)s") % {"error": error}) from error
            if fetched.status in TRANSIENT_STATUSES and attempt < self.retries:
                attempt += 1
                self.sleep(self.backoff * 2 ** (attempt - 1))
                continue
            if check_status and fetched.status >= 400:
                raise FetchError(_("HTTP %(status)s") % {"status": fetched.status})
            return fetched

    def _read(self, url: str, *, headers: dict, max_bytes: int) -> Fetched:
        with self.client.stream("GET", url, headers=headers) as response:
            declared = response.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > max_bytes:
                raise FetchError(_too_large(max_bytes))
            chunks, size = [], 0
            # Decoded bytes are counted, so a compressed bomb stops at the limit too.
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > max_bytes:
                    raise FetchError(_too_large(max_bytes))
                chunks.append(chunk)
            content = b"".join(chunks)
            return Fetched(str(response.url), response.status_code, content, response.headers)


def _too_large(max_bytes: int) -> str:
    return _("Larger than the %(size)s MB limit") % {"size": round(max_bytes / 1_000_000, 1)}


def origin_host(url: str) -> str:
    return urlsplit(url).netloc.lower()


def _names(url: str) -> dict:
    return {"host": origin_host(url), "url": url}
