"""Mark the reader's words in a text, whether or not either side carries accents.

The match runs on folded text (see folding.fold_with_offsets) and each match is mapped back
to the characters of the original, so "dien bien" marks "Điện Biên" as it was written. In a
stemming edition (stemming.py) a word is marked when its stem is a query word's stem, as the
search matched it: "петербурга" marks "Петербурге".
"""

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .folding import fold_with_offsets
from .stemming import WORD, stem_word


def _same(word: str) -> str:
    return word


def highlight(text: str, words: list[str], *, stemmed: bool = False) -> SafeString:
    """HTML of `text` with each whole word in `words` (already folded) wrapped in <mark>;
    `stemmed`: also each word with the same stem as one of them."""
    original, folded, offsets = fold_with_offsets(text or "")
    if not words or not original:
        return escape(original)
    key = stem_word if stemmed else _same
    wanted = {key(word) for word in words}
    parts: list[str] = []
    position = 0
    for match in WORD.finditer(folded):
        if key(match.group()) not in wanted:
            continue
        start = offsets[match.start()]
        end = offsets[match.end() - 1] + 1
        if start < position:
            continue
        parts.append(escape(original[position:start]))
        parts.append(f"<mark>{escape(original[start:end])}</mark>")
        position = end
    parts.append(escape(original[position:]))
    return mark_safe("".join(parts))
