"""The rules a comment is checked against: the site's editor settings plus server limits.

Editors choose moderation and spam rules per site (Settings > Comments); rate limits and the
time under which a comment waits for an editor are operations concerns and live in Django
settings, so a test server or a busy event can lift them through the environment.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings

from .models import CommentSettings

MIN_LENGTH = 5
MAX_LENGTH = 500
NAME_MIN_LENGTH = 2
NAME_MAX_LENGTH = 80


@dataclass(frozen=True)
class CommentRules:
    auto_approve: bool = False
    close_after_days: int = 0
    max_links: int = 2
    banned_words: tuple[str, ...] = ()
    min_seconds: float = 0
    ip_limit: int = 0
    article_limit: int = 0
    window_seconds: int = 600

    @classmethod
    def for_site_settings(cls, site_settings: CommentSettings) -> "CommentRules":
        return cls(
            auto_approve=site_settings.auto_approve,
            close_after_days=site_settings.close_after_days,
            max_links=site_settings.max_links,
            banned_words=tuple(site_settings.banned_word_list),
            min_seconds=settings.HOABAN_COMMENTS_MIN_SECONDS,
            ip_limit=settings.HOABAN_COMMENTS_IP_LIMIT,
            article_limit=settings.HOABAN_COMMENTS_ARTICLE_LIMIT,
            window_seconds=settings.HOABAN_COMMENTS_RATE_WINDOW,
        )

    @classmethod
    def for_request(cls, request) -> "CommentRules":
        return cls.for_site_settings(CommentSettings.for_request(request))

    def closes_at(self, article) -> datetime | None:
        if not self.close_after_days:
            return None
        return article.date + timedelta(days=self.close_after_days)
