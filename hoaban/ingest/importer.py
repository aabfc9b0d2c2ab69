"""Writing one item: a draft article with its photos, or a link to the story it repeats.

Everything slow (fetching the page and its photos) happened before; here the write is one
transaction that first takes the import lock, then re-checks what may have changed while the
item was on the network (the same URL or story imported by a concurrent run), then writes.
Photo files are not part of the database transaction, so files stored by a failed write are
deleted before the error goes on. A run killed outright (SIGKILL, OOM, power) cannot do that:
its files stay behind with no image row. Each photo's file name therefore carries its content
hash, and the next import of the same photo finds that leftover and writes over it rather than
beside it.
"""

import hashlib
import io
import posixpath
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.core.files.images import ImageFile
from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.html import escape
from django.utils.text import Truncator

from hoaban.articles.models import ArticlePage
from hoaban.core.newsroom import newsroom_collection
from hoaban.core.site_access import page_in_site
from hoaban.images.models import NewsImage
from hoaban.sections.models import SectionPage

from . import dedup
from .extraction import Extracted, Photo
from .models import ImportedItem, Source

# Any fixed number: the PostgreSQL advisory lock that serialises imports across sources.
IMPORT_LOCK_KEY = 6_104_2025


@dataclass
class PhotoFile:
    photo: Photo
    data: bytes
    filename: str


@dataclass
class Verdict:
    """Whether an item repeats an earlier one, and which."""

    original_pk: int | None = None
    similarity: float | None = None

    @property
    def is_duplicate(self) -> bool:
        return self.original_pk is not None


def judge(
    *, extracted: Extracted, minhash, index: dedup.NearDuplicateIndex, language: str
) -> Verdict:
    """A story already imported under its address (for a republication, the original's,
    perhaps taken from the original's own portal), else the closest near-duplicate in any
    edition (the text is in `language`)."""
    same_story = Q(canonical_url=extracted.story_url)
    if extracted.origin:
        same_story |= Q(url=extracted.origin.url)
    original = (
        ImportedItem.objects.filter(same_story, status=ImportedItem.Status.IMPORTED)
        .values_list("pk", flat=True)
        .first()
    )
    if original is not None:
        return Verdict(original, 1.0)
    match = index.find(minhash, dedup.facts(extracted.text, language))
    return Verdict(*match) if match else Verdict()


def import_item(
    *,
    source: Source,
    url: str,
    extracted: Extracted,
    html: str,
    photos: list[PhotoFile],
    index: dedup.NearDuplicateIndex,
) -> ImportedItem:
    minhash = dedup.signature(extracted.text)
    stored: list[NewsImage] = []
    try:
        with transaction.atomic():
            _take_import_lock(source)
            known = ImportedItem.objects.filter(source=source, url=url).first()
            if known is not None:
                return known
            index.refresh()
            verdict = judge(
                extracted=extracted, minhash=minhash, index=index, language=source.language
            )
            item = ImportedItem(
                source=source,
                url=url,
                canonical_url=extracted.story_url,
                title=extracted.title[:500],
                author=extracted.author[:200],
                published_at=extracted.published_at,
                date_basis=extracted.date_basis,
                incomplete=extracted.incomplete,
                signature=dedup.to_bytes(minhash),
                facts=dedup.facts(extracted.text, source.language),
                raw_html=ImportedItem.compress(html),
            )
            if verdict.is_duplicate:
                item.status = ImportedItem.Status.DUPLICATE
                item.duplicate_of_id = verdict.original_pk
                item.similarity = verdict.similarity
            else:
                item.status = ImportedItem.Status.IMPORTED
                item.article = _create_draft(source, extracted, photos, stored)
            item.save()
    except BaseException:
        for image in stored:
            image.file.storage.delete(image.file.name)
        raise
    if item.status == ImportedItem.Status.IMPORTED:
        index.add(item.pk, minhash, item.facts)
    return item


def _take_import_lock(source: Source):
    # SQLite transactions here are IMMEDIATE (settings), so writers already queue; PostgreSQL
    # needs an explicit lock, as two sources may bring the same story at the same moment.
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [IMPORT_LOCK_KEY])
    Source.objects.select_for_update().filter(pk=source.pk).exists()


