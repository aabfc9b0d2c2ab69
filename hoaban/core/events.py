"""Changes readers can see, announced once by whoever makes them.

An app says what happened (a page was unpublished, a tag renamed, a comment approved) with
`announce(event)`; it does not know which URLs show the change or which caches keep them.
Receivers of `content_changed` get the event at once, while what it names still exists (a page
being deleted, a move's old parent): the page cache works out the URLs then, from its one map
(hoaban.pagecache.urlmap), and purges them once the transaction commits. Wagtail's own page
signals are turned into these events in `hoaban.core.page_events`.
"""

from dataclasses import dataclass, field

from django.dispatch import Signal

# Sent with `event`, one of the classes below.
content_changed = Signal()


def announce(event) -> None:
    content_changed.send(sender=type(event), event=event)


@dataclass(frozen=True)
class PagePublished:
    """Also a translation published: the other editions' versions link to it."""

    page: object


@dataclass(frozen=True)
class PageUnpublished:
    page: object


@dataclass(frozen=True)
class PageDeleted:
    page: object


@dataclass(frozen=True)
class PageMoved:
    """Readers saw the page, and everything under it, at `url_path_before` under
    `parent_before`."""

    page: object
    parent_before: object
    url_path_before: str


@dataclass(frozen=True)
class PageRenamed:
    """A new slug: the page and everything under it have new addresses."""

    page: object
    page_before: object


@dataclass(frozen=True)
class PrivacyChanged:
    """A view restriction added to, changed on or removed from `page` (and all under it)."""

    page: object


@dataclass(frozen=True)
class AuthorReplaced:
    """A live article handed to another author: `person` lists it no more."""

    page: object
    person_slug: str


@dataclass(frozen=True)
class PersonChanged:
    """A person renamed, given a new slug or deleted: their pages at `slugs`, and the live
    articles printing their name or linking to them (`article_ids`)."""

    slugs: frozenset[str]
    article_ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class TagChanged:
    """A tag's name or slug changed in one edition (`locale_id`), or everywhere (None)."""

    tag_id: int
    locale_id: int | None
    slugs: frozenset[str] = field(default_factory=frozenset)


@dataclass(frozen=True)
class PhotoTextChanged:
    """A photo's alt text or caption changed in one edition (`locale_id`), or the photo itself
    (its file, title, caption or credit) in every edition (None)."""

    image: object
    locale_id: int | None


@dataclass(frozen=True)
class CommentsChanged:
    """A comment approved, removed or posted visible: the article's comments and count."""

    page: object


@dataclass(frozen=True)
class SiteChanged:
    """Something every page of one site shows (its masthead, footer) changed: `site` is the
    Site (or its id) whose settings they are."""

    site: object
