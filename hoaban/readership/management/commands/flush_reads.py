from django.core.management.base import BaseCommand

from hoaban.readership import store


class Command(BaseCommand):
    help = (
        "Write buffered most-read counts (Redis) to the database and delete counts older than "
        "every window. Beacons also do this once a minute; run it from cron to be sure."
    )

    def handle(self, *args, **options):
        written = store.flush()
        mode = "Redis buckets" if store.buffered() else "direct writes, nothing buffered"
        self.stdout.write(self.style.SUCCESS(f"Flushed {written} reads ({mode})."))
