from django.core.management.base import BaseCommand

from hoaban.core.newsroom import EDITORS, REPORTERS, WORKFLOW_NAME, ensure_newsroom_roles


class Command(BaseCommand):
    help = "Create or update the Reporters and Editors groups and the newsroom review workflow."

    def handle(self, *args, **options):
        ensure_newsroom_roles()
        self.stdout.write(
            self.style.SUCCESS(
                f"Groups “{REPORTERS}” and “{EDITORS}” and workflow “{WORKFLOW_NAME}” are ready."
            )
        )
