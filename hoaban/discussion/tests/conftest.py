import time

import pytest
from django.core import signing
from django.test import Client
from django.urls import reverse
from django.utils import translation

from hoaban.core import events
from hoaban.discussion.forms import ISSUED_SALT

COMMENT = "Bài viết rất hay, cảm ơn phóng viên đã đưa tin về Điện Biên."


def issued_seconds_ago(seconds: float) -> str:
    return signing.dumps(time.time() - seconds, salt=ISSUED_SALT)


class Reader:
    """A reader's browser without JavaScript's help: a client that enforces CSRF like a
    real one, fetching the token the way comments.js does."""

    def __init__(self, address="203.0.113.7"):
        self.client = Client(enforce_csrf_checks=True, REMOTE_ADDR=address)

    def token(self) -> str:
        return self.client.get(reverse("comment_token")).json()["csrfToken"]

    def post(self, article, *, json=False, token=True, issued_ago=30, language="en", **fields):
        data = {"name": "Nguyễn Thị Hoa", "email": "", "body": COMMENT, "website": ""}
        data.update(fields)
        if token:
            data["csrfmiddlewaretoken"] = self.token()
        if issued_ago is not None:
            data["issued"] = issued_seconds_ago(issued_ago)
        headers = {"Accept": "application/json"} if json else {}
        with translation.override(language):
            url = reverse("comment_post", args=[article.pk])
        return self.client.post(url, data, headers=headers)


@pytest.fixture
def reader():
    return Reader()


@pytest.fixture
def article(news_site):
    return news_site.article("news", title="Điện Biên đón đoàn công tác Saint Petersburg")


@pytest.fixture
def announced():
    """Primary keys of the articles whose comments were announced changed, in order."""
    sent = []

    def receiver(sender, event, **kwargs):
        if isinstance(event, events.CommentsChanged):
            sent.append(event.page.pk)

    events.content_changed.connect(receiver)
    yield sent
    events.content_changed.disconnect(receiver)
