"""Dates as Vietnamese portals write them, read in the site's time zone.

Portals print "20/04/2025", "Thứ Hai, 14/04/2025 08:30", "21/4/2025 | 08:30",
"08:30 | 14/04/2025" (day first, always) or "Ngày 21 tháng 4 năm 2025", and put "2025-4-20"
in URLs. A date without a zone is local time (Asia/Ho_Chi_Minh).
"""

import re
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

DAY_FIRST = re.compile(r"(?<!\d)(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?!\d)")
_TIME = r"(\d{1,2})\s*[:hg]\s*(\d{2})"
# A time right after the date ("14/04/2025 08:30", "14/04/2025, 08h30") or right before it
# ("08:30 | 14/04/2025", "08:30, Thứ Hai, 14/04/2025").
TIME_AFTER = re.compile(rf"\D{{1,4}}?{_TIME}(?!\d)")
TIME_BEFORE = re.compile(rf"{_TIME}[\s|,\-–]*(?:(?:[Tt]hứ|Chủ)\s+\S+)?[\s|,\-–]*(?:ngày\s*)?$")
ISO = re.compile(r"(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2}))?")
LONG_DATE = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})", re.IGNORECASE)
URL_DATE = re.compile(r"(?<!\d)(20\d{2})[-/_](\d{1,2})[-/_](\d{1,2})(?!\d)")


# What a line printing only a date is made of, besides the date: weekday, "Cập nhật", clock.
DATE_WORDS = re.compile(
    r"(?:thứ\s+\S+|chủ\s+nhật|cập\s+nhật|đăng\s+ngày|ngày|tháng|năm|lúc|giờ|gmt\+?7?|"
    r"\d+|[\s/.:,|()\-–+hg])",
    re.IGNORECASE,
)


# The longest date-only line ("Cập nhật: Thứ Hai, ngày 21 tháng 4 năm 2025 lúc 08:30 (GMT+7)")
# is under this; longer lines (nearly every paragraph) are not searched for dates at all.
DATE_LINE_LENGTH = 100


def is_date_line(text: str) -> bool:
    """Whether the line is a printed date and nothing else ("Thứ Hai, 21/04/2025 08:30")."""
    if len(text) > DATE_LINE_LENGTH:
        return False
    return bool(find_datetimes(text) or LONG_DATE.search(text)) and not DATE_WORDS.sub("", text)


def local_zone() -> ZoneInfo:
    return ZoneInfo(settings.TIME_ZONE)


def _aware(year, month, day, hour=0, minute=0) -> datetime | None:
    try:
        return datetime(int(year), int(month), int(day), int(hour or 0), int(minute or 0)).replace(
            tzinfo=local_zone()
        )
    except ValueError:
        return None


def find_datetimes(text: str) -> list[datetime]:
    """Every date (with its time when printed next to it) in the text, in order of appearance."""
    found = []
    for match in DAY_FIRST.finditer(text):
        day, month, year = match.groups()
        clock = TIME_AFTER.match(text, match.end(), match.end() + 12) or TIME_BEFORE.search(
            text[max(0, match.start() - 30) : match.start()]
        )
        hour, minute = clock.groups() if clock else (0, 0)
        found.append((match.start(), _aware(year, month, day, hour, minute)))
    for match in LONG_DATE.finditer(text):
        day, month, year = match.groups()
        clock = TIME_AFTER.match(text, match.end(), match.end() + 12)
        hour, minute = clock.groups() if clock else (0, 0)
        found.append((match.start(), _aware(year, month, day, hour, minute)))
    for match in ISO.finditer(text):
        found.append((match.start(), _aware(*match.groups())))
    return [value for _start, value in sorted(found, key=lambda pair: pair[0]) if value]


def parse_vietnamese_datetime(text: str) -> datetime | None:
    """The first date in the text, e.g. "Thứ Hai, 14/04/2025 08:30" → 2025-04-14 08:30 +07."""
    found = find_datetimes(text)
    return found[0] if found else None


def date_in_url(url: str) -> date | None:
    match = URL_DATE.search(url)
    if match:
        value = _aware(*match.groups())
        return value.date() if value else None
    return None


class DateBasis(models.TextChoices):
    """Where an article's date was read (ImportedItem.date_basis); a date read only from the
    address is a guess the editor is told about."""

    PRINTED = "printed", _("printed on the page")  # by the headline
    MARKUP = "markup", _("the page's metadata")  # htmldate
    FEED = "feed", _("the feed")  # the feed entry
    URL = "url", _("only the page's address")


def published_at(
    *, page_day: date | None, near_headline: str, url: str
) -> tuple[datetime | None, str]:
    """When the article came out, and on what basis.

    A day in the page's markup takes the time printed for that day. Otherwise the date and
    time printed by the headline win, and the date in the URL is used only when there is
    nothing else. htmldate reads URLs too, so a markup day equal to the URL's is the URL's.
    """
    printed = find_datetimes(near_headline)
    url_day = date_in_url(url)
    if page_day and page_day != url_day:
        for value in printed:
            if value.date() == page_day:
                return value, DateBasis.PRINTED
        return _midnight(page_day), DateBasis.MARKUP
    if printed:
        return printed[0], DateBasis.PRINTED
    if url_day:
        return _midnight(url_day), DateBasis.URL
    return None, ""


def _midnight(day: date) -> datetime:
    return datetime.combine(day, time(0, 0), tzinfo=local_zone())
