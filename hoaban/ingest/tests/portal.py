"""A stand-in for provincial portals: a threaded HTTP server on a free loopback port.

It serves the pages and feeds under fixtures/ (with "{{base}}" replaced by its own address),
draws the photos they show, and plays the misbehaving portal on a few paths: a slow answer, a
redirect loop, a 5 MB page, a page cut off mid-paragraph, pages in Windows-1258 labelled UTF-8
and the reverse, and text garbled at the source. Feeds answer conditional GETs, and every
request is logged.
"""

import hashlib
import io
import threading
import time
import unicodedata
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from PIL import Image

FIXTURES = Path(__file__).resolve().parent / "fixtures"
TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"
TYPES = {
    ".html": "text/html; charset=utf-8",
    ".xml": "application/xml; charset=utf-8",
    ".rss": "application/rss+xml; charset=utf-8",
    ".atom": "application/atom+xml; charset=utf-8",
    ".rdf": "application/rdf+xml; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
}


def to_windows_1258(text: str) -> bytes:
    """Windows-1258 spells most toned letters as a base letter plus a combining tone mark."""
    out = []
    for char in unicodedata.normalize("NFC", text):
        try:
            out.append(char.encode("cp1258"))
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", char)
            tones = "".join(c for c in parts if c in TONE_MARKS)
            base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in TONE_MARKS))
            out.append(base.encode("cp1258") + tones.encode("cp1258"))
    return b"".join(out)


def photo(name: str) -> bytes:
    shade = hashlib.md5(name.encode()).digest()
    buffer = io.BytesIO()
    Image.new("RGB", (64, 40), tuple(shade[:3])).save(buffer, "JPEG")
    return buffer.getvalue()


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        pass  # clients that give up on the slow page or the loop close their end early


class LoopbackPortal:
    """A threaded HTTP server on a free loopback port whose handler can reach the portal."""

    def _listen(self, handler_class: type[BaseHTTPRequestHandler]):
        handler = type("Handler", (handler_class,), {"portal": self})
        self.server = _Server(("127.0.0.1", 0), handler)
        self.base_url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def start(self):
        self.thread.start()
        return self

    def stop(self):
        self.server.shutdown()
        self.server.server_close()


class Portal(LoopbackPortal):
    def __init__(self, slow_seconds: float = 1.5):
        self.slow_seconds = slow_seconds
        self.requests: list[tuple[str, dict]] = []
        self._listen(_Handler)

    def url(self, path: str) -> str:
        return f"{self.base_url}/{path.lstrip('/')}"

    def fixture(self, path: str) -> str:
        return (FIXTURES / path).read_text(encoding="utf-8").replace("{{base}}", self.base_url)

    def requested(self, path: str) -> list[dict]:
        return [headers for seen, headers in self.requests if seen == path]


class _Handler(BaseHTTPRequestHandler):
    portal: Portal
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def do_GET(self):
        path = self.path.split("?")[0]
        self.portal.requests.append((path, dict(self.headers)))
        special = {
            "/robots.txt": self._robots,
            "/bad/slow.html": self._slow,
            "/bad/loop.html": self._loop,
            "/bad/big.html": self._big,
            "/bad/windows-1258-labelled-utf-8.html": self._windows_1258_as_utf8,
            "/bad/utf-8-labelled-windows-1258.html": self._utf8_as_windows_1258,
            "/bad/mojibake.html": self._mojibake,
            "/bad/flaky.html": self._flaky,
            "/bad/cut.html": self._cut,
        }.get(path)
        if special:
            return special()
        if path.endswith((".jpg", ".png")):
            return self._send(200, photo(path), "image/jpeg")
        file = (FIXTURES / path.lstrip("/")).resolve()
        if not file.is_relative_to(FIXTURES) or not file.is_file():
            return self._send(404, b"<html><body><h1>404 Not Found</h1></body></html>")
        body = self.portal.fixture(path.lstrip("/")).encode("utf-8")
        content_type = TYPES.get(file.suffix, "application/octet-stream")
        etag = f'"{hashlib.sha1(body).hexdigest()[:16]}"'
        if file.suffix != ".html" and self.headers.get("If-None-Match") == etag:
            return self._send(304, b"", content_type, etag=etag)
        self._send(200, body, content_type, etag=etag if file.suffix != ".html" else None)

    def _send(self, status, body, content_type="text/html; charset=utf-8", etag=None, **headers):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        if etag:
            self.send_header("ETag", etag)
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        self.end_headers()
        if status != 304:
            self.wfile.write(body)

    def _robots(self):
        self._send(200, b"User-agent: *\nDisallow: /private/\n", "text/plain")

    def _slow(self):
        time.sleep(self.portal.slow_seconds)
        self._send(200, b"<html><body><p>Qua cham.</p></body></html>")

    def _loop(self):
        self._send(302, b"", Location=self.portal.url("/bad/loop.html"))

    def _big(self):
        filler = "<p>Nội dung lặp lại để trang thật nặng.</p>\n" * 110_000
        self._send(200, f"<html><body>{filler}</body></html>".encode())

    def _flaky(self):
        if len(self.portal.requested("/bad/flaky.html")) % 2:
            return self._send(503, b"<html><body>Service Unavailable</body></html>")
        self._send(200, b"<html><body><p>Lan thu hai thi duoc.</p></body></html>")

    def _cut(self):
        """The connection dropped mid-paragraph: the page ends inside its third paragraph."""
        page = self.portal.fixture(
            "dienbien/tin-tuc/dien-bien-tang-cuong-hop-tac-voi-saint-petersburg-1203.html"
        )
        self._send(200, page[: page.index("du lịch, năng lượng")].encode("utf-8"))

    def _windows_1258_as_utf8(self):
        page = self.portal.fixture("bad/source-windows-1258.html")
        self._send(200, to_windows_1258(page), "text/html; charset=utf-8")

    def _utf8_as_windows_1258(self):
        page = self.portal.fixture("bad/source-utf-8.html")
        self._send(200, page.encode("utf-8"), "text/html; charset=windows-1258")

    def _mojibake(self):
        page = self.portal.fixture("bad/source-mojibake.html")
        garbled = page.encode("utf-8").decode("cp1252", errors="replace")
        self._send(200, garbled.encode("utf-8"), "text/html; charset=utf-8")