def _create_draft(source, extracted, photos, stored) -> ArticlePage:
    section = SectionPage.objects.get(pk=source.default_section_id)
    if not page_in_site(section, source.site):
        # The form refuses this; a section moved to another site since must not receive
        # the source's drafts either.
        raise ValueError(
            f"The section “{section.title}” is no longer on the source's site "
            f"{source.site.hostname}: choose another section for {source.name}."
        )
    images = {id(item.photo): _store_image(item, source, stored) for item in photos}
    lead_image = images.get(id(photos[0].photo)) if photos else None
    lead = extracted.lead
    body_blocks = list(extracted.blocks)
    if len(lead) > 1000:
        body_blocks.insert(0, ("paragraph", lead))
        lead = Truncator(lead).chars(1000)
    article = ArticlePage(
        title=Truncator(extracted.title).chars(255),
        locale_id=section.locale_id,
        date=extracted.published_at or timezone.now(),
        dateline=extracted.dateline[:40],
        lead=lead,
        lead_image=lead_image,
        body=_body(body_blocks, images, skip=lead_image),
        byline=extracted.author[:200],
        live=False,
        **_attribution(source, extracted),
    )
    section.add_child(instance=article)
    article.save_revision(log_action=True)
    return article


def _attribution(source: Source, extracted: Extracted) -> dict:
    """Source: the original, named as its known Source if it is one; via: the republisher."""
    if extracted.origin is None:
        return {"source_name": source.name[:200], "source_url": extracted.canonical_url}
    known = known_source(extracted.origin.url, besides=source)
    return {
        "source_name": (known.name if known else extracted.origin.name)[:200],
        "source_url": extracted.origin.url,
        "source_via_name": source.name[:200],
        "source_via_url": extracted.canonical_url,
    }


def known_source(url: str, *, besides: Source) -> Source | None:
    """The Source (other than the republisher) whose portal the address is on: the one whose
    home URL it lies under, else the only one on its host."""
    host = _host(url)
    on_host = [
        candidate
        for candidate in Source.objects.exclude(pk=besides.pk).only(
            "name", "home_url", "feed_url", "list_url"
        )
        if any(
            other and _host(other) == host
            for other in (candidate.home_url, candidate.feed_url, candidate.list_url)
        )
    ]
    under = [candidate for candidate in on_host if url.startswith(candidate.home_url)]
    if under:
        return max(under, key=lambda candidate: len(candidate.home_url))
    return on_host[0] if len(on_host) == 1 else None


def _host(url: str) -> str:
    return urlsplit(url).netloc.lower().removeprefix("www.")


def _store_image(item: PhotoFile, source: Source, stored: list) -> NewsImage:
    digest = hashlib.sha1(item.data).hexdigest()
    existing = NewsImage.objects.filter(file_hash=digest).first()
    if existing is not None:
        return existing
    caption = item.photo.caption
    stem, extension = posixpath.splitext(item.filename)
    image = NewsImage(
        collection=newsroom_collection(source.site),
        title=Truncator(caption or item.filename).chars(255),
        caption=caption[:500],
        credit=(item.photo.credit or source.name)[:255],
        file_size=len(item.data),
        file_hash=digest,
    )
    # Short enough that Wagtail's 95-character path limit never trims the hash off.
    name = f"{stem[:60]}-{digest[:12]}{extension}"
    _remove_leftover(image.file.field.generate_filename(image, name))
    image.file = ImageFile(io.BytesIO(item.data), name=name)
    image.save()
    stored.append(image)
    return image


def _remove_leftover(path: str):
    """A file at this photo's path that no image uses was left by a killed run (the import
    lock keeps other runs out): the same bytes, so it goes and the photo takes its name."""
    storage = NewsImage._meta.get_field("file").storage
    if storage.exists(path) and not NewsImage.objects.filter(file=path).exists():
        storage.delete(path)


def _body(blocks, images, *, skip) -> list[dict]:
    body, text = [], []

    def flush():
        if text:
            body.append({"type": "paragraph", "value": "".join(text)})
            text.clear()

    for kind, value in blocks:
        if kind == "image":
            image = images.get(id(value))
            if image is None or image == skip:
                continue
            flush()
            body.append(
                {"type": "image", "value": {"image": image.pk, "caption": value.caption[:500]}}
            )
        else:
            tag = "h2" if kind == "heading" else "p"
            text.append(f"<{tag}>{escape(value)}</{tag}>")
    flush()
    return body
