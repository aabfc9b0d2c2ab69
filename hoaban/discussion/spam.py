"""Checks that hold a comment for an editor instead of publishing it.

Held comments are stored (as spam, or pending for a quick send) rather than refused, so a false
alarm costs an editor one click and never the reader's text.
"""

import re
import unicodedata

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext

# Bare domains count too: spammers drop the scheme to slip past "http" filters.
LINK_PATTERN = re.compile(
    r"(?:https?://|www\.)\S+|\b[\w-]+\.(?:com|net|org|info|biz|xyz|top|ru|vn|io|co)\b\S*",
    re.IGNORECASE,
)


def count_links(text: str) -> int:
    return len(LINK_PATTERN.findall(text))


def _fold(text: str) -> str:
    return unicodedata.normalize("NFC", text).casefold()


def banned_word_in(text: str, banned_words) -> str:
    """The first banned word or phrase found as a whole word, or ""."""
    folded = _fold(text)
    for word in banned_words:
        if re.search(rf"(?<!\w){re.escape(_fold(word))}(?!\w)", folded):
            return word
    return ""


def held_reason(text: str, *, max_links: int, banned_words) -> str:
    """Why the comment is held, stored for the editors: in the newsroom's language, whichever
    edition the reader wrote in."""
    with translation.override(settings.LANGUAGE_CODE):
        links = count_links(text)
        if links > max_links:
            return gettext("%(count)d links (more than %(max)d)") % {
                "count": links,
                "max": max_links,
            }
        word = banned_word_in(text, banned_words)
        if word:
            return gettext("banned word “%(word)s”") % {"word": word}
        return ""


def quick_send_reason(seconds: float) -> str:
    """Why a comment sent sooner than a person could type it waits for an editor: a reader who
    pastes a prepared text does that too, so it is held, not refused."""
    with translation.override(settings.LANGUAGE_CODE):
        return gettext("sent %(seconds).1f s after opening the form") % {"seconds": seconds}
