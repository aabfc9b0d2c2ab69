"""Choosing the articles a bulk machine translation works on, and telling which are done.

"Up to date" is decided from wagtail-localize's own records, so a run that was interrupted —
or an editor who translated some articles by hand — is picked up where it stands.
"""

from datetime import date, datetime, time

from django.utils import timezone
from wagtail.models import Locale
from wagtail_localize.models import Translation, TranslationLog, TranslationSource

from hoaban.articles.models import ArticlePage
from hoaban.sections.models import SectionPage


def select_articles(
    *,
    source_locale: Locale,
    section: SectionPage | None = None,
    since: date | None = None,
    until: date | None = None,
):
    """Live articles of the source edition, oldest first, optionally of one section and within
    a range of publication dates (both ends included, in the site's time zone)."""
    articles = ArticlePage.objects.live().filter(locale=source_locale).order_by("date", "pk")
    if section is not None:
        articles = articles.child_of(section)
    if since is not None:
        articles = articles.filter(date__gte=timezone.make_aware(datetime.combine(since, time.min)))
    if until is not None:
        articles = articles.filter(date__lte=timezone.make_aware(datetime.combine(until, time.max)))
    return articles


def is_up_to_date(*, page, target_locale: Locale, publish: bool = False) -> bool:
    """Whether the translation already holds the current source text, fully translated (and
    published, when publishing was asked for)."""
    source = TranslationSource.objects.filter(
        object_id=page.translation_key, locale_id=page.locale_id
    ).first()
    if source is None:
        return False
    if page.last_published_at and source.last_updated_at < page.last_published_at:
        return False
    translation = Translation.objects.filter(source=source, target_locale=target_locale).first()
    if translation is None:
        return False
    total, done = translation.get_progress()
    if done < total:
        return False
    saved = TranslationLog.objects.filter(
        source=source, locale=target_locale, created_at__gte=source.last_updated_at
    ).exists()
    if not saved:
        return False
    if publish:
        target = page.get_translation_or_none(target_locale)
        return target is not None and target.live and not target.has_unpublished_changes
    return True
