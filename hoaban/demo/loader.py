"""Builds the demo newspaper; every step looks for what exists before creating it.

Running it again changes nothing: pages are found by slug under their parent, images by title,
people by name and accounts by username.
"""

import io
from dataclasses import dataclass, field
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.files import File
from django.core.files.images import ImageFile
from django.db import transaction
from wagtail.documents.models import Document
from wagtail.models import Locale, Page, Site

from hoaban.articles.models import ArticlePage
from hoaban.core.models import NewsroomSettings
from hoaban.core.newsroom import ensure_site_roles, newsroom_collection
from hoaban.core.slugs import slug_from_title
from hoaban.home.models import HomePage
from hoaban.images.models import NewsImage
from hoaban.people.models import Person
from hoaban.readership.demo import plausible_reads
from hoaban.sections.models import SectionPage
from hoaban.topics.models import TopicPage

from . import content, editions, platform
from .pictures import draw_picture

PHOTO_CREDIT = "Ảnh minh họa: Hoa Ban"
VIDEO_CLIP = Path(__file__).parent / "media" / "hoa-ban.webm"
MADE_UP_VIDEO_URL = "https://www.youtube.com/watch?v=hoaBan2025a"
# (username, password, host of the site they work on, role; None, None for a superuser, who
# works on both). The README lists these.
ACCOUNTS = [
    ("admin", "hoaban-admin", None, None),
    ("editor", "hoaban-editor", platform.NEWSPAPER_HOST, "editors"),
    ("reporter", "hoaban-reporter", platform.NEWSPAPER_HOST, "reporters"),
    ("platform-editor", "hoaban-platform-editor", platform.PLATFORM_HOST, "editors"),
    ("platform-reporter", "hoaban-platform-reporter", platform.PLATFORM_HOST, "reporters"),
]


@dataclass
class Summary:
    created: dict = field(default_factory=dict)

    def count(self, kind: str):
        self.created[kind] = self.created.get(kind, 0) + 1


def _locales():
    for code in ("vi", "en", "ru"):
        Locale.objects.get_or_create(language_code=code)
    return Locale.objects.get(language_code="vi")


def _home(locale, summary) -> HomePage:
    home = HomePage.objects.filter(locale=locale, depth=2, slug="home-vi").first()
    root = Page.get_first_root_node()
    if home is None:
        home = root.add_child(
            instance=HomePage(
                title="Báo Điện Biên Phủ",
                slug="home-vi",
                locale=locale,
                search_description=content.SITE["tagline"],
            )
        )
        summary.count("home pages")
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site.objects.create(
            hostname=platform.NEWSPAPER_HOST,
            port=platform.PORT,
            root_page=home,
            is_default_site=True,
            site_name=content.SITE["publisher_name"],
        )
    if site.hostname == platform.PLATFORM_HOST:
        # Demos loaded before the platform existed served the newspaper at localhost.
        site.hostname, site.port = platform.NEWSPAPER_HOST, platform.PORT
        site.save()
    if site.root_page_id != home.pk:
        old_root = site.root_page
        site.root_page = home
        site.site_name = content.SITE["publisher_name"]
        site.save()
        # Wagtail's starter "Welcome" page has no place in the newspaper's tree.
        if not isinstance(old_root.specific, HomePage) and old_root.depth == 2:
            old_root.delete()
    return home


