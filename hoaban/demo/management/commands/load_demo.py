from django.core.management.base import BaseCommand, CommandError

from hoaban.demo.loader import ACCOUNTS, load_demo
from hoaban.operations.statistics import refresh_statistics


class Command(BaseCommand):
    help = "Build the demo newspaper (idempotent: running it again changes nothing)."

    def handle(self, *args, **options):
        try:
            summary = load_demo()
        except LookupError as error:
            raise CommandError(f"{error}") from error
        if summary.created:
            refresh_statistics()  # the planner's picture of the tables after they filled
            for kind, number in sorted(summary.created.items()):
                self.stdout.write(f"  created {number} {kind}")
        else:
            self.stdout.write("  the demo content was already there; nothing changed")
        accounts = ", ".join(f"{user} / {password}" for user, password, *_ in ACCOUNTS)
        self.stdout.write(self.style.SUCCESS(f"Demo ready. Accounts: {accounts}"))
