"""What editors do to the site, each the way the admin does it (Wagtail's page actions, the
app's own service functions, plain model saves for snippets). Every action takes small
integers to pick what it acts on, so hypothesis can draw and shrink them, and picks from the
database in a fixed order: the same numbers mean the same thing in any process."""

import io
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone
from taggit.models import Tag
from wagtail.models import Locale, PageViewRestriction, Revision

from hoaban.articles.models import ArticlePage
from hoaban.discussion.models import Comment
from hoaban.discussion.moderation import comment_moderate
from hoaban.images.models import NewsImage, PhotoText
from hoaban.people.models import Person
from hoaban.sections.models import SectionPage
from hoaban.tagging.models import TagName

from . import site


def _pick(queryset, pick: int):
    items = list(queryset.order_by("pk"))
    return items[pick % len(items)] if items else None


def _originals():
    return ArticlePage.objects.filter(locale__language_code="vi")


def number_of(article) -> int:
    """The article's number in the site (a translation has its original's)."""
    originals = list(_originals().order_by("pk").values_list("translation_key", flat=True))
    return originals.index(article.translation_key)


def _new_title(article) -> str:
    version = Revision.objects.for_instance(article).count() + 1
    return site.title(article.locale.language_code, number_of(article), version)


def _draft(pick: int):
    article = _pick(ArticlePage.objects.all(), pick)
    return article.get_latest_revision_as_object()


def _editor():
    return get_user_model().objects.get(username=site.EDITOR)


def publish(*, pick: int, retitle: bool) -> None:
    """Publish the article's latest draft, with a new title or as it is."""
    draft = _draft(pick)
    if retitle:
        draft.title = _new_title(draft)
    draft.go_live_at = None
    draft.save_revision(user=_editor()).publish(user=_editor())


def unpublish(*, pick: int) -> None:
    article = _pick(ArticlePage.objects.live(), pick)
    if article is not None:
        article.unpublish(user=_editor())


def save_draft(*, pick: int) -> None:
    """A new title saved as a draft only (as the editor's autosave does)."""
    draft = _draft(pick)
    draft.title = _new_title(draft)
    draft.save_revision(user=_editor())


def schedule(*, pick: int, future: bool) -> None:
    """Publish a new title with a go-live an hour ahead (scheduled) or an hour ago (at once)."""
    draft = _draft(pick)
    draft.title = _new_title(draft)
    draft.go_live_at = timezone.now() + timedelta(hours=1 if future else -1)
    draft.save_revision(user=_editor()).publish(user=_editor())


def publish_scheduled() -> None:
    """The go-live of every scheduled revision comes, and the cron job runs."""
    Revision.objects.filter(approved_go_live_at__isnull=False).update(
        approved_go_live_at=timezone.now() - timedelta(seconds=1)
    )
    call_command("publish_scheduled", stdout=io.StringIO())


def move(*, pick: int) -> None:
    """Move a Vietnamese article to the other section."""
    article = _pick(_originals(), pick)
    parent = article.get_parent()
    target = SectionPage.objects.filter(locale=article.locale).exclude(pk=parent.pk).first()
    article.move(target, pos="last-child", user=_editor())


def restrict(*, pick: int, password: bool) -> None:
    """A password or login restriction on an article or a section, as the privacy dialog
    saves it (nothing when the page already has one)."""
    from wagtail.models import Page

    page = _pick(Page.objects.type(ArticlePage, SectionPage), pick)
    if PageViewRestriction.objects.filter(page=page).exists():
        return
    kind = PageViewRestriction.PASSWORD if password else PageViewRestriction.LOGIN
    PageViewRestriction(page=page, restriction_type=kind, password="bí-mật" * password).save(
        user=_editor()
    )


def unrestrict(*, pick: int) -> None:
    restriction = _pick(PageViewRestriction.objects.all(), pick)
    if restriction is not None:
        restriction.delete(user=_editor())


def translate(*, pick: int) -> None:
    """Translate a Vietnamese article into English and publish the translation (its parents
    copied as aliases when not translated yet); an existing translation gets a new title."""
    english = Locale.objects.get(language_code="en")
    original = _pick(_originals(), pick)
    translation = original.get_translation_or_none(english)
    if translation is None:
        translation = original.copy_for_translation(english, copy_parents=True)
    else:
        translation = translation.get_latest_revision_as_object()
    translation.title = _new_title(translation)
    translation.save_revision(user=_editor()).publish(user=_editor())


def _next(names: list[str], current: str) -> str:
    return names[(names.index(current) + 1) % len(names)] if current in names else names[0]


def rename_tag(*, pick: int, english: bool) -> None:
    """A tag's name in one edition, as saved under Tag names."""
    language = "en" if english else "vi"
    tag = _pick(Tag.objects.all(), pick)
    number = list(Tag.objects.order_by("pk")).index(tag)
    locale = Locale.objects.get(language_code=language)
    name = TagName.objects.filter(tag=tag, locale=locale).first()
    if name is None:
        name = TagName(tag=tag, locale=locale, name=tag.name if not english else "")
    name.name = _next(site.TAG_NAMES[language][number], name.name)
    name.slug = ""
    name.save()


def rename_person(*, pick: int) -> None:
    person = _pick(Person.objects.all(), pick)
    number = list(Person.objects.order_by("pk")).index(person)
    person.name = _next(site.PERSON_NAMES[number], person.name)
    person.save()


def change_photo_text(*, english: bool) -> None:
    """The photo's caption in one edition (the Vietnamese one is the photo's own)."""
    photo = NewsImage.objects.get()
    if not english:
        photo.caption = _next(site.CAPTIONS["vi"], photo.caption)
        photo.save()
        return
    text = PhotoText.objects.get(image=photo, locale__language_code="en")
    text.caption = _next(site.CAPTIONS["en"], text.caption)
    text.save()


def moderate_comment(*, pick: int, approve: bool) -> None:
    comment = _pick(Comment.objects.all(), pick)
    status = Comment.Status.APPROVED if approve else Comment.Status.REMOVED
    comment_moderate(comment=comment, status=status, user=_editor())


ACTIONS = {
    action.__name__: action
    for action in (
        publish,
        unpublish,
        save_draft,
        schedule,
        publish_scheduled,
        move,
        restrict,
        unrestrict,
        translate,
        rename_tag,
        rename_person,
        change_photo_text,
        moderate_comment,
    )
}
