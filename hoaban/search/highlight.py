"""Mark the reader's words in a text, whether or not either side carries accents.

The match runs on folded text (see folding.fold_with_offsets) and each match is mapped back
to the characters of the original, so "dien bien" marks "Điện Biên" as it was written.
"""

import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .folding import fold_with_offsets


def highlight(text: str, words: list[str]) -> SafeString:
    """HTML of `text` with each whole word in `words` (already folded) wrapped in <mark>."""
    original, folded, offsets = fold_with_offsets(text or "")
    if not words or not original:
        return escape(original)
    alternatives = "|".join(re.escape(word) for word in sorted(set(words), key=len, reverse=True))
    pattern = re.compile(rf"(?<![^\W_])(?:{alternatives})(?![^\W_])")
    parts: list[str] = []
    position = 0
    for match in pattern.finditer(folded):
        start = offsets[match.start()]
        end = offsets[match.end() - 1] + 1
        if start < position:
            continue
        parts.append(escape(original[position:start]))
        parts.append(f"<mark>{escape(original[start:end])}</mark>")
        position = end
    parts.append(escape(original[position:]))
    return mark_safe("".join(parts))
