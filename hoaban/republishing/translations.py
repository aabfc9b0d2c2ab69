"""A copy's other editions made from the translations its original already has: the newspaper
translated its story once, the platform need not translate it again."""

from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.models import Locale

from hoaban.articles.models import ArticlePage
from hoaban.core.sites import site_of
from hoaban.translation.editions import edition_name
from hoaban.translation.models import TranslationRecord

from .services import RepublishError, free_slug, publisher_name, source_line


def reusable_locales(copy: ArticlePage) -> list[Locale]:
    """Editions the original has live and the copy lacks: what an editor may start from it."""
    link = getattr(copy, "republication", None)
    if link is None or link.original_id is None:
        return []
    have = copy.get_translations(inclusive=True).values_list("locale_id", flat=True)
    live = link.original.get_translations().live().exclude(locale_id__in=have)
    return list(Locale.objects.filter(pk__in=live.values("locale_id")).order_by("language_code"))


def reuse_translation(*, copy: ArticlePage, locale: Locale, user, publish: bool = False):
    """Start the copy's edition in `locale` from the original's live translation there (a draft
    unless `publish`), recorded so readers are told whose translation it is."""
    link = getattr(copy, "republication", None)
    original = link.original if link is not None else None
    if original is None:
        raise RepublishError(_("“%(title)s” is not a republished copy.") % {"title": copy.title})
    source = original.get_translations().live().filter(locale=locale).specific().first()
    if source is None:
        raise RepublishError(
            _("The original has no published %(edition)s to reuse.")
            % {"edition": edition_name(locale)}
        )
    if copy.get_translation_or_none(locale) is not None:
        raise RepublishError(
            _("“%(title)s” already has its %(edition)s: edit that one.")
            % {"title": copy.title, "edition": edition_name(locale)}
        )
    home_site = site_of(original)
    with transaction.atomic():
        translated = copy.copy_for_translation(locale, copy_parents=True)
        for name in (
            "title",
            "dateline",
            "lead",
            "lead_image_caption",
            "byline",
            "search_description",
        ):
            setattr(translated, name, getattr(source, name))
        translated.slug = free_slug(translated.get_parent(), source.slug, page=translated)
        translated.body = source.body.raw_data
        for name, value in source_line(source, home_site).items():
            setattr(translated, name, value)
        revision = translated.save_revision(user=user)
        if publish:
            revision.publish(user=user)
        made = TranslationRecord.objects.filter(page=source).first()
        TranslationRecord.objects.update_or_create(
            page=translated,
            defaults={
                "source_locale_id": copy.locale_id,
                "method": made.method if made else TranslationRecord.Method.HUMAN,
                "machine_tool": made.machine_tool if made else "",
                "reviewed_by": made.reviewed_by if made else None,
                "reviewed_at": made.reviewed_at if made else None,
                "reused_from": source,
                "reused_from_publisher": publisher_name(home_site),
            },
        )
    return ArticlePage.objects.get(pk=translated.pk)
