"""A run over sources: discover items, fetch and extract each, tell repeats apart, import.

Every item stands alone: whatever goes wrong with one (network, encoding, extraction, the
write) is counted, recorded with its reason and the run moves on to the next. The feed's
validators (ETag / Last-Modified) are kept only after a run without failures, so a failed
item is offered again by the next run instead of hiding behind a 304. A machine translation
that fails leaves its item imported: it is recorded apart and does not count as a failed item.
"""

import io
import logging
import mimetypes
import posixpath
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from urllib.parse import urlsplit

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

from . import dedup
from .dates import DateBasis
from .discovery import Candidate, DiscoveryError, discover
from .encoding import EncodingError, decode_page
from .extraction import Extracted, ExtractionError, Photo, extract_article
from .fetching import Fetched, Fetcher, FetchError
from .importer import PhotoFile, import_item, judge
from .models import FetchRun, ImportedItem, Source
from .translating import translate_import

logger = logging.getLogger(__name__)

EXPECTED = (FetchError, EncodingError, ExtractionError, DiscoveryError)
HTML_TYPES = {"text/html", "application/xhtml+xml", ""}


@dataclass
class RunSummary:
    source: str
    fetched: int = 0
    imported: int = 0
    duplicates: int = 0
    failed: int = 0
    skipped: int = 0
    error: str = ""
    not_modified: bool = False
    failures: list = field(default_factory=list)
    # [{"url": ..., "language": ..., "reason": ...}] for each translation draft not made.
    untranslated: list = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.error and not self.failed


