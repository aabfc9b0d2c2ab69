"""Consistent backups of a running site (database and media) and their restore.

One archive (tar) holds a manifest, the database and the media folder. The database is copied
first, as one consistent snapshot while the site keeps serving: SQLite's online backup API (a
page-by-page copy that restarts if a writer changes a page underneath it) or pg_dump (one
repeatable-read transaction). Media is copied after it: Wagtail never rewrites an uploaded file
in place, so every file the snapshot refers to is already there.

Restore checks the whole archive (manifest, checksum, database engine) before touching the
site, loads the database in one step (SQLite backup API into the live file, pg_restore in a
single transaction) and swaps the media folder in with a rename, so a failed restore leaves the
old site, not half of each.
"""

import hashlib
import json
import os
import sqlite3
import subprocess
import tarfile
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import connection
from django.utils import timezone
from django.utils.translation import gettext as _

FORMAT = 1
MANIFEST = "manifest.json"
MEDIA = "media"
DUMP_NAMES = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}


class BackupError(Exception):
    pass


@dataclass(frozen=True)
class BackupSummary:
    path: Path
    engine: str
    media_files: int
    size: int


def database_engine() -> str:
    vendor = connection.vendor
    if vendor not in DUMP_NAMES:
        raise BackupError(
            _("Backups support SQLite and PostgreSQL, not %(vendor)s.") % {"vendor": vendor}
        )
    return vendor


def _pg_environment() -> tuple[list[str], dict]:
    params = connection.settings_dict
    args = ["--host", params["HOST"] or "127.0.0.1", "--port", str(params["PORT"] or 5432)]
    args += ["--username", params["USER"] or "postgres"]
    env = dict(os.environ, PGPASSWORD=params["PASSWORD"] or "")
    return args, env


def _run(command: list[str], env: dict) -> None:
    result = subprocess.run(command, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip()}")


def _dump_database(engine: str, target: Path) -> None:
    if engine == "sqlite":
        connection.ensure_connection()
        with sqlite3.connect(target) as copy:
            connection.connection.backup(copy)
        copy.close()
        return
    args, env = _pg_environment()
    name = connection.settings_dict["NAME"]
    _run(["pg_dump", *args, "--format=custom", "--no-owner", "--file", str(target), name], env)


def _load_database(engine: str, source: Path) -> None:
    if engine == "sqlite":
        connection.ensure_connection()
        with sqlite3.connect(source) as archived:
            archived.backup(connection.connection)
        archived.close()
        return
    args, env = _pg_environment()
    name = connection.settings_dict["NAME"]
    connection.close()
    _run(
        [
            "pg_restore",
            *args,
            "--clean",
            "--if-exists",
            "--no-owner",
            "--single-transaction",
            "--dbname",
            name,
            str(source),
        ],
        env,
    )


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _media_files(media_root: Path) -> list[Path]:
    if not media_root.exists():
        return []
    return sorted(path for path in media_root.rglob("*") if path.is_file())


def create_backup(
    *, directory: Path, progress: Callable[[int], None] | None = None
) -> BackupSummary:
    """Write a backup archive of the database and media into directory; return what it holds."""
    engine = database_engine()
    directory.mkdir(parents=True, exist_ok=True)
    stamp = timezone.now().strftime("%Y%m%dT%H%M%S")
    target = directory / f"hoaban-backup-{stamp}.tar"
    media_root = Path(settings.MEDIA_ROOT)
    with tempfile.TemporaryDirectory(dir=directory) as work:
        dump = Path(work) / DUMP_NAMES[engine]
        _dump_database(engine, dump)
        files = _media_files(media_root)
        manifest = {
            "format": FORMAT,
            "created": timezone.now().isoformat(),
            "engine": engine,
            "database": dump.name,
            "database_sha256": _sha256(dump),
            "media_files": len(files),
        }
        partial = target.with_suffix(".tar.partial")
        with tarfile.open(partial, "w") as archive:
            manifest_path = Path(work) / MANIFEST
            manifest_path.write_text(json.dumps(manifest, indent=2))
            archive.add(manifest_path, MANIFEST)
            archive.add(dump, dump.name)
            for path in files:
                archive.add(path, f"{MEDIA}/{path.relative_to(media_root).as_posix()}")
                if progress:
                    progress(1)
        # Only a complete archive gets the final name.
        partial.rename(target)
    return BackupSummary(target, engine, len(files), target.stat().st_size)


def read_manifest(archive_path: Path) -> dict:
    try:
        with tarfile.open(archive_path) as archive:
            manifest = json.load(archive.extractfile(MANIFEST))
    except (OSError, KeyError, tarfile.TarError, ValueError) as error:
        raise BackupError(
            _("%(path)s is not a Hoa Ban backup archive (%(error)s).")
            % {"path": archive_path, "error": error}
        ) from error
    if manifest.get("format") != FORMAT:
        raise BackupError(_("This backup was written in an unknown format."))
    return manifest


def restore_backup(*, archive_path: Path) -> dict:
    """Replace the database and media with the archive's; return its manifest."""
    manifest = read_manifest(archive_path)
    engine = database_engine()
    if manifest["engine"] != engine:
        raise BackupError(
            _("This backup is of a %(archived)s database; the site runs on %(current)s.")
            % {"archived": manifest["engine"], "current": engine}
        )
    media_root = Path(settings.MEDIA_ROOT)
    media_root.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=media_root.parent) as work:
        work = Path(work)
        with tarfile.open(archive_path) as archive:
            archive.extractall(work, filter="data")
        dump = work / manifest["database"]
        if _sha256(dump) != manifest["database_sha256"]:
            raise BackupError(_("The database in this backup is damaged (checksum mismatch)."))
        restored_media = work / MEDIA
        restored_media.mkdir(exist_ok=True)
        if len(_media_files(restored_media)) != manifest["media_files"]:
            raise BackupError(_("Media files are missing from this backup."))
        _load_database(engine, dump)
        old_media = work / "media-before-restore"
        if media_root.exists():
            media_root.rename(old_media)
        restored_media.rename(media_root)
    return manifest