def _child(parent, model, summary, kind, **fields):
    slug = fields.get("slug") or slug_from_title(fields["title"])
    existing = model.objects.child_of(parent).filter(slug=slug).first()
    if existing is not None:
        return existing
    page = model(slug=slug, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    summary.count(kind)
    return page


def _image(title, palette, caption, summary, variant=0) -> NewsImage:
    collection = newsroom_collection()
    image = NewsImage.objects.filter(title=title).first()
    if image is not None and image.collection.is_root():
        # Demo photos made before the Newsroom collection existed: reporters choose from it.
        image.collection = collection
        image.save(update_fields=["collection"])
    if image is None:
        image = NewsImage(
            title=title,
            collection=collection,
            caption=caption,
            credit=PHOTO_CREDIT,
            file=ImageFile(
                io.BytesIO(draw_picture(palette, variant)),
                name=f"{slug_from_title(title)[:60]}.jpg",
            ),
        )
        image.save()
        summary.count("images")
    return image


def _video_clip(title, summary) -> Document:
    """The demo's own clip (made once by scripts/make-demo-video), uploaded as a document."""
    clip = Document.objects.filter(title=title).first()
    if clip is None:
        clip = Document(title=title, collection=newsroom_collection())
        clip.file.save(VIDEO_CLIP.name, File(VIDEO_CLIP.open("rb")), save=False)
        clip.save()
        summary.count("videos")
    return clip


def _body(paragraphs, image, caption):
    blocks = []
    for paragraph in paragraphs:
        if paragraph == "@image":
            blocks.append({"type": "image", "value": {"image": image.pk, "caption": caption}})
        else:
            blocks.append({"type": "paragraph", "value": f"<p>{paragraph}</p>"})
    return blocks


def _article(
    section, summary, *, title, date, lead, palette, caption, tags, second_caption="", **extra
):
    slug = slug_from_title(title)
    existing = ArticlePage.objects.child_of(section).filter(slug=slug).first()
    if existing is not None:
        return existing
    image = _image(title, palette, caption, summary)
    # The body's photo is a second picture: the lead photo already heads the article.
    paragraphs = extra.pop("body", [])
    body_image = None
    if "@image" in paragraphs:
        body_image = _image(
            content.SECOND_PHOTO_TITLE.format(title=title),
            palette,
            second_caption,
            summary,
            variant=1,
        )
    article = ArticlePage(
        title=title,
        slug=slug,
        date=date,
        dateline=content.SITE["default_dateline"],
        lead=lead,
        lead_image=image,
        lead_image_caption=caption,
        body=_body(paragraphs, body_image, ""),
        **extra,
    )
    article.tags.add(*tags)
    section.add_child(instance=article)
    revision = article.save_revision()
    revision.publish()
    # Publishing stamps "now"; demo stories keep their own dates as first publication.
    ArticlePage.objects.filter(pk=article.pk).update(first_published_at=date)
    summary.count("articles")
    return article


def _site_roles() -> dict:
    """Each site's newsroom roles, by host name; made once both sites and all their editions
    exist, so the grants cover every edition home."""
    return {site.hostname: ensure_site_roles(site) for site in Site.objects.all()}


def _accounts(summary, roles: dict):
    users = get_user_model()
    for username, password, host, role in ACCOUNTS:
        if users.objects.filter(username=username).exists():
            continue
        if role is None:
            users.objects.create_superuser(username, f"{username}@hoaban.example", password)
        else:
            user = users.objects.create_user(
                username, f"{username}@hoaban.example", password, is_staff=False
            )
            user.groups.add(getattr(roles[host], role))
        summary.count("accounts")


@transaction.atomic
def load_demo() -> Summary:
    summary = Summary()
    locale = _locales()
    home = _home(locale, summary)
    NewsroomSettings.objects.update_or_create(
        site=Site.objects.get(root_page=home), defaults=content.SITE
    )
    people = {}
    for name, role in content.PEOPLE:
        people[name], created = Person.objects.get_or_create(name=name, defaults={"role": role})
        if created:
            summary.count("people")

    sections = {}
    for key, title, label, listing, intro in content.SECTIONS:
        sections[key] = _child(
            home,
            SectionPage,
            summary,
            "sections",
            title=title,
            label=label,
            listing=listing,
            introduction=intro,
            show_in_menus=True,
        )

    topic = _child(
        home,
        TopicPage,
        summary,
        "topics",
        title=content.TOPIC["title"],
        introduction=content.TOPIC["introduction"],
        image=_image(content.TOPIC["title"], content.TOPIC["palette"], "", summary),
    )

    partnership = {}
    for story in content.PARTNERSHIP:
        story = dict(story)
        key = story.pop("key")
        section = sections[story.pop("section")]
        author = people[story.pop("author")]
        article = partnership[key] = _article(section, summary, author=author, **story)
        if not article.topics.filter(pk=topic.pk).exists():
            article.topics.add(topic)
            article.save_revision().publish()
            ArticlePage.objects.filter(pk=article.pk).update(first_published_at=article.date)

    if home.lead_story_id is None:
        # The front page leads with the partnership story, as an editor would choose.
        home.lead_story = partnership[content.LEAD_STORY]
        home.save_revision().publish()
        summary.count("lead stories")

    for code in ("en", "ru"):
        editions.translate_pages(
            code, [home, *sections.values(), topic, *partnership.values()], summary
        )

    reporters = list(people.values())
    for index, (key, title, date, palette, lead, tags) in enumerate(content.RECENT):
        _article(
            sections[key],
            summary,
            title=title,
            date=date,
            lead=lead,
            palette=palette,
            caption=lead.split(",")[0].rstrip(".") + ".",
            tags=tags,
            author=reporters[index % len(reporters)],
            body=[lead, "@image"],
        )

    video = dict(content.VIDEO)
    clip = _video_clip(video["title"], summary)
    article = _article(
        sections[video.pop("section")],
        summary,
        caption="",
        author=people["Hoàng Lâm"],
        body=[video["lead"]],
        video_file=clip,
        **video,
    )
    if article.video_url == MADE_UP_VIDEO_URL:
        # Demos loaded before the clip existed pointed at a video that never played.
        article.video_url, article.video_file = "", clip
        article.save_revision().publish()
    editions.name_tags(summary)
    editions.word_photos(summary)
    platform.republish_stories(summary, platform.load_platform(summary), sections, partnership)
    _accounts(summary, _site_roles())
    if plausible_reads():
        summary.count("most-read counts")
    return summary