class Syndicator:
    def __init__(
        self,
        *,
        fetcher: Fetcher | None = None,
        since: datetime | None = None,
        dry_run: bool = False,
        progress: Callable[[Iterable, str], Iterable] | None = None,
    ):
        self.fetcher = fetcher or Fetcher()
        self.since = since
        self.dry_run = dry_run
        self.progress = progress or (lambda items, _label: items)
        self.index = dedup.NearDuplicateIndex.load()
        # Canonical URLs met in this run: a dry run writes nothing, yet must see repeats.
        self.seen_canonical: set[str] = set()

    def run(self, sources: Iterable[Source]) -> list[RunSummary]:
        return [self.run_source(source) for source in sources]

    def run_source(self, source: Source) -> RunSummary:
        summary = RunSummary(source=source.name)
        started = timezone.now()
        try:
            listing = discover(source, self.fetcher)
        except EXPECTED as error:
            summary.error = str(error)
            self._record(source, summary, started, listing=None)
            return summary
        summary.not_modified = listing.not_modified
        for candidate in self.progress(self._new(source, listing.candidates, summary), source.name):
            self._process(source, candidate, summary)
        self._record(source, summary, started, listing=listing)
        return summary

    def _new(self, source, candidates, summary) -> list[Candidate]:
        urls = [candidate.url for candidate in candidates]
        known = set(
            ImportedItem.objects.filter(source=source, url__in=urls).values_list("url", flat=True)
        )
        fresh = []
        for candidate in candidates:
            too_old = self.since and candidate.published_at and candidate.published_at < self.since
            if candidate.url in known or too_old:
                summary.skipped += 1
            else:
                fresh.append(candidate)
        return fresh

    def _process(self, source: Source, candidate: Candidate, summary: RunSummary):
        try:
            outcome = self._import(source, candidate, summary)
        except EXPECTED as error:
            reason = str(error)
        except Exception as error:  # a broken item must not stop the run: record and go on
            logger.exception("Importing %s from %s failed", candidate.url, source)
            reason = f"{type(error).__name__}: {error}"
        else:
            if outcome == "skipped":
                summary.skipped += 1
            elif outcome == ImportedItem.Status.DUPLICATE:
                summary.duplicates += 1
            else:
                summary.imported += 1
            return
        summary.failed += 1
        summary.failures.append({"url": candidate.url, "reason": reason})

    def extract(self, candidate: Candidate, fetched: Fetched) -> tuple[str, Extracted]:
        """The candidate's fetched page as text, and the article in it."""
        if fetched.content_type not in HTML_TYPES:
            raise ExtractionError(
                _("Expected a web page, got %(type)s.") % {"type": fetched.content_type}
            )
        html = decode_page(fetched.content, fetched.headers.get("content-type", ""))
        extracted = extract_article(html, url=fetched.url)
        if candidate.published_at and not _has_time(extracted.published_at):
            extracted.published_at = candidate.published_at
            extracted.date_basis = DateBasis.FEED
        return html, extracted

    def _import(self, source: Source, candidate: Candidate, summary: RunSummary) -> str:
        fetched = self.fetcher.get(candidate.url)
        summary.fetched += 1
        html, extracted = self.extract(candidate, fetched)
        if self.since and extracted.published_at and extracted.published_at < self.since:
            return "skipped"
        if self.dry_run:
            return self._judge_only(extracted, source.language)
        photos = self._download_photos(extracted)
        item = import_item(
            source=source,
            url=candidate.url,
            extracted=extracted,
            html=html,
            photos=photos,
            index=self.index,
        )
        if item.status == ImportedItem.Status.IMPORTED:
            for language, reason in translate_import(item).items():
                summary.untranslated.append(
                    {"url": candidate.url, "language": language, "reason": reason}
                )
        return item.status

    def _judge_only(self, extracted: Extracted, language: str) -> str:
        minhash = dedup.signature(extracted.text)
        verdict = judge(extracted=extracted, minhash=minhash, index=self.index, language=language)
        if verdict.is_duplicate or extracted.story_url in self.seen_canonical:
            return ImportedItem.Status.DUPLICATE
        self.seen_canonical.add(extracted.story_url)
        self.index.add(extracted.story_url, minhash, dedup.facts(extracted.text, language))
        return ImportedItem.Status.IMPORTED

    def _download_photos(self, extracted: Extracted) -> list[PhotoFile]:
        photos = []
        for photo in extracted.photos:
            try:
                photos.append(self._download(photo))
            except (FetchError, UnidentifiedImageError, OSError) as error:
                # A missing photo does not sink the story: the editor sees the draft without it.
                logger.warning("Photo %s left out of %s: %s", photo.src, extracted.url, error)
        return photos

    def _download(self, photo: Photo) -> PhotoFile:
        fetched = self.fetcher.get(photo.src, max_bytes=settings.HOABAN_INGEST_MAX_IMAGE_BYTES)
        with Image.open(io.BytesIO(fetched.content)) as image:
            image.verify()
            kind = (image.format or "jpeg").lower()
        name = posixpath.basename(urlsplit(fetched.url).path) or "photo"
        stem, extension = posixpath.splitext(name)
        if extension.lower() not in {".jpg", ".jpeg", ".png", ".gif", ".webp"}:
            extension = mimetypes.guess_extension(f"image/{kind}") or ".jpg"
        return PhotoFile(photo=photo, data=fetched.content, filename=f"{stem[:80]}{extension}")

    def _record(self, source: Source, summary: RunSummary, started, *, listing):
        if self.dry_run:
            return
        now = timezone.now()
        FetchRun.objects.create(
            source=source,
            started_at=started,
            finished_at=now,
            fetched=summary.fetched,
            imported=summary.imported,
            duplicates=summary.duplicates,
            failed=summary.failed,
            skipped=summary.skipped,
            error=summary.error,
            failures=summary.failures,
        )
        source.last_fetched_at = now
        source.last_error = summary.error or _failures_text(summary)
        if summary.error:
            source.last_result = Source.Result.FAILED
        elif summary.failed:
            source.last_result = Source.Result.PARTIAL
        elif summary.untranslated:
            source.last_result = Source.Result.UNTRANSLATED
        elif summary.not_modified:
            source.last_result = Source.Result.NOT_MODIFIED
        else:
            source.last_result = Source.Result.OK
        fields = ["last_fetched_at", "last_result", "last_error"]
        if listing is not None and not summary.failed:
            source.etag, source.last_modified = listing.etag[:300], listing.last_modified[:100]
            fields += ["etag", "last_modified"]
        source.save(update_fields=fields)


def _has_time(value: datetime | None) -> bool:
    return value is not None and bool(value.hour or value.minute)


def _failures_text(summary: RunSummary) -> str:
    lines = [f"{failure['url']}: {failure['reason']}" for failure in summary.failures]
    lines += [
        _("%(url)s: no %(language)s translation: %(reason)s") % failure
        for failure in summary.untranslated
    ]
    return "\n".join(lines)
