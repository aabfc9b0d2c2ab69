"""Tags as the readers of one edition see them: the one place that picks a tag's name and slug.

Every listing asks for its tags' labels together, so a page costs a fixed number of queries
however many tags it shows.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.conf import settings
from django.db.models import F, FilteredRelation, Prefetch, Q, QuerySet
from django.utils.translation import gettext as _
from taggit.models import Tag

from .models import TagName


def tag_description(name: str) -> str:
    """What a tag's page and feeds are, in the active language."""
    return _("News tagged “%(tag)s”.") % {"tag": name}


@dataclass(frozen=True)
class TagLabel:
    """A tag's name and slug in one edition (its own where the edition has none)."""

    tag: Tag
    name: str
    slug: str

    @property
    def pk(self) -> int:
        return self.tag.pk

    def __str__(self) -> str:
        return self.name


def _locale_id(locale) -> int:
    return getattr(locale, "pk", locale)


def lookup(tags: Iterable[Tag], locales: Iterable) -> Callable[[Tag, object], TagLabel]:
    """A function giving the label of any of `tags` in any of `locales` (objects or ids), with
    one query for all of them: for listings that mix editions, such as the API's."""
    tag_ids = {tag.pk for tag in tags}
    locale_ids = {_locale_id(locale) for locale in locales}
    names = {}
    if tag_ids and locale_ids:
        rows = TagName.objects.filter(tag_id__in=tag_ids, locale_id__in=locale_ids)
        names = {
            (tag_id, locale_id): (name, slug)
            for tag_id, locale_id, name, slug in rows.values_list(
                "tag_id", "locale_id", "name", "slug"
            )
        }

    def label(tag: Tag, locale) -> TagLabel:
        name, slug = names.get((tag.pk, _locale_id(locale)), (tag.name, tag.slug))
        return TagLabel(tag, name, slug)

    return label


def named(tags: QuerySet, locale) -> QuerySet:
    """`tags` with their name and slug in `locale` joined in, to read with `from_named`: no
    query of their own, also as a Prefetch's queryset."""
    return tags.annotate(
        _edition=FilteredRelation("names", condition=Q(names__locale=_locale_id(locale))),
        edition_name=F("_edition__name"),
        edition_slug=F("_edition__slug"),
    )


def from_named(tag: Tag) -> TagLabel:
    """The label of a tag read through `named`."""
    return TagLabel(tag, tag.edition_name or tag.name, tag.edition_slug or tag.slug)


def labels(tags, locale) -> list[TagLabel]:
    """The labels of `tags` in one edition, in their order. A queryset is read with its names
    joined in (no query of its own); tags already in memory cost one query."""
    if isinstance(tags, QuerySet):
        return [from_named(tag) for tag in named(tags, locale)]
    tags = list(tags)
    label_of = lookup(tags, [locale])
    return [label_of(tag, locale) for tag in tags]


def label(tag: Tag, locale) -> TagLabel:
    return labels([tag], locale)[0]


def resolve(slug: str, locale) -> TagLabel | None:
    """The tag an address of this edition names, labelled in the edition; None when none does.

    The edition's own slug comes first, then the tag's own (main-edition) slug, then another
    edition's: the last two are answered with a redirect to the label's slug. The tag comes with
    its names in every edition, for `slugs_by_language`. Two queries.
    """
    names = Prefetch("names", queryset=TagName.objects.select_related("locale"))
    candidates = Tag.objects.filter(Q(slug=slug) | Q(names__slug=slug)).distinct()
    locale_id = _locale_id(locale)

    def own_name(tag):
        return next((name for name in tag.names.all() if name.locale_id == locale_id), None)

    def rank(tag):
        own = own_name(tag)
        if own is not None and own.slug == slug:
            return 0
        return 1 if tag.slug == slug else 2

    found = sorted(candidates.prefetch_related(names), key=lambda tag: (rank(tag), tag.pk))
    if not found:
        return None
    tag = found[0]
    own = own_name(tag)
    return TagLabel(tag, own.name, own.slug) if own else TagLabel(tag, tag.name, tag.slug)


def slugs_by_language(tag: Tag) -> dict[str, str]:
    """{language code: the tag's slug in that edition} for every language of the site. Uses the
    names `resolve` brought along, else one query."""
    prefetched = getattr(tag, "_prefetched_objects_cache", {}).get("names")
    if prefetched is not None:
        own = {name.locale.language_code: name.slug for name in prefetched}
    else:
        own = dict(TagName.objects.filter(tag=tag).values_list("locale__language_code", "slug"))
    return {code: own.get(code, tag.slug) for code, _name in settings.LANGUAGES}


def tag_ids_for_slug(slug: str, locale=None) -> QuerySet:
    """Ids of the tags a slug may name: the tag's own slug, or its slug in `locale` (in any
    edition when no locale is given). For filters such as the API's `tag`."""
    in_names = Q(names__slug=slug)
    if locale is not None:
        in_names &= Q(names__locale=_locale_id(locale))
    return Tag.objects.filter(Q(slug=slug) | in_names).values("pk").distinct()
