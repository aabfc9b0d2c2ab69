from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from hoaban.operations.backup import BackupError, create_backup


class Command(BaseCommand):
    help = "Write a consistent backup (database and media) of the running site to one archive."

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            type=Path,
            default=Path(settings.VAR_DIR) / "backups",
            help="Folder for the archive (default: var/backups).",
        )

    def handle(self, *args, output, **options):
        with tqdm(desc="media files", unit=" files", disable=options["verbosity"] < 1) as bar:
            try:
                summary = create_backup(directory=output, progress=bar.update)
            except BackupError as error:
                raise CommandError(str(error)) from error
        self.stdout.write(
            self.style.SUCCESS(
                f"Backup written: {summary.path} ({summary.engine} database, "
                f"{summary.media_files} media files, {summary.size / 1e6:.1f} MB)"
            )
        )
