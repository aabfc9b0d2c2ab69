"""A person's name is printed in the byline of every article they wrote that has no byline
of its own (on the page, in its JSON-LD and in feeds), every byline of theirs links to their
page, and their page and feeds in each edition show their name, role and photo. Changing or
deleting the person changes those pages, which is announced (hoaban.core.events) for the
caches to purge. An article handed to another author leaves the old author's page and feeds too."""

from django.db.models.signals import post_save, pre_delete, pre_save

from hoaban.articles.models import ArticlePage
from hoaban.core import events

from . import authors
from .models import Person


def _article_ids(person, *, bylined_only: bool) -> list[int]:
    articles = ArticlePage.objects.live().filter(author=person)
    if bylined_only:
        articles = articles.filter(byline="")
    return list(articles.values_list("pk", flat=True))


def _announce(slugs, article_ids=()) -> None:
    events.announce(events.PersonChanged(frozenset(slugs), tuple(article_ids)))


def on_saved(sender, instance, created, **kwargs):
    if created:
        return
    old_name = getattr(instance, "loaded_name", instance.name)
    old_slug = getattr(instance, "loaded_slug", instance.slug)
    slugs, article_ids = {old_slug, instance.slug}, []
    if old_slug != instance.slug:
        # Every byline of theirs links to the old address.
        article_ids = _article_ids(instance, bylined_only=False)
        _redirect_old_address(old_slug, instance.slug)
    elif old_name != instance.name:
        article_ids = _article_ids(instance, bylined_only=True)
    _announce(slugs, article_ids)
    instance.loaded_name, instance.loaded_slug = instance.name, instance.slug


def _redirect_old_address(old_slug: str, new_slug: str) -> None:
    """A permanent redirect (Wagtail's, editable under Settings → Redirects) from the page and
    feeds at the old slug to the new ones in each edition, so shared links keep working."""
    from wagtail.contrib.redirects.models import Redirect

    for home in authors.edition_homes():
        site = home.get_site()
        if site is None or not home.url:
            continue
        new_paths = authors.author_paths(home, new_slug)
        # Given back an address it had before: that address serves the person again.
        Redirect.objects.filter(
            site=site, old_path__in=[Redirect.normalise_path(path) for path in new_paths]
        ).delete()
        old_paths = authors.author_paths(home, old_slug)
        for old_path, new_path in zip(old_paths, new_paths, strict=True):
            Redirect.add_redirect(
                old_path, redirect_to=new_path, site=site, automatically_created=True
            )


def on_deleting(sender, instance, **kwargs):
    # Before the delete: afterwards the articles no longer point to the person.
    _announce({instance.slug}, _article_ids(instance, bylined_only=False))


def on_article_saving(sender, instance, update_fields=None, **kwargs):
    """The author a live article had until this save: their page and feeds list it no more."""
    if not instance.pk or (update_fields is not None and "author" not in update_fields):
        return
    before = (
        ArticlePage.objects.live()
        .filter(pk=instance.pk)
        .exclude(author=None)
        .values_list("author__slug", "author_id")
        .first()
    )
    if before is None or before[1] == instance.author_id:
        return
    events.announce(events.AuthorReplaced(instance, before[0]))


def connect():
    post_save.connect(on_saved, sender=Person, dispatch_uid="people-changed")
    pre_delete.connect(on_deleting, sender=Person, dispatch_uid="people-deleted")
    pre_save.connect(on_article_saving, sender=ArticlePage, dispatch_uid="people-article-author")
