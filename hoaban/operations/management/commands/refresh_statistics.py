from django.core.management.base import BaseCommand

from hoaban.operations.statistics import refresh_statistics


class Command(BaseCommand):
    help = (
        "Refresh the database's table statistics so listings stay fast as the archive grows "
        "(run daily from cron on SQLite; PostgreSQL's autovacuum also does it)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--database", default="default")

    def handle(self, *args, database, **options):
        refresh_statistics(database)
        self.stdout.write("Table statistics refreshed.")
