from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Site

from hoaban.core.newsroom import edition_homes, ensure_site_roles


class Command(BaseCommand):
    help = (
        "Create or update one site's Reporters and Editors groups, collection and review "
        "workflow, granted on the site's edition homes. Run it again after adding an edition "
        "by hand; translations made in the admin are covered already."
    )

    def add_arguments(self, parser):
        parser.add_argument("hostname", help="The site's host name, as in Settings → Sites.")
        parser.add_argument("--port", type=int, help="Only needed if two sites share the name.")

    def handle(self, *args, hostname, port, **options):
        sites = Site.objects.filter(hostname=hostname)
        if port is not None:
            sites = sites.filter(port=port)
        found = list(sites)
        if not found:
            known = ", ".join(f"{site.hostname}:{site.port}" for site in Site.objects.all())
            raise CommandError(f"No site has the host name {hostname!r}. Sites: {known or '—'}.")
        if len(found) > 1:
            raise CommandError(f"Several sites have the host name {hostname!r}: give --port.")
        site = found[0]
        roles = ensure_site_roles(site)
        homes = ", ".join(home.slug for home in edition_homes(site))
        self.stdout.write(
            self.style.SUCCESS(
                f"{site.site_name or site.hostname}: groups “{roles.reporters.name}” and "
                f"“{roles.editors.name}”, collection “{roles.collection.name}” and workflow "
                f"“{roles.workflow.name}” are ready, on the homes {homes}."
            )
        )
