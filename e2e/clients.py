"""Plain HTTP clients for real-server tests and the load test: a reader and a signed-in editor.

urllib only, so each simulated person costs one cookie jar and no browser.
"""

import http.cookiejar
import json
import re
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass

CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@dataclass
class Reply:
    status: int
    body: str
    headers: dict


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Browser:
    """One visitor: its own cookies, no automatic redirects (a 302 is an answer too)."""

    def __init__(self, base_url: str, timeout: float = 30):
        self.base_url = base_url
        self.timeout = timeout
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.cookies), NoRedirect()
        )

    def request(self, path: str, data: dict | None = None) -> Reply:
        body = urllib.parse.urlencode(data, doseq=True).encode() if data is not None else None
        request = urllib.request.Request(self.base_url + path, data=body)
        if body is not None:
            request.add_header("Referer", self.base_url + path)
        try:
            with self.opener.open(request, timeout=self.timeout) as response:
                return Reply(response.status, response.read().decode(), dict(response.headers))
        except urllib.error.HTTPError as error:
            return Reply(error.code, error.read().decode(errors="replace"), dict(error.headers))

    def csrf_token(self, path: str) -> str:
        match = CSRF_INPUT.search(self.request(path).body)
        if not match:
            raise RuntimeError(f"no CSRF token in the form at {path}")
        return match.group(1)

    def post_form(self, path: str, data: dict) -> Reply:
        return self.request(path, {"csrfmiddlewaretoken": self.csrf_token(path), **data})


class Editor(Browser):
    def __init__(self, base_url: str, username: str, password: str, admin_path: str = "/admin/"):
        super().__init__(base_url)
        self.admin_path = admin_path
        reply = self.post_form(f"{admin_path}login/", {"username": username, "password": password})
        if reply.status != 302:
            raise RuntimeError(f"{username} could not sign in: {reply.status}")

    def publish(self, page_id: int) -> Reply:
        """Publish a page through Wagtail's bulk action, as from the page listing."""
        path = f"{self.admin_path}bulk/wagtailcore/page/publish/?id={page_id}"
        return self.post_form(path, {"include_descendants": ""})


class Commenter(Browser):
    """A reader posting comments as comments.js does: fetch a token, then post asking for JSON."""

    def post_comment(self, article_id: int, name: str, body: str) -> tuple[int, dict]:
        """(HTTP status, JSON answer); the answer is {} when the server sent no JSON."""
        token = self.request("/vi/comments/token/")
        if token.status != 200:
            return token.status, {}
        token = json.loads(token.body)
        data = {
            "csrfmiddlewaretoken": token["csrfToken"],
            "issued": token["issued"],
            "name": name,
            "body": body,
            "website": "",
        }
        path = f"/vi/comments/{article_id}/"
        request = urllib.request.Request(
            self.base_url + path,
            data=urllib.parse.urlencode(data).encode(),
            headers={"Accept": "application/json", "Referer": self.base_url + path},
        )
        try:
            with self.opener.open(request, timeout=self.timeout) as response:
                return response.status, json.loads(response.read())
        except urllib.error.HTTPError as error:
            answer = error.read()
            try:
                return error.code, json.loads(answer)
            except ValueError:
                return error.code, {}
