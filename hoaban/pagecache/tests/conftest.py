import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest


class PurgeRecorder(BaseHTTPRequestHandler):
    """A proxy that records the PURGE requests it is sent: (Host, path)."""

    seen: list

    def do_PURGE(self):  # noqa: N802 - HTTP method name
        self.seen.append((self.headers["Host"], self.path))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


def start_proxy(port: int = 0) -> tuple[ThreadingHTTPServer, list]:
    PurgeRecorder.seen = []
    server = ThreadingHTTPServer(("127.0.0.1", port), PurgeRecorder)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, PurgeRecorder.seen


def proxy_at(port: int) -> dict:
    """WAGTAILFRONTENDCACHE for a Varnish at `port`, as settings build it."""
    return {
        "proxy": {
            "BACKEND": "hoaban.pagecache.frontend.HTTPBackend",
            "LOCATION": f"http://127.0.0.1:{port}",
        }
    }


@pytest.fixture
def purge_listener():
    server, seen = start_proxy()
    yield server, seen
    server.shutdown()
    server.server_close()


@pytest.fixture
def purges():
    """The events announced, each with what the map purges for it, worked out at once (as the
    page cache does: what a deletion or a move names is gone afterwards)."""
    from hoaban.core import events
    from hoaban.pagecache import urlmap

    seen = []

    def receiver(sender, event, **kwargs):
        seen.append((event, urlmap.purge_for(event)))

    events.content_changed.connect(receiver)
    yield seen
    events.content_changed.disconnect(receiver)


def only(purges, kind):
    """The one purge announced for an event of `kind`."""
    found = [purge for event, purge in purges if isinstance(event, kind)]
    assert len(found) == 1, [type(event).__name__ for event, _ in purges]
    return found[0]
