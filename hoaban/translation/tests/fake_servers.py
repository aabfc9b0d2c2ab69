"""A local HTTP server that answers like LibreTranslate's and DeepL's translate endpoints.

It "translates" by tagging each text with the target language, so tests can tell machine
text apart, and it can misbehave on demand: answer slowly, fail with 500, or send bad JSON.
"""

import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs


def machine_text(text: str, target: str) -> str:
    return f"[{target.lower()}] {text}"


@dataclass
class FakeTranslationServer:
    mode: str = "ok"  # ok | slow | error | bad-json | short
    requests: list = field(default_factory=list)
    delay: float = 1.0
    # After this many successful answers, fail with 500 (an outage mid-run).
    fail_after: int | None = None

    def start(self):
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                if self.path.rstrip("/").endswith("/v2/translate"):
                    fields = parse_qs(body.decode())
                    texts, target = fields.get("text", []), fields["target_lang"][0]
                    request = {"api": "deepl", "fields": fields, "headers": dict(self.headers)}
                else:
                    payload = json.loads(body)
                    texts, target = payload["q"], payload["target"]
                    request = {"api": "libretranslate", "json": payload}
                server.requests.append(request)
                server.answer(self, request["api"], texts, target)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        return self

    def stop(self):
        self.httpd.shutdown()
        self.httpd.server_close()

    @property
    def texts(self) -> list[str]:
        """Every text sent for translation, in order."""
        return self._texts(self.requests)

    @property
    def translated_texts(self) -> list[str]:
        """The texts of the requests that got a translation back."""
        return self._texts([request for request in self.requests if request.get("ok")])

    @staticmethod
    def _texts(requests) -> list[str]:
        sent = []
        for request in requests:
            if request["api"] == "deepl":
                sent += request["fields"].get("text", [])
            else:
                sent += request["json"]["q"]
        return sent

    def answer(self, handler, api, texts, target):
        mode = self.mode
        if self.fail_after is not None and len(self.requests) > self.fail_after:
            mode = "error"
        self.requests[-1]["ok"] = mode == "ok"
        if mode == "slow":
            time.sleep(self.delay)
        if mode == "error":
            self._send(
                handler, 500, b"<html><body>Internal Server Error</body></html>", "text/html"
            )
            return
        if mode == "bad-json":
            self._send(handler, 200, b'{"translatedText": ["unterminated', "application/json")
            return
        translated = [machine_text(text, target) for text in texts]
        if mode == "short":
            translated = translated[:-1]
        if api == "deepl":
            document = {
                "translations": [
                    {"detected_source_language": "VI", "text": text} for text in translated
                ]
            }
        else:
            document = {"translatedText": translated}
        self._send(handler, 200, json.dumps(document).encode(), "application/json")

    @staticmethod
    def _send(handler, status, body, content_type):
        handler.send_response(status)
        handler.send_header("Content-Type", content_type)
        handler.send_header("Content-Length", str(len(body)))
        try:
            handler.end_headers()
            handler.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # a client that gave up on a slow answer, as the tests of timeouts mean it to
