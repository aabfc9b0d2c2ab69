"""The offline dependency audit's data: PyPA's advisory database (OSV records) pruned to the
packages in requirements.lock, and the check of the lock against it.

Shared by scripts/refresh-advisories (which writes the export) and scripts/audit-dependencies
(which reads it). Matching follows OSV: a version is affected when it is listed in
`versions`, or falls in an ECOSYSTEM range from an `introduced` event up to (not including)
the next `fixed` event, or up to a `last_affected` one.
"""

import json
import re
from datetime import UTC, date, datetime
from pathlib import Path

from packaging.version import InvalidVersion, Version

ROOT = Path(__file__).resolve().parent.parent
LOCK = ROOT / "requirements.lock"
EXPORT = ROOT / "scripts" / "advisories" / "pypa-advisories.json"
SOURCE = "https://github.com/pypa/advisory-database"


def normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def locked_packages(lock: Path = LOCK) -> dict[str, str]:
    """{normalised name: version} of every `name==version` line of the lock file."""
    packages = {}
    for line in lock.read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if "==" in line:
            name, version = line.split("==", 1)
            packages[normalise(name.split("[", 1)[0])] = version.split(";", 1)[0].strip()
    return packages


def pruned(record: dict, name: str) -> dict:
    """What the audit needs of one OSV record about `name`."""
    affected = [
        {
            "ranges": [r for r in item.get("ranges", []) if r.get("type") == "ECOSYSTEM"],
            "versions": item.get("versions", []),
        }
        for item in record.get("affected", [])
        if item.get("package", {}).get("ecosystem") == "PyPI"
        and normalise(item["package"].get("name", "")) == name
    ]
    return {
        "id": record["id"],
        "aliases": record.get("aliases", []),
        "withdrawn": record.get("withdrawn"),
        "affected": affected,
    }


def _parsed(text: str) -> Version | None:
    try:
        return Version(text)
    except InvalidVersion:
        return None


def affects(advisory: dict, version_text: str) -> tuple[bool, list[str]]:
    """(is `version_text` affected, the fixed versions the advisory names)."""
    version = _parsed(version_text)
    hit, fixes = False, []
    for item in advisory["affected"]:
        if version_text in item["versions"]:
            hit = True
        for rng in item["ranges"]:
            start = None
            for event in rng.get("events", []):
                if "introduced" in event:
                    start = (
                        Version("0") if event["introduced"] == "0" else _parsed(event["introduced"])
                    )
                elif "fixed" in event:
                    fixes.append(event["fixed"])
                    end = _parsed(event["fixed"])
                    if version and start is not None and end and start <= version < end:
                        hit = True
                    start = None
                elif "last_affected" in event:
                    end = _parsed(event["last_affected"])
                    if version and start is not None and end and start <= version <= end:
                        hit = True
                    start = None
            if version and start is not None and start <= version:
                hit = True  # introduced and never fixed
    return hit, sorted(set(fixes), key=lambda v: _parsed(v) or Version("0"))


def load_export(path: Path = EXPORT) -> dict:
    return json.loads(path.read_text())


def age_in_days(export: dict, today: date | None = None) -> int:
    taken = datetime.fromisoformat(export["data_date"]).astimezone(UTC).date()
    return ((today or datetime.now(UTC).date()) - taken).days


def audit(export: dict, packages: dict[str, str]) -> tuple[list[str], int, int]:
    """(lines to print, vulnerabilities with a fixed release, ones without) for the lock."""
    lines, fixable, unfixed = [], 0, 0
    for name, version in sorted(packages.items()):
        for advisory in export["advisories"].get(name, []):
            if advisory.get("withdrawn"):
                continue
            hit, fixes = affects(advisory, version)
            if not hit:
                continue
            later = [f for f in fixes if (_parsed(f) or Version("0")) > Version(version)]
            where = f"{name} {version}: {advisory['id']}"
            if later:
                fixable += 1
                lines.append(f"{where} (fixed in {', '.join(later)})")
            else:
                unfixed += 1
                lines.append(f"{where} (no fix yet)")
    return lines, fixable, unfixed
