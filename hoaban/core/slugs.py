"""URL slugs from titles in any of the site's languages.

Django's slugify drops every character without an ASCII decomposition, so "Điện Biên" would
lose its "Đ" and become "ien-bien". anyascii (already required by Wagtail) transliterates
đ/Đ to d/D and Cyrillic to Latin, so Vietnamese and Russian titles both give readable slugs.
"""

import re

from anyascii import anyascii
from django.utils.text import slugify

MAX_SLUG_LENGTH = 80
SEPARATORS = re.compile(r"[/._:]+")


def slug_from_title(title: str, max_length: int = MAX_SLUG_LENGTH) -> str:
    # Separators inside numbers ("28/2022/NĐ-CP") become hyphens rather than vanishing.
    slug = slugify(SEPARATORS.sub(" ", anyascii(title or "")))
    if len(slug) > max_length:
        # Cut at a word boundary so the slug stays readable.
        slug = slug[:max_length].rsplit("-", 1)[0] or slug[:max_length]
    return slug
