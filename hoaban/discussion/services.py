"""Posting a comment: the checks that decide whether it is stored, and in which state."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from .models import Comment
from .rules import CommentRules
from .signals import announce_changed_articles
from .spam import held_reason, quick_send_reason


class CommentsClosed(Exception):
    """The article takes no comments (editor switch off, or past the auto-close date)."""


class RateLimited(Exception):
    """Too many comments from one address, or on one article, within the window."""

    def __init__(self, retry_after: int):
        super().__init__(retry_after)
        self.retry_after = retry_after


def comments_open(*, article, rules: CommentRules, now=None) -> bool:
    if not article.comments_open:
        return False
    closes_at = rules.closes_at(article)
    return closes_at is None or (now or timezone.now()) < closes_at


def _check_rate(*, article, ip_hash: str, rules: CommentRules, now) -> None:
    # Counted from stored comments, so every app server process and worker agrees on the count.
    since = now - timedelta(seconds=rules.window_seconds)
    recent = Comment.objects.filter(created_at__gte=since)
    if rules.ip_limit and recent.filter(ip_hash=ip_hash).count() >= rules.ip_limit:
        raise RateLimited(rules.window_seconds)
    if rules.article_limit and recent.filter(article=article).count() >= rules.article_limit:
        raise RateLimited(rules.window_seconds)


@transaction.atomic
def comment_submit(
    *,
    article,
    name: str,
    email: str,
    body: str,
    ip_hash: str,
    user_agent: str,
    seconds_to_send: float,
    rules: CommentRules,
) -> Comment:
    """Store a validated comment as spam (held by the checks), pending (moderation on, or sent
    faster than `rules.min_seconds` after the form was opened) or approved (auto-approve)."""
    now = timezone.now()
    if not comments_open(article=article, rules=rules, now=now):
        raise CommentsClosed
    _check_rate(article=article, ip_hash=ip_hash, rules=rules, now=now)
    reason = held_reason(body, max_links=rules.max_links, banned_words=rules.banned_words)
    if reason:
        status = Comment.Status.SPAM
    elif seconds_to_send < rules.min_seconds:
        status = Comment.Status.PENDING
        reason = quick_send_reason(seconds_to_send)
    elif rules.auto_approve:
        status = Comment.Status.APPROVED
    else:
        status = Comment.Status.PENDING
    comment = Comment.objects.create(
        article=article,
        name=name,
        email=email,
        body=body,
        status=status,
        held_reason=reason,
        created_at=now,
        ip_hash=ip_hash,
        user_agent=user_agent,
    )
    if comment.is_visible:
        announce_changed_articles([article])
    return comment
