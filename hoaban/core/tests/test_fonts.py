"""The self-hosted headline and story font: every face swaps in, is served by the site, and a
page preloads only the small files its edition's letters need."""

import re
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders

CSS = Path(finders.find("css/site.css")).read_text()
FACES = re.findall(r"@font-face \{(.*?)\}", CSS, re.S)


def ranges(face: str) -> list[tuple[int, int]]:
    spans = re.search(r"unicode-range: ([^;]+);", face).group(1).split(",")
    found = []
    for span in spans:
        start, _, end = span.strip().removeprefix("U+").partition("-")
        found.append((int(start, 16), int(end or start, 16)))
    return found


def face_for(character: str) -> str:
    """The file a browser takes `character` from: the last declared face covering it."""
    code = ord(character)
    for face in reversed(FACES):
        if any(start <= code <= end for start, end in ranges(face)):
            return re.search(r"url\(([^)]+)\)", face).group(1).rsplit("/", 1)[-1]
    return ""


def test_every_face_swaps_in_and_its_file_is_served_with_the_licence():
    assert len(FACES) == 5
    for face in FACES:
        assert "font-display: swap;" in face
        path = re.search(r"url\(\.\./([^)]+)\)", face).group(1)
        assert finders.find(path), path
    assert finders.find("fonts/noto-serif/OFL.txt")


@pytest.mark.parametrize(
    ("text", "files"),
    [
        ("Điện Biên Phủ – Mường Phăng, Tuần Giáo, Quỳnh Nhai, Nậm Pồ", {"latin", "vietnamese"}),
        ("Санкт-Петербург, Ёлки", {"latin", "cyrillic"}),
    ],
)
def test_vietnamese_and_russian_text_never_need_the_large_extended_files(text, files):
    used = {
        face_for(c).removeprefix("noto-serif-").removesuffix("-wght-normal.woff2") for c in text
    }
    assert used - {""} == files


@pytest.mark.parametrize(
    ("url", "language_file"), [("/vi/", "vietnamese"), ("/ru/", "cyrillic"), ("/en/", None)]
)
def test_each_edition_preloads_the_files_its_headlines_need(client, news_site, url, language_file):
    from hoaban.testing import translate

    if url != "/vi/":
        translate(news_site.home, url.strip("/"), title="Báo Điện Biên Phủ")
    html = client.get(url).content.decode()
    preloads = re.findall(
        r'<link rel="preload" href="([^"]+)" as="font" type="font/woff2" crossorigin>', html
    )
    names = {path.rsplit("/", 1)[-1] for path in preloads}
    expected = {"noto-serif-latin-wght-normal.woff2"}
    if language_file:
        expected.add(f"noto-serif-{language_file}-wght-normal.woff2")
    assert names == expected
    weight = sum(Path(finders.find(f"fonts/noto-serif/{name}")).stat().st_size for name in names)
    assert weight < 64_000
