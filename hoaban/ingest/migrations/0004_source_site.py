"""Each source belongs to a site: the one its default section is on, else the default site."""

import django.db.models.deletion
from django.db import migrations, models

import hoaban.ingest.models

HOME_PATH_LENGTH = 8  # treebeard's 4 characters per level: depth 2 is a home


def _site_of(section, sites, Page):
    home = Page.objects.filter(path=section.path[:HOME_PATH_LENGTH]).first()
    if home is None:
        return None
    for site in sites:
        if site.root_page.translation_key == home.translation_key:
            return site
    return None


def assign_sites(apps, schema_editor):
    Source = apps.get_model("ingest", "Source")
    Site = apps.get_model("wagtailcore", "Site")
    Page = apps.get_model("wagtailcore", "Page")
    sites = list(Site.objects.select_related("root_page").order_by("-is_default_site", "pk"))
    for source in Source.objects.select_related("default_section"):
        site = _site_of(source.default_section, sites, Page) or (sites[0] if sites else None)
        if site is None:
            raise RuntimeError(
                f"Source {source.name!r} needs a site, and there is none: create the site "
                "(Settings → Sites) and migrate again."
            )
        source.site = site
        source.save(update_fields=["site"])


class Migration(migrations.Migration):
    dependencies = [
        ("ingest", "0003_imported_item_date_basis_incomplete_and_facts"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.AddField(
            model_name="source",
            name="site",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.site",
            ),
        ),
        migrations.RunPython(assign_sites, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="source",
            name="site",
            field=models.ForeignKey(
                default=hoaban.ingest.models.default_site_id,
                help_text="The site whose sections receive the imported drafts.",
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.site",
                verbose_name="site",
            ),
        ),
    ]
