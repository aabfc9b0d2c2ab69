"""The demo's texts lined up across its editions, for the demo translation engine's memory."""

from . import content
from .editions import glossary
from .editions_content import TAG_NAMES
from .memory_content import STORIES

LANGUAGES = ("vi", "en", "ru")


def aligned_texts() -> list[dict[str, str]]:
    """Every demo text that has its English and Russian: [{"vi": …, "en": …, "ru": …}, …].

    The translated pages' texts (editions_content), the tag names, and the stories the demo
    leaves in Vietnamese alone (memory_content), with the photo caption the loader derives
    from each lead.
    """
    english, russian = glossary("en"), glossary("ru")
    rows = [{"vi": vi, "en": english[vi], "ru": russian[vi]} for vi in english]
    rows += [{"vi": vi, "en": en, "ru": ru} for vi, (en, ru) in TAG_NAMES.items()]
    leads = {title: lead for _key, title, _date, _palette, lead, _tags in content.RECENT}
    leads[content.VIDEO["title"]] = content.VIDEO["lead"]
    for title, editions in STORIES.items():
        lead = leads[title]
        texts = [title, lead, lead.split(",")[0].rstrip(".") + "." if editions["en"][2] else ""]
        for index, vi in enumerate(texts):
            if vi:
                rows.append({"vi": vi, "en": editions["en"][index], "ru": editions["ru"][index]})
    return rows
