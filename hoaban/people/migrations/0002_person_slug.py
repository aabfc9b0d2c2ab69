from django.db import migrations, models

from hoaban.core.slugs import slug_from_title


def give_every_person_a_slug(apps, schema_editor):
    Person = apps.get_model("people", "Person")
    taken = set()
    for person in Person.objects.order_by("pk"):
        base = slug_from_title(person.name, 116) or "tac-gia"
        slug, number = base, 1
        while slug in taken:
            number += 1
            slug = f"{base}-{number}"
        taken.add(slug)
        person.slug = slug
        person.save(update_fields=["slug"])


class Migration(migrations.Migration):
    dependencies = [("people", "0001_initial")]

    operations = [
        migrations.AddField(
            model_name="person",
            name="slug",
            # No index yet: the unique one comes with the AlterField below. An index here would
            # make PostgreSQL's "_like" index twice when the field becomes unique.
            field=models.SlugField(
                blank=True, db_index=False, default="", max_length=120, verbose_name="slug"
            ),
            preserve_default=False,
        ),
        migrations.RunPython(give_every_person_a_slug, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="person",
            name="slug",
            field=models.SlugField(
                blank=True,
                help_text=(
                    "The address of the person's page. Leave empty to make it from the name; "
                    "it stays the same when the name changes."
                ),
                max_length=120,
                unique=True,
                verbose_name="slug",
            ),
        ),
    ]
