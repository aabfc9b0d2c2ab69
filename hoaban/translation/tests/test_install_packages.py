"""install_translation_packages: Argos language packages from a file copied to the server or
from a package index, with a clear failure when neither works."""

import json
import socket
import subprocess
import sys
import threading
import zipfile
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from hoaban.translation.argos_packages import installed_pairs, needed_pairs

ROOT = Path(__file__).resolve().parents[3]


def argosmodel(folder: Path, source: str, target: str, version: str = "1.9") -> Path:
    """A package as Argos publishes it: one folder with metadata.json and the model files."""
    path = folder / f"translate-{source}_{target}-{version}.argosmodel"
    name = f"translate-{source}_{target}-{version.replace('.', '_')}"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(
            f"{name}/metadata.json",
            json.dumps(
                {
                    "type": "translate",
                    "from_code": source,
                    "to_code": target,
                    "package_version": version,
                }
            ),
        )
        archive.writestr(f"{name}/model/model.bin", b"weights " + version.encode())
        archive.writestr(f"{name}/sentencepiece.model", b"tokens")
    return path


@pytest.fixture
def packages_dir(settings, tmp_path):
    settings.ARGOS_PACKAGES_DIR = tmp_path / "packages"
    return settings.ARGOS_PACKAGES_DIR


def run(*args) -> str:
    from io import StringIO

    out = StringIO()
    call_command("install_translation_packages", *args, stdout=out)
    return out.getvalue()


def test_the_editions_need_four_packages_with_english_as_the_pivot():
    assert needed_pairs(["vi", "en", "ru"], "en") == [
        ("vi", "en"),
        ("en", "ru"),
        ("en", "vi"),
        ("ru", "en"),
    ]


def test_a_package_file_copied_to_the_server_is_installed(packages_dir, tmp_path):
    output = run(str(argosmodel(tmp_path, "vi", "en")))
    folder = installed_pairs(packages_dir)[("vi", "en")]
    assert (folder / "model" / "model.bin").read_bytes() == b"weights 1.9"
    assert "installed vi→en" in output
    assert "1 of the 4 the editions need are present; still missing: en→ru, en→vi, ru→en" in output


def test_a_newer_package_file_replaces_the_installed_one(packages_dir, tmp_path):
    run(str(argosmodel(tmp_path, "en", "ru", "1.9")))
    newer = argosmodel(tmp_path, "en", "ru", "1.9")
    with zipfile.ZipFile(newer, "a") as archive:
        archive.writestr("translate-en_ru-1_9/model/extra.bin", b"new")
    run(str(newer))
    folder = installed_pairs(packages_dir)[("en", "ru")]
    assert (folder / "model" / "extra.bin").read_bytes() == b"new"
    assert [p.name for p in packages_dir.iterdir()] == ["translate-en_ru-1_9"]


def test_a_file_that_is_not_a_package_is_refused_and_the_installed_ones_stay(
    packages_dir, tmp_path
):
    run(str(argosmodel(tmp_path, "vi", "en")))
    broken = tmp_path / "translate-en_vi.argosmodel"
    broken.write_text("tải về bị gián đoạn")
    with pytest.raises(CommandError, match="is not an Argos package"):
        run(str(broken))
    no_metadata = tmp_path / "empty.argosmodel"
    with zipfile.ZipFile(no_metadata, "w") as archive:
        archive.writestr("translate-en_vi/model.bin", b"x")
    with pytest.raises(CommandError, match="has no metadata.json"):
        run(str(no_metadata))
    escaping = tmp_path / "escaping.argosmodel"
    with zipfile.ZipFile(escaping, "w") as archive:
        archive.writestr("../outside/metadata.json", "{}")
    with pytest.raises(CommandError, match="unsafe path"):
        run(str(escaping))
    assert set(installed_pairs(packages_dir)) == {("vi", "en")}
    assert not (tmp_path / "outside").exists()


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_an_unreachable_index_fails_with_a_clear_message(packages_dir):
    url = f"http://127.0.0.1:{closed_port()}/argospm-index/"
    with pytest.raises(CommandError) as failure:
        run("--index", url, "--timeout", "2")
    message = str(failure.value)
    assert f"Could not read the Argos package index at {url}index.json" in message
    assert "ARGOS_PACKAGE_INDEX" in message and ".argosmodel" in message
    assert installed_pairs(packages_dir) == {}


def test_the_command_exits_non_zero_when_the_index_is_unreachable(tmp_path):
    env = {
        "PATH": "/usr/bin:/bin",
        "PYTHONPATH": str(ROOT),
        "DJANGO_SETTINGS_MODULE": "hoaban.settings.test",
        "ARGOS_PACKAGES_DIR": str(tmp_path / "packages"),
        "HOME": str(tmp_path),
    }
    index = f"http://127.0.0.1:{closed_port()}/"
    result = subprocess.run(
        [sys.executable, "manage.py", "install_translation_packages", "--index", index],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    # Management commands speak the site's language.
    assert f"Không đọc được danh mục gói Argos tại {index}index.json" in result.stderr


@pytest.fixture
def package_index(tmp_path):
    """A loopback Argos index serving index.json and the four packages the editions need."""
    served = tmp_path / "index"
    served.mkdir()
    httpd = ThreadingHTTPServer(
        ("127.0.0.1", 0), partial(SimpleHTTPRequestHandler, directory=str(served))
    )
    base = f"http://127.0.0.1:{httpd.server_address[1]}/"
    entries = []
    for source, target in [("vi", "en"), ("en", "vi"), ("en", "ru"), ("ru", "en"), ("en", "fr")]:
        path = argosmodel(served, source, target)
        entries.append(
            {
                "type": "translate",
                "from_code": source,
                "to_code": target,
                "links": [base + path.name],
            }
        )
    (served / "index.json").write_text(json.dumps(entries))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield base
    httpd.shutdown()
    httpd.server_close()


def test_the_packages_the_editions_need_are_downloaded_from_the_index(
    packages_dir, package_index, tmp_path
):
    run(str(argosmodel(tmp_path, "vi", "en")))  # already there: not downloaded again
    output = run("--index", package_index)
    assert set(installed_pairs(packages_dir)) == {
        ("vi", "en"),
        ("en", "vi"),
        ("en", "ru"),
        ("ru", "en"),
    }
    assert "downloading vi→en" not in output
    assert "3 package(s) installed; 4 of the 4 the editions need are present." in output
