"""Whether an extracted article may have been cut short.

A connection dropped mid-page, a CMS that truncates, or an extractor that kept only part of
the story all yield text that reads as an article but is not the whole of it. Three signs
are checked; a page showing any is still imported, with the reason shown to the editor.
"""

import re
from collections import Counter

from django.utils.translation import gettext as _

WORD = re.compile(r"\w+")
# What a finished sentence (or a quotation, or a list's last line) ends with.
SENTENCE_END = re.compile(r"[.!?…:;\"”’»)\]]\s*$")
# A shorter closing line is a credit, a date or a label rather than an unfinished sentence.
MIN_WORDS_OF_A_SENTENCE = 8
# Kept text below this share of the page's own article text means paragraphs were lost.
MIN_SHARE_OF_PAGE_TEXT = 0.5


def words(text: str) -> int:
    return len(WORD.findall(text))


def main_text_block(tree) -> tuple:
    """The page's main text block and its words: the element with the most words in <p>
    children of its own, taken before extraction drops anything; (None, 0) for a page
    without paragraphs."""
    counts = Counter()
    for paragraph in tree.iter("p"):
        parent = paragraph.getparent()
        if parent is not None:
            counts[parent] += words(paragraph.text_content())
    return max(counts.items(), key=lambda pair: pair[1], default=(None, 0))


def doubt(*, html: str, last_line: str, kept_words: int, page_words: int) -> str:
    """Why the article may be incomplete, or "" when nothing suggests so."""
    tail = html[-4096:].lower()
    if "</body>" not in tail and "</html>" not in tail:
        return _("the page's HTML is cut off")
    if words(last_line) >= MIN_WORDS_OF_A_SENTENCE and not SENTENCE_END.search(last_line):
        return _("the text ends mid-sentence")
    if page_words and kept_words < MIN_SHARE_OF_PAGE_TEXT * page_words:
        return _("the text taken is much shorter than the article text on the page")
    return ""
