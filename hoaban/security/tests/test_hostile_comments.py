"""Arbitrary input to the comment form and the posting view: a clear answer, never a 500, and
a comment stored exactly when the answer says it was accepted."""

import pytest
from django.test import Client
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from hoaban.discussion.forms import CommentForm, normalise
from hoaban.discussion.models import Comment
from hoaban.discussion.rules import MAX_LENGTH, MIN_LENGTH, NAME_MAX_LENGTH, NAME_MIN_LENGTH

from .strategies import HOSTILE, REQUEST_TEXT

DB_EXAMPLES = settings().max_examples // 3
# Vietnamese typed either precomposed or as base letters plus combining tone marks, around the
# length limits.
VIETNAMESE = st.text(
    st.sampled_from("aăâeêioôơuưyđĐ \n\u0300\u0301\u0303\u0309\u0323ệỘ"), max_size=520
)
FIELD = st.one_of(REQUEST_TEXT, HOSTILE, VIETNAMESE)
# What a browser can put in a header: Latin-1 without control characters.
HEADER = st.text(st.characters(min_codepoint=0x20, max_codepoint=0xFF), max_size=400)


@given(name=FIELD, email=FIELD, body=FIELD, website=FIELD)
def test_comment_form_judges_any_input_without_raising(name, email, body, website):
    form = CommentForm({"name": name, "email": email, "body": body, "website": website})
    if not form.is_valid():
        assert form.errors
        return
    cleaned = form.cleaned_data
    assert MIN_LENGTH <= len(cleaned["body"]) <= MAX_LENGTH
    assert NAME_MIN_LENGTH <= len(cleaned["name"]) <= NAME_MAX_LENGTH
    assert cleaned["body"] == normalise(body)
    assert "\x00" not in cleaned["name"] + cleaned["body"] + cleaned["email"]


@pytest.fixture
def open_article(news_site, settings):
    settings.HOABAN_COMMENTS_MIN_SECONDS = 0
    settings.HOABAN_COMMENTS_IP_LIMIT = 0
    settings.HOABAN_COMMENTS_ARTICLE_LIMIT = 0
    return news_site.article("news", title="Điện Biên đón đoàn công tác Saint Petersburg")


@settings(max_examples=DB_EXAMPLES, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    name=FIELD,
    email=FIELD,
    body=FIELD,
    website=st.one_of(st.just(""), FIELD),
    issued=st.one_of(st.just("valid"), REQUEST_TEXT),
    wants_json=st.booleans(),
    user_agent=HEADER,
)
def test_posting_any_comment_answers_clearly_and_stores_only_what_it_accepts(
    open_article, name, email, body, website, issued, wants_json, user_agent
):
    reader = Client(enforce_csrf_checks=True, HTTP_USER_AGENT=user_agent)
    token = reader.get("/vi/comments/token/").json()
    data = {
        "csrfmiddlewaretoken": token["csrfToken"],
        "issued": token["issued"] if issued == "valid" else issued,
        "name": name,
        "email": email,
        "body": body,
        "website": website,
    }
    headers = {"Accept": "application/json"} if wants_json else {}
    before = Comment.objects.count()
    response = reader.post(f"/vi/comments/{open_article.pk}/", data, headers=headers)
    stored = Comment.objects.count() - before

    assert response.status_code in (200, 302, 400, 403), response.status_code
    accepted = response.status_code in (200, 302)
    trapped = bool(website.strip())
    assert stored == (1 if accepted and not trapped else 0)
    if stored:
        comment = Comment.objects.order_by("-pk").first()
        assert comment.body == normalise(body)
        assert len(comment.user_agent) <= 300


@settings(max_examples=DB_EXAMPLES, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(article_id=st.integers(min_value=0, max_value=10**30), fields=st.dictionaries(FIELD, FIELD))
@example(article_id=2**63, fields={})  # past SQLite's integer: was a 500
def test_posting_to_any_article_number_is_a_404_not_a_crash(news_site, article_id, fields):
    response = Client().post(f"/vi/comments/{article_id}/", fields)
    assert response.status_code == 404
