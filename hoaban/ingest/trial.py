"""Testing a source: what a run would import from it now, read with the run's own fetcher,
discovery and extraction, and nothing written (no draft, no item, no run, no validators).

The source may be unsaved (a form being filled in). Its feed or list page is fetched in full
(no conditional GET), and the first few articles are fetched and extracted as the run would;
the first photo of each is fetched too and shown as a small inline thumbnail, since the
admin's Content-Security-Policy keeps other sites' images out.
"""

import base64
import io
import re
from dataclasses import dataclass, field
from datetime import datetime

from django.conf import settings
from django.utils.translation import get_language_info
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

from . import dedup
from .dates import DateBasis
from .discovery import Candidate, discover
from .extraction import Extracted, Photo
from .fetching import Fetcher, FetchError
from .importer import judge
from .models import ImportedItem, Source
from .pipeline import EXPECTED, Syndicator

THUMBNAIL_SIZE = (320, 240)


@dataclass
class TrialPhoto:
    caption: str
    credit: str
    src: str
    thumbnail: str = ""  # a data: URL, empty when the photo could not be read
    error: str = ""


@dataclass
class TrialItem:
    url: str
    title: str = ""
    published_at: datetime | None = None
    date_origin: str = ""
    author: str = ""
    lead: str = ""
    photo: TrialPhoto | None = None
    verdict: str = ""
    error: str = ""


@dataclass
class Trial:
    address: str
    error: str = ""
    found: int = 0
    items: list[TrialItem] = field(default_factory=list)
    # List pages only: a few links the pattern takes as articles, and a few it leaves out.
    matching_links: list[str] = field(default_factory=list)
    other_links: list[str] = field(default_factory=list)


def try_source(*, source: Source, limit: int = 3, fetcher: Fetcher | None = None) -> Trial:
    """What a run would import from the source now; reads the database, writes nothing."""
    probe = Source(
        pk=source.pk,
        name=source.name,
        feed_url=source.feed_url,
        list_url=source.list_url,
        # Every link of a list page, so the test can show which the pattern leaves out.
        link_pattern="" if source.feed_url else ".",
        language=source.language,
    )
    trial = Trial(address=source.feed_url or source.list_url)
    syndicator = Syndicator(fetcher=fetcher or Fetcher())
    try:
        try:
            listing = discover(probe, syndicator.fetcher)
        except EXPECTED as error:
            trial.error = str(error)
            return trial
        candidates = _articles(trial, listing.candidates, source)
        trial.found = len(candidates)
        if not candidates:
            trial.error = _("No article links were found at this address.")
        for candidate in candidates[:limit]:
            trial.items.append(_read(syndicator, source, candidate))
        return trial
    finally:
        if fetcher is None:
            syndicator.fetcher.close()


def _articles(trial: Trial, candidates: list[Candidate], source: Source) -> list[Candidate]:
    if source.feed_url:
        return candidates
    matcher = re.compile(source.link_pattern)
    articles = [candidate for candidate in candidates if matcher.search(candidate.url)]
    trial.matching_links = [candidate.url for candidate in articles[:5]]
    trial.other_links = [c.url for c in candidates if not matcher.search(c.url)][:5]
    return articles


def _read(syndicator: Syndicator, source: Source, candidate: Candidate) -> TrialItem:
    item = TrialItem(url=candidate.url, title=candidate.title)
    try:
        fetched = syndicator.fetcher.get(candidate.url)
        _html, extracted = syndicator.extract(candidate, fetched)
    except EXPECTED as error:
        item.error = str(error)
        return item
    item.title = extracted.title
    item.published_at = extracted.published_at
    item.date_origin = _date_origin(extracted)
    item.author = extracted.author
    item.lead = extracted.lead
    item.verdict = _verdict(syndicator, source, extracted, candidate.url)
    if extracted.photos:
        item.photo = _photo(syndicator.fetcher, extracted.photos[0])
    return item


def _date_origin(extracted: Extracted) -> str:
    """Where extraction read the date, so an editor can check it at its source."""
    if extracted.published_at is None:
        return _("none found: the draft gets the time of import")
    if extracted.date_basis not in DateBasis.values:
        return _("found, source not recorded")
    return str(DateBasis(extracted.date_basis).label)


def _verdict(syndicator: Syndicator, source: Source, extracted: Extracted, url: str) -> str:
    if source.pk and ImportedItem.objects.filter(source_id=source.pk, url=url).exists():
        return _("Already imported from this source: the run skips it.")
    found = judge(
        extracted=extracted,
        minhash=dedup.signature(extracted.text),
        index=syndicator.index,
        language=source.language,
    )
    if found.is_duplicate:
        original = (
            ImportedItem.objects.filter(pk=found.original_pk).select_related("source").first()
        )
        return _("Repeats an article already imported: %(title)s") % {
            "title": _titled(original, source.language)
        }
    return _("New: the run would import it as a draft.")


def _titled(original: ImportedItem | None, language: str) -> str:
    """The original's title, with its edition when that is another (a translated story)."""
    if original is None:
        return ""
    if original.source.language == language:
        return original.title
    return f"{original.title} ({get_language_info(original.source.language)['name_translated']})"


def _photo(fetcher: Fetcher, photo: Photo) -> TrialPhoto:
    shown = TrialPhoto(caption=photo.caption, credit=photo.credit, src=photo.src)
    try:
        fetched = fetcher.get(photo.src, max_bytes=settings.HOABAN_INGEST_MAX_IMAGE_BYTES)
        with Image.open(io.BytesIO(fetched.content)) as image:
            image.thumbnail(THUMBNAIL_SIZE)
            buffer = io.BytesIO()
            image.convert("RGB").save(buffer, "JPEG", quality=80)
    except (FetchError, UnidentifiedImageError, OSError) as error:
        shown.error = str(error) or type(error).__name__
        return shown
    shown.thumbnail = "data:image/jpeg;base64," + base64.b64encode(buffer.getvalue()).decode()
    return shown
