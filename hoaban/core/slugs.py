"""URL slugs from titles in any of the site's languages: one rule for the server and the admin.

Django's slugify drops every character without an ASCII decomposition ("Điện Biên" would
become "ien-bien"), and Wagtail's live slug field (the Stimulus ``w-slug`` controller's
urlify) writes đ as "dj", drops letters carrying two marks ("Quốc" → "quc") and reads
Cyrillic differently from anyascii ("ёлка" → "yolka"). So the rule lives here once, as data
both sides run:

- a character table, taken from anyascii over the scripts titles are written in (Latin with
  every Vietnamese letter, combining marks, Cyrillic, punctuation): đ/Đ → d, each toned vowel
  → its base letter, Russian one way (ё → e, щ → shch);
- a few regular expressions for the rest (separators, hyphens, the 80-character cut at a word
  boundary), written in the subset of syntax Python and JavaScript read alike.

The admin gets both as the slug widget's ``formatters`` (``formatters_json()``, see
hoaban.core.forms), which Wagtail's
controller runs before its own urlify on the title and on a slug typed by hand; what it then
does (lower case, collapse hyphens) leaves our output unchanged. The server runs the same
steps in ``slug_from_title``. Characters outside the table (other scripts, emoji) are dropped
by both. Asking the server on every keystroke would also agree, but adds a request per key
and a view; a table needs neither.
"""

import json
import re
from functools import cache

from anyascii import anyascii

MAX_SLUG_LENGTH = 80

# Unicode blocks whose letters and marks get a transliteration; ASCII passes through as is.
TRANSLITERATED_BLOCKS = (
    (0x00A0, 0x024F),  # Latin-1 Supplement, Latin Extended-A and -B
    (0x0300, 0x036F),  # combining marks: Vietnamese typed decomposed loses only its marks
    (0x0400, 0x052F),  # Cyrillic and its supplement
    (0x1E00, 0x1EFF),  # Latin Extended Additional: ạ ả ấ ầ ẩ ẫ ậ … ỹ
    (0x2000, 0x206F),  # general punctuation: dashes, quotes, ellipsis, spaces
    (0x20A0, 0x20CF),  # currency signs such as ₫
)


def structure_steps(max_length: int = MAX_SLUG_LENGTH) -> tuple[tuple[str, str], ...]:
    """What follows transliteration, in order. "$1" is JavaScript's group reference."""
    return (
        (r"[\t\n\v\f\r /._:]+", " "),  # separators in numbers ("28/2022/NĐ-CP") become gaps
        (r"[^A-Za-z0-9 -]+", ""),
        (r"[ -]+", "-"),
        (r"^-+|-+$", ""),
        # Longer than the limit: cut at the last hyphen within it, so the slug stays readable…
        (rf"^(?=.{{{max_length + 1}}})(.{{1,{max_length - 1}}})-.*$", "$1"),
        # …or, with no hyphen to cut at, at the limit.
        (rf"^(.{{{max_length}}}).+$", "$1"),
    )


@cache
def transliteration() -> dict[str, str]:
    """Each non-ASCII character of the blocks above → its ASCII spelling (maybe empty)."""
    return {
        chr(code): anyascii(chr(code))
        for first, last in TRANSLITERATED_BLOCKS
        for code in range(first, last + 1)
    }


@cache
def _translation_table() -> dict[int, str]:
    return {ord(char): ascii for char, ascii in transliteration().items()}


@cache
def _compiled_steps(max_length: int) -> tuple[tuple[re.Pattern, str], ...]:
    return tuple(
        (re.compile(pattern), replacement.replace("$1", r"\1"))
        for pattern, replacement in structure_steps(max_length)
    )


def slug_from_title(title: str, max_length: int = MAX_SLUG_LENGTH) -> str:
    """The slug for a title, or for a slug typed by hand: ASCII, lower case, at most
    max_length characters."""
    slug = (title or "").translate(_translation_table())
    for pattern, replacement in _compiled_steps(max_length):
        slug = pattern.sub(replacement, slug)
    return slug.lower()


@cache
def admin_formatters() -> tuple[tuple[str, str], ...]:
    """The same rule as (pattern, replacement) pairs for Wagtail's w-slug controller: one
    character class per ASCII spelling (the order does not matter, as no spelling contains a
    character of the table), then the structure steps."""
    by_spelling: dict[str, list[str]] = {}
    for char, ascii in transliteration().items():
        by_spelling.setdefault(ascii, []).append(char)
    # No character in the blocks needs escaping in a class, in either language; a "$" in a
    # spelling is doubled, as JavaScript reads "$" in a replacement as a reference.
    classes = tuple(
        (f"[{''.join(chars)}]", ascii.replace("$", "$$")) for ascii, chars in by_spelling.items()
    )
    return classes + structure_steps()


@cache
def formatters_json() -> str:
    """The formatters as the w-slug controller reads them from its data attribute. Built here
    rather than through SlugInput(formatters=…), which would compile 230 patterns with
    Python's re for every form only to hand back the same strings."""
    return json.dumps(
        [[[pattern, "gu"], replacement] for pattern, replacement in admin_formatters()],
        ensure_ascii=False,
        separators=(",", ":"),
    )
