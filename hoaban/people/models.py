from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from hoaban.core.slugs import slug_from_title

SLUG_LENGTH = 120


class Person(index.Indexed, models.Model):
    """A reporter, photographer or other contributor named in bylines."""

    name = models.CharField(_("name"), max_length=120, unique=True)
    slug = models.SlugField(
        _("slug"),
        max_length=SLUG_LENGTH,
        unique=True,
        blank=True,
        help_text=_(
            "The address of the person's page. Leave empty to make it from the name; it stays "
            "the same when the name changes."
        ),
    )
    role = models.CharField(
        _("role"), max_length=120, blank=True, help_text=_("e.g. Reporter, Photographer")
    )
    photo = models.ForeignKey(
        "images.NewsImage",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("role"), FieldPanel("photo")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = free_slug(self.name, exclude_pk=self.pk)
        super().save(*args, **kwargs)

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        # Remembered so a rename or a new address can purge the pages that print the old one
        # (signals.py).
        instance.loaded_name = instance.__dict__.get("name")
        instance.loaded_slug = instance.__dict__.get("slug")
        return instance


def free_slug(name: str, *, exclude_pk: int | None = None) -> str:
    """An unused slug for a person called `name`: the name's own, else with -2, -3… added."""
    base = slug_from_title(name, SLUG_LENGTH - 4) or "tac-gia"
    taken = set(
        Person.objects.filter(slug__startswith=base)
        .exclude(pk=exclude_pk)
        .values_list("slug", flat=True)
    )
    slug, number = base, 1
    while slug in taken:
        number += 1
        slug = f"{base}-{number}"
    return slug
