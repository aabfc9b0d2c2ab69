"""Accent folding for Vietnamese (and Russian) search.

Readers type "dien bien phu", "DIEN BIEN" or "Điên Biên" and mean "Điện Biên Phủ". Stock
tokenizers fold single accents but not letters with two marks (ệ = e + circumflex + dot
below) in every mode, and none fold đ/Đ, which has no Unicode decomposition. So both the index
and every query go through `fold`: NFC, lower case, every Latin letter stripped to its base
letter, đ → d, and Russian ё → е (й keeps its breve: it is a different letter, not an accent).

`fold_with_offsets` folds one character at a time and remembers where each folded character
came from, so a match found in folded text can be highlighted in the original text.
"""

import unicodedata
from functools import lru_cache

# Letters that carry an accent but have no canonical decomposition to strip.
_NO_DECOMPOSITION = {
    "đ": "d",
    # Ð (Icelandic eth) is a common stand-in for Đ in text typed on non-Vietnamese keyboards.
    "ð": "d",
    "ё": "е",
}
# Latin-1 Supplement up to IPA Extensions, and Latin Extended Additional (all of ạ…ỹ).
_LATIN_RANGES = (range(0x00C0, 0x0250), range(0x1E00, 0x1F00))
_COMBINING_MARKS = range(0x0300, 0x0370)


def _strip_marks(char: str) -> str:
    decomposed = unicodedata.normalize("NFD", char)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _build_table() -> dict[int, str | None]:
    table: dict[int, str | None] = {}
    for block in _LATIN_RANGES:
        for code_point in block:
            char = chr(code_point)
            base = _strip_marks(char)
            if base != char:
                table[code_point] = base
    # Marks left over after NFC (nothing to compose with, or İ lower-cased to i + dot above).
    for code_point in _COMBINING_MARKS:
        table[code_point] = None
    for char, base in _NO_DECOMPOSITION.items():
        table[ord(char)] = base
    return table


_TABLE = _build_table()


def fold(text: str) -> str:
    """The search form of `text`: same words, no accents, lower case."""
    return unicodedata.normalize("NFC", text).lower().translate(_TABLE)


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    return char.lower().translate(_TABLE)


def fold_with_offsets(text: str) -> tuple[str, str, list[int]]:
    """Fold `text` keeping track of positions.

    Returns (original, folded, offsets): `original` is `text` in NFC (what should be shown),
    and `offsets[i]` is the index in `original` of the character that gave `folded[i]`.
    """
    original = unicodedata.normalize("NFC", text)
    folded: list[str] = []
    offsets: list[int] = []
    for index, char in enumerate(original):
        for folded_char in _fold_char(char):
            folded.append(folded_char)
            offsets.append(index)
    return original, "".join(folded), offsets
