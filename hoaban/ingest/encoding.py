"""Bytes to text for pages whose declared charset cannot be trusted.

Provincial portals still serve Windows-1258 pages labelled UTF-8 and the reverse. Valid UTF-8
is practically never an accident, so it wins over any label; otherwise the declared charset is
used if the bytes fit it, and charset-normalizer guesses when they do not. Windows-1258 writes
tone marks as combining characters, hence the NFC step. Text that is already garbled at the
source (UTF-8 read as a legacy code page and saved again) cannot be repaired reliably: ftfy's
detector flags it and the item is refused rather than imported as gibberish.
"""

import codecs
import re
import unicodedata

import charset_normalizer
from django.utils.translation import gettext as _
from ftfy.badness import is_bad

META_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


class EncodingError(Exception):
    pass


def declared_charset(content: bytes, content_type_header: str = "") -> str:
    """The charset named by the Content-Type header, else by a <meta> tag in the head."""
    for part in content_type_header.split(";")[1:]:
        key, _sep, value = part.strip().partition("=")
        if key.lower() == "charset" and value:
            return value.strip("\"' ").lower()
    match = META_CHARSET.search(content[:4096])
    return match.group(1).decode("ascii").lower() if match else ""


def decode_page(content: bytes, content_type_header: str = "") -> str:
    try:
        text = content.decode("utf-8")
    except UnicodeDecodeError:
        text = _decode(content, declared_charset(content, content_type_header))
    return unicodedata.normalize("NFC", text)


def _decode(content: bytes, declared: str) -> str:
    if declared and _known(declared) and codecs.lookup(declared).name != "utf-8":
        try:
            return content.decode(declared)
        except UnicodeDecodeError:
            pass
    guess = charset_normalizer.from_bytes(content).best()
    if guess is None:
        raise EncodingError(_("The page is in no character set that could be recognised."))
    return str(guess)


def check_not_garbled(text: str):
    if is_bad(text):
        raise EncodingError(
            _("The text is garbled (mojibake): the portal published it in a wrong encoding.")
        )


def _known(charset: str) -> bool:
    try:
        codecs.lookup(charset)
    except LookupError:
        return False
    return True
