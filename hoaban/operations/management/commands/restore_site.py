from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from hoaban.operations.backup import BackupError, read_manifest, restore_backup


class Command(BaseCommand):
    help = "Replace the database and media with those of a backup made by backup_site."

    def add_arguments(self, parser):
        parser.add_argument("archive", type=Path)
        parser.add_argument(
            "--yes", action="store_true", help="Do not ask before replacing the current site."
        )

    def handle(self, *args, archive, yes, **options):
        try:
            manifest = read_manifest(archive)
            if not yes:
                answer = input(
                    f"Replace this site's database and media with the backup of "
                    f"{manifest['created']}? Type 'yes': "
                )
                if answer.strip().lower() != "yes":
                    raise CommandError("Restore cancelled; nothing was changed.")
            restore_backup(archive_path=archive)
        except BackupError as error:
            raise CommandError(f"{error} Nothing was changed.") from error
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored the backup of {manifest['created']} "
                f"({manifest['engine']} database, {manifest['media_files']} media files)."
            )
        )
