"""Link patterns picked by example: each rule is written out as the regular expression that
the list-page discovery matches links against, and read back from it for the edit form."""

import re
from urllib.parse import urlsplit

FOLDER = "folder"
NUMBERED = "numbered"
NUMBERED_IN_FOLDER = "numbered_in_folder"
ADVANCED = "advanced"

# The last part of the address (no query) carries an article number of two digits or more:
# "…-1203.html", "101-binh-dang-gioi.html", "…/4021"; not "tin-tuc.html?page=2".
NUMBERED_NAME = r"[^/?#]*\d{2,}[^/?#]*$"
FOLDER_SUFFIXES = {
    FOLDER: r"[^?#]+$",
    NUMBERED_IN_FOLDER: r"(?:[^/?#]+/)*" + NUMBERED_NAME,
}
DEFAULT_FOLDER = "/tin-tuc/"


def build(*, rule: str, folder: str = "") -> str:
    if rule == NUMBERED:
        return "/" + NUMBERED_NAME
    return re.escape(normalise_folder(folder)) + FOLDER_SUFFIXES[rule]


def recognise(pattern: str) -> tuple[str, str]:
    """(rule, folder) that build() turns into this pattern; ADVANCED for any other pattern."""
    if pattern == build(rule=NUMBERED):
        return NUMBERED, ""
    for rule, suffix in FOLDER_SUFFIXES.items():
        if pattern.endswith(suffix):
            escaped = pattern[: -len(suffix)]
            folder = re.sub(r"\\(.)", r"\1", escaped)
            if folder and re.escape(folder) == escaped and normalise_folder(folder) == folder:
                return rule, folder
    return ADVANCED, ""


def normalise_folder(text: str) -> str:
    """ "tin-tuc", "/tin-tuc" or a whole address → "/tin-tuc/"; "" stays empty."""
    text = text.strip()
    if "://" in text:
        text = urlsplit(text).path
    text = text.split("?")[0].split("#")[0].strip("/")
    return f"/{text}/" if text else ""


def suggested_folder(list_url: str) -> str:
    """The folder of the list page itself: "/tin-tuc.html" and "/tin-tuc/" both give /tin-tuc/."""
    path = urlsplit(list_url).path if list_url else ""
    folder = re.sub(r"\.[a-z0-9]{2,5}$", "", path, flags=re.IGNORECASE)
    return normalise_folder(folder) or DEFAULT_FOLDER


def sample_links(*, origin: str, folder: str) -> list[str]:
    """Typical addresses on a portal: an article, a second list page, two other pages."""
    return [
        f"{origin}{folder}le-hoi-hoa-ban-nam-2025-1203.html",
        f"{origin}{folder}?page=2",
        f"{origin}/gioi-thieu/lien-he.html",
        f"{origin}/van-ban/quyet-dinh-so-15.html",
    ]


def origin(url: str) -> str:
    parts = urlsplit(url or "")
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else ""
