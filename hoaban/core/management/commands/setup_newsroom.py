from django.core.management.base import BaseCommand

from hoaban.core.newsroom import ensure_newsroom_roles


class Command(BaseCommand):
    help = (
        "Create or update every site's Reporters and Editors groups, collection and review "
        "workflow (add_site_roles does one site)."
    )

    def handle(self, *args, **options):
        for roles in ensure_newsroom_roles():
            self.stdout.write(
                self.style.SUCCESS(
                    f"Groups “{roles.reporters.name}” and “{roles.editors.name}” and workflow "
                    f"“{roles.workflow.name}” are ready."
                )
            )
