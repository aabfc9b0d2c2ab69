from argparse import ArgumentTypeError
from datetime import date

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm
from wagtail.models import Locale
from wagtail_localize.machine_translators import get_machine_translator

from hoaban.sections.models import SectionPage
from hoaban.translation.bulk import is_up_to_date, select_articles
from hoaban.translation.services import (
    MachineTranslationError,
    translate_page,
    translate_photo_texts,
    translate_tag_names,
)


class Command(BaseCommand):
    help = (
        "Create or refresh machine translations of the published articles of a section or a "
        "date range. Each article is saved on its own, so an interrupted run can simply be "
        "started again: articles already up to date are skipped."
    )

    def add_arguments(self, parser):
        codes = [code for code, _name in settings.LANGUAGES]
        parser.add_argument("--to", required=True, choices=codes, help="Target language.")
        parser.add_argument("--from", dest="source", default=settings.LANGUAGE_CODE, choices=codes)
        parser.add_argument("--section", help="Slug of a section of the source edition.")
        parser.add_argument("--since", type=_date, help="First publication date, YYYY-MM-DD.")
        parser.add_argument("--until", type=_date, help="Last publication date, YYYY-MM-DD.")
        parser.add_argument(
            "--publish",
            action="store_true",
            help="Publish the translations (shown to readers as machine-made, unreviewed).",
        )
        parser.add_argument("--user", help="Username recorded as the translator of drafts.")

    def handle(self, *args, **options):
        if options["to"] == options["source"]:
            raise CommandError("--to and --from name the same language.")
        source_locale = _locale(options["source"])
        target_locale = _locale(options["to"])
        section = None
        if options["section"]:
            section = SectionPage.objects.filter(
                locale=source_locale, slug=options["section"]
            ).first()
            if section is None:
                raise CommandError(
                    f"No section with slug “{options['section']}” in the "
                    f"{options['source']} edition."
                )
        user = None
        if options["user"]:
            user = get_user_model().objects.filter(username=options["user"]).first()
            if user is None:
                raise CommandError(f"No user named “{options['user']}”.")

        articles = list(
            select_articles(
                source_locale=source_locale,
                section=section,
                since=options["since"],
                until=options["until"],
            )
        )
        translator = get_machine_translator()
        translated, skipped, failed = 0, 0, []
        for article in tqdm(articles, desc=f"→ {options['to']}", unit="article"):
            if is_up_to_date(page=article, target_locale=target_locale, publish=options["publish"]):
                if translator is not None:
                    # Tags and photos added since, or translated before they had words per
                    # edition.
                    translate_tag_names(
                        page=article, target_locale=target_locale, translator=translator
                    )
                    translate_photo_texts(
                        page=article, target_locale=target_locale, translator=translator
                    )
                skipped += 1
                continue
            try:
                translate_page(
                    page=article,
                    target_locale=target_locale,
                    user=user,
                    publish=options["publish"],
                    translator=translator,
                )
            except MachineTranslationError as error:
                failed.append(article)
                with tqdm.external_write_mode():
                    self.stderr.write(f"failed: {article.title} (id {article.pk}): {error}")
                continue
            translated += 1

        self.stdout.write(
            f"{len(articles)} articles: {translated} translated, {skipped} already up to date, "
            f"{len(failed)} failed."
        )
        if failed:
            raise CommandError(
                f"{len(failed)} articles could not be translated; run the command again once "
                "the machine translator is back: finished articles will be skipped."
            )


def _date(value):
    try:
        return date.fromisoformat(value)
    except ValueError as error:
        raise ArgumentTypeError(f"{value!r} is not a date like 2025-04-19") from error


def _locale(code):
    try:
        return Locale.objects.get(language_code=code)
    except Locale.DoesNotExist as error:
        raise CommandError(
            f"The {code} edition has no locale yet: add it under Settings → Locales."
        ) from error
