"""A tag's name and address in each edition.

Articles keep taggit's one global Tag per concept, so the taggings wagtail-localize copies into
a translation stay right and related stories match across editions; only what readers see (the
name and the slug of /<language>/tags/<slug>/) changes with the edition. A tag's own name and
slug are those of the main edition (settings.LANGUAGE_CODE) and serve every edition that has no
name of its own.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from hoaban.core.slugs import slug_from_title

from .forms import TagNameForm

SLUG_LENGTH = 100


class TagName(models.Model):
    tag = models.ForeignKey(
        "taggit.Tag", verbose_name=_("tag"), on_delete=models.CASCADE, related_name="names"
    )
    locale = models.ForeignKey(
        "wagtailcore.Locale", verbose_name=_("edition"), on_delete=models.CASCADE, related_name="+"
    )
    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(
        _("slug"),
        max_length=SLUG_LENGTH,
        blank=True,
        help_text=_(
            "The address of the tag's page in this edition. Leave empty to make it from the name."
        ),
    )
    machine_translated = models.BooleanField(
        _("machine translated"),
        default=False,
        help_text=_("Made by the machine translator and not reviewed yet."),
    )

    base_form_class = TagNameForm
    panels = [FieldPanel("tag"), FieldPanel("locale"), FieldPanel("name"), FieldPanel("slug")]

    class Meta:
        verbose_name = _("tag name")
        verbose_name_plural = _("tag names")
        ordering = ["locale", "name"]
        constraints = [
            models.UniqueConstraint(fields=["tag", "locale"], name="tagging_one_name_per_edition"),
            models.UniqueConstraint(fields=["locale", "slug"], name="tagging_unique_slug"),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slug_from_title(self.name, SLUG_LENGTH)
        super().save(*args, **kwargs)

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        # Remembered so a changed slug can purge the tag's old address from the caches.
        instance.loaded_slug = instance.__dict__.get("slug")
        return instance

    def clean(self):
        super().clean()
        if not self.slug:
            self.slug = slug_from_title(self.name, SLUG_LENGTH)
        if not self.slug:
            raise ValidationError({"slug": _("Give the address in letters and digits.")})
        if self.tag_id and slug_taken_by_other_tag(self.slug, self.tag_id):
            raise ValidationError(
                {"slug": _("Another tag already has this address; choose another slug.")}
            )


def slug_taken_by_other_tag(slug: str, tag_id: int) -> bool:
    """Whether another tag's own slug is `slug`: its page in an edition without a name of its
    own lives at that address, so no edition's name may take it."""
    from taggit.models import Tag

    return Tag.objects.filter(slug=slug).exclude(pk=tag_id).exists()


def free_slug(name: str, tag_id: int, locale_id: int) -> str:
    """An unused slug for `name` in one edition: the name's own, else with -2, -3… added."""
    from taggit.models import Tag

    base = slug_from_title(name, SLUG_LENGTH - 4) or str(tag_id)
    taken = set(
        TagName.objects.filter(locale_id=locale_id, slug__startswith=base)
        .exclude(tag_id=tag_id)
        .values_list("slug", flat=True)
    )
    taken.update(
        Tag.objects.filter(slug__startswith=base).exclude(pk=tag_id).values_list("slug", flat=True)
    )
    slug, number = base, 1
    while slug in taken:
        number += 1
        slug = f"{base}-{number}"
    return slug
