from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Page

from hoaban.core.slug_repair import UrlifyUnknown, garbled_title, rename_garbled_page


class Command(BaseCommand):
    help = (
        "Rename pages whose slug Wagtail's stock admin garbled from their title "
        "(đ as “dj”, letters with two marks dropped) to the site's slug rule, leaving a "
        "redirect from each old address. Safe to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="List the pages without renaming them."
        )

    def handle(self, *args, dry_run=False, **options):
        checked = renamed = redirected = 0
        try:
            for page in Page.objects.filter(depth__gt=1).select_related("locale").order_by("path"):
                checked += 1
                title = garbled_title(page)
                if title is None:
                    continue
                if dry_run:
                    self.stdout.write(f"Would rename {page.url_path} (“{title}”)")
                    renamed += 1
                    continue
                done = rename_garbled_page(page=page, title=title)
                renamed += 1
                redirected += done.redirected
                self.stdout.write(
                    f"{done.old_slug} → {done.page.slug}"
                    + (f" (redirect from {done.old_url})" if done.redirected else "")
                )
        except UrlifyUnknown as error:
            raise CommandError(str(error)) from error
        verb = "would be renamed" if dry_run else "renamed"
        self.stdout.write(
            self.style.SUCCESS(
                f"{checked} pages checked, {renamed} {verb}, {redirected} redirects created."
            )
        )
