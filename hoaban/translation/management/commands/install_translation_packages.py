import tempfile
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from hoaban.translation import argos_packages
from hoaban.translation.argos_packages import PackageError


class Command(BaseCommand):
    help = (
        "Install the Argos Translate language packages the editions need (vi↔en, en↔ru; "
        "vi↔ru goes through English) from the Argos package index, or from .argosmodel files."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "files",
            nargs="*",
            type=Path,
            help=".argosmodel files to install instead of downloading",
        )
        parser.add_argument(
            "--index",
            default=settings.ARGOS_PACKAGE_INDEX,
            help="the package index (folder of index.json); default ARGOS_PACKAGE_INDEX",
        )
        parser.add_argument("--timeout", type=float, default=60.0, help="seconds per request")
        parser.add_argument(
            "--force", action="store_true", help="download packages already installed again"
        )

    def handle(self, *args, files, index, timeout, force, **options):
        directory = Path(settings.ARGOS_PACKAGES_DIR)
        languages = [code for code, _name in settings.LANGUAGES]
        pivot = settings.MACHINE_TRANSLATORS["argos"]["OPTIONS"]["PIVOT"]
        needed = argos_packages.needed_pairs(languages, pivot)
        try:
            installed = (
                [argos_packages.install_file(path=path, directory=directory) for path in files]
                if files
                else self.download_missing(needed, directory, index, timeout, force)
            )
        except PackageError as error:
            raise CommandError(str(error)) from error
        argos_packages.forget_installed_languages()

        for source, target in installed:
            self.stdout.write(f"installed {source}→{target} into {directory}")
        present = argos_packages.installed_pairs(directory)
        missing = [pair for pair in needed if pair not in present]
        self.stdout.write(
            f"{len(installed)} package(s) installed; "
            f"{len(needed) - len(missing)} of the {len(needed)} the editions need are present"
            + (f"; still missing: {self.names(missing)}" if missing else "")
            + "."
        )
        if not argos_packages.library_installed():
            self.stdout.write(
                self.style.WARNING(
                    "Argos Translate itself is not installed: run “pip install argostranslate” "
                    "(or “make translation-packages”, which does both) and set "
                    "MACHINE_TRANSLATOR=argos."
                )
            )

    def download_missing(self, needed, directory, index, timeout, force):
        present = argos_packages.installed_pairs(directory)
        wanted = [pair for pair in needed if force or pair not in present]
        if not wanted:
            return []
        self.stdout.write(f"reading the package index at {index}")
        packages = {
            (entry.get("from_code"), entry.get("to_code")): entry
            for entry in argos_packages.fetch_index(url=index, timeout=timeout)
            if entry.get("type", "translate") == "translate"
        }
        unknown = [pair for pair in wanted if pair not in packages]
        if unknown:
            raise PackageError(f"The index at {index} has no package for {self.names(unknown)}.")
        installed = []
        with tempfile.TemporaryDirectory(prefix="argos-download-") as downloads:
            for pair in wanted:
                self.stdout.write(f"downloading {self.names([pair])}")
                path = argos_packages.download(
                    package=packages[pair], into=Path(downloads), timeout=timeout
                )
                installed.append(argos_packages.install_file(path=path, directory=directory))
        return installed

    @staticmethod
    def names(pairs) -> str:
        return ", ".join(f"{source}→{target}" for source, target in pairs)
