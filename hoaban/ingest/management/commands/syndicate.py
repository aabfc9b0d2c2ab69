import sys
from datetime import datetime, time

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from tqdm import tqdm

from hoaban.ingest.dates import local_zone, parse_vietnamese_datetime
from hoaban.ingest.models import Source
from hoaban.ingest.pipeline import Syndicator
from hoaban.ingest.tasks import syndicate_due_sources

COLUMNS = ["fetched", "imported", "duplicates", "failed", "skipped"]


def since_date(value: str) -> datetime:
    try:
        return datetime.combine(datetime.fromisoformat(value).date(), time(0), local_zone())
    except ValueError:
        parsed = parse_vietnamese_datetime(value)
        if parsed is None:
            raise CommandError(
                _("--since takes a date such as 2025-04-20 or 20/04/2025, not %(value)r.")
                % {"value": value}
            ) from None
        return parsed


class Command(BaseCommand):
    help = _("Fetch new articles from the syndication sources and import them as drafts.")

    def add_arguments(self, parser):
        parser.add_argument("--source", help=_("Only this source (its name in the admin)."))
        parser.add_argument(
            "--since", type=since_date, help=_("Skip items published before this date.")
        )
        parser.add_argument(
            "--dry-run", action="store_true", help=_("Fetch and judge items but write nothing.")
        )
        parser.add_argument(
            "--enqueue",
            action="store_true",
            help=_("Queue the scheduled run (sources that are due) for the task worker."),
        )

    def handle(self, *args, source=None, since=None, dry_run=False, enqueue=False, **options):
        if enqueue:
            result = syndicate_due_sources.enqueue()
            self.stdout.write(_("Queued the scheduled run (task %(id)s).") % {"id": result.id})
            return
        sources = self._sources(source)
        syndicator = Syndicator(since=since, dry_run=dry_run, progress=self._progress)
        try:
            summaries = syndicator.run(sources)
        finally:
            syndicator.fetcher.close()
        self._print_table(summaries, dry_run=dry_run)
        failed = sum(summary.failed for summary in summaries)
        broken = [summary.source for summary in summaries if summary.error]
        if failed or broken:
            raise CommandError(
                _("%(failed)s items failed and %(broken)s sources could not be read.")
                % {"failed": failed, "broken": len(broken)}
            )

    def _sources(self, name):
        if name is None:
            sources = list(Source.objects.filter(active=True))
            if not sources:
                self.stdout.write(_("No active source: add one under Snippets › Sources."))
            return sources
        found = Source.objects.filter(name=name).first()
        if found is None:
            known = ", ".join(Source.objects.values_list("name", flat=True)) or "-"
            raise CommandError(
                _("No source is named %(name)r. Sources: %(known)s")
                % {"name": name, "known": known}
            )
        return [found]

    def _progress(self, items, label):
        return tqdm(items, desc=label, unit=_("item"), file=sys.stderr, disable=None, leave=False)

    def _print_table(self, summaries, *, dry_run):
        headings = [_("Source"), _("Fetched"), _("New"), _("Duplicate"), _("Failed")]
        headings += [_("Skipped"), _("Result")]
        rows = []
        for summary in summaries:
            if summary.error:
                result = _("unreadable")
            elif summary.not_modified:
                result = _("not modified")
            elif summary.failed:
                result = _("partial")
            else:
                result = _("untranslated") if summary.untranslated else _("ok")
            rows.append([summary.source, *(str(getattr(summary, c)) for c in COLUMNS), result])
        totals = [sum(getattr(summary, c) for summary in summaries) for c in COLUMNS]
        rows.append([_("Total"), *map(str, totals), ""])
        widths = [max(len(row[i]) for row in [headings, *rows]) for i in range(len(headings))]
        if dry_run:
            self.stdout.write(_("Dry run: nothing was written."))
        for row in [headings, *rows]:
            cells = [row[0].ljust(widths[0])] + [
                cell.rjust(width) for cell, width in zip(row[1:-1], widths[1:-1], strict=True)
            ]
            self.stdout.write("  ".join([*cells, row[-1]]).rstrip())
        for summary in summaries:
            if summary.error:
                self.stderr.write(f"{summary.source}: {summary.error}")
            for failure in summary.failures:
                self.stderr.write(f"{summary.source}: {failure['url']}: {failure['reason']}")
            for failure in summary.untranslated:
                self.stderr.write(
                    _("%(source)s: %(url)s: no %(language)s translation: %(reason)s")
                    % {"source": summary.source, **failure}
                )
