"""Installing Argos Translate language packages into ARGOS_PACKAGES_DIR.

A package is a zip archive (.argosmodel) holding one folder with a metadata.json naming its
language pair; installing it is unpacking that folder, which is all the library itself does.
Doing it here means packages can be installed, checked and listed before or without the
library, from Argos's package index or from a file copied to the server by hand.

Every failure raises PackageError with a message saying what to do; an archive that is not a
valid package leaves the installed packages as they were.
"""

import json
import tempfile
import zipfile
from itertools import permutations
from pathlib import Path, PurePosixPath

import requests
from django.utils.translation import gettext as _


class PackageError(Exception):
    pass


def needed_pairs(languages, pivot: str) -> list[tuple[str, str]]:
    """The packages that translate between every two of `languages`: Argos publishes
    packages to and from English, so a pair without the pivot goes through it."""
    needed = []
    for source, target in permutations(languages, 2):
        legs = (
            [(source, target)] if pivot in (source, target) else [(source, pivot), (pivot, target)]
        )
        needed += [leg for leg in legs if leg not in needed]
    return needed


def installed_pairs(directory: Path) -> dict[tuple[str, str], Path]:
    """{(from, to): folder} of the translation packages unpacked in `directory`."""
    pairs = {}
    if not directory.is_dir():
        return pairs
    for folder in sorted(directory.iterdir()):
        try:
            metadata = json.loads((folder / "metadata.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if metadata.get("type", "translate") == "translate" and metadata.get("from_code"):
            pairs[(metadata["from_code"], metadata.get("to_code"))] = folder
    return pairs


def _read_package(archive: zipfile.ZipFile, name: str) -> tuple[str, dict]:
    """The package's folder name and metadata, after checking every member stays inside it."""
    folders = set()
    for member in archive.namelist():
        path = PurePosixPath(member)
        if path.is_absolute() or ".." in path.parts or not path.parts:
            raise PackageError(
                _("%(file)s holds an unsafe path: %(path)s") % {"file": name, "path": member}
            )
        folders.add(path.parts[0])
    if len(folders) != 1:
        raise PackageError(
            _("%(file)s is not an Argos package: it should hold exactly one folder.")
            % {"file": name}
        )
    folder = folders.pop()
    try:
        metadata = json.loads(archive.read(f"{folder}/metadata.json"))
    except KeyError as error:
        raise PackageError(
            _("%(file)s is not an Argos package: it has no metadata.json.") % {"file": name}
        ) from error
    except ValueError as error:
        raise PackageError(
            _("%(file)s has an unreadable metadata.json (%(error)s).")
            % {"file": name, "error": error}
        ) from error
    if not isinstance(metadata, dict) or not (
        metadata.get("from_code") and metadata.get("to_code")
    ):
        raise PackageError(
            _("%(file)s does not say which languages it translates (from_code, to_code).")
            % {"file": name}
        )
    return folder, metadata


def install_file(*, path: Path, directory: Path) -> tuple[str, str]:
    """Unpack the .argosmodel at `path` into `directory`, replacing an older copy of the same
    package only once the new one is fully unpacked; return its (from, to) pair."""
    name = str(path)
    if not path.is_file():
        raise PackageError(_("%(file)s: no such file.") % {"file": name})
    if not zipfile.is_zipfile(path):
        raise PackageError(
            _("%(file)s is not an Argos package (.argosmodel is a zip archive).") % {"file": name}
        )
    directory.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path) as archive:
        folder, metadata = _read_package(archive, name)
        with tempfile.TemporaryDirectory(dir=directory, prefix=".unpacking-") as unpacking:
            archive.extractall(unpacking)
            destination = directory / folder
            old = Path(unpacking) / ".previous"
            if destination.exists():
                destination.rename(old)
            try:
                (Path(unpacking) / folder).rename(destination)
            except OSError:
                if old.exists():
                    old.rename(destination)
                raise
    return metadata["from_code"], metadata["to_code"]


def fetch_index(*, url: str, timeout: float) -> list[dict]:
    """The package list of the Argos index at `url` (the folder holding index.json)."""
    address = url.rstrip("/") + "/index.json"
    try:
        response = requests.get(address, timeout=timeout)
        response.raise_for_status()
        index = response.json()
    except (requests.RequestException, ValueError) as error:
        raise PackageError(
            _(
                "Could not read the Argos package index at %(url)s (%(error)s). Set "
                "ARGOS_PACKAGE_INDEX to an index this server can reach, or copy the .argosmodel "
                "files here and pass their paths to this command."
            )
            % {"url": address, "error": error}
        ) from error
    if not isinstance(index, list):
        raise PackageError(_("%(url)s is not an Argos package index.") % {"url": address})
    return [entry for entry in index if isinstance(entry, dict)]


def download(*, package: dict, into: Path, timeout: float) -> Path:
    """Download `package` (an index entry) into the folder `into`, trying each of its links."""
    target = into / f"translate-{package['from_code']}_{package['to_code']}.argosmodel"
    errors = []
    for link in package.get("links") or []:
        try:
            with requests.get(link, timeout=timeout, stream=True) as response:
                response.raise_for_status()
                with target.open("wb") as file:
                    for chunk in response.iter_content(chunk_size=1 << 20):
                        file.write(chunk)
            return target
        except requests.RequestException as error:
            errors.append(f"{link}: {error}")
    raise PackageError(
        _("Could not download the %(source)s→%(target)s package: %(errors)s")
        % {
            "source": package["from_code"],
            "target": package["to_code"],
            "errors": "; ".join(errors) or _("the index gives no link"),
        }
    )


def library_installed() -> bool:
    try:
        import argostranslate.translate  # noqa: F401
    except ImportError:
        return False
    return True


def forget_installed_languages():
    """The library keeps the installed languages in memory: forget them after an install."""
    if library_installed():
        from argostranslate.translate import get_installed_languages

        get_installed_languages.cache_clear()
