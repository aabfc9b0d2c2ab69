"""A real Hoa Ban server for end-to-end tests: its own database, migrated and loaded with the
demo, served by gunicorn on a free loopback port.

The database follows the test run: a fresh SQLite file by default, or a fresh PostgreSQL
database on the server named by DATABASE_URL when the suite runs against PostgreSQL.
"""

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from pathlib import Path
from urllib.parse import urlparse, urlunparse

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class LiveSite:
    def __init__(self, workers: int = 2):
        self.workdir = Path(tempfile.mkdtemp(prefix="hoaban-e2e-"))
        self.port = free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        self.workers = workers
        self.process = None
        self._pg_admin_url = None
        self.env = self._environment()

    def _environment(self) -> dict:
        env = dict(os.environ)
        env.update(
            DJANGO_SETTINGS_MODULE="hoaban.settings.test",
            HOABAN_VAR_DIR=str(self.workdir),
            MEDIA_ROOT=str(self.workdir / "media"),
            PYTHONUNBUFFERED="1",
        )
        database_url = os.environ.get("DATABASE_URL", "")
        if database_url.startswith("postgres"):
            name = f"hoaban_e2e_{uuid.uuid4().hex[:10]}"
            parts = urlparse(database_url)
            self._pg_admin_url = urlunparse(parts._replace(path="/postgres"))
            self._database_name = name
            env["DATABASE_URL"] = urlunparse(parts._replace(path=f"/{name}"))
        else:
            env.pop("DATABASE_URL", None)
        return env

    def manage(self, *args, check=True, **kwargs) -> subprocess.CompletedProcess:
        """Run a manage.py command against this server's database."""
        return subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=self.env,
            check=check,
            capture_output=True,
            text=True,
            **kwargs,
        )

    def _create_database(self):
        if not self._pg_admin_url:
            return
        import psycopg

        with psycopg.connect(self._pg_admin_url, autocommit=True) as connection:
            connection.execute(f'CREATE DATABASE "{self._database_name}"')

    def _drop_database(self):
        if not self._pg_admin_url:
            return
        import psycopg

        with psycopg.connect(self._pg_admin_url, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{self._database_name}" WITH (FORCE)')

    def start(self):
        self._create_database()
        self.manage("migrate", "--no-input", "-v", "0")
        self.manage("load_demo")
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "hoaban.wsgi",
                "--bind",
                f"127.0.0.1:{self.port}",
                "--workers",
                str(self.workers),
                "--threads",
                "4",
                "--access-logfile",
                "-",
            ],
            cwd=ROOT,
            env=self.env,
            stdout=open(self.workdir / "server.log", "w"),  # noqa: SIM115
            stderr=subprocess.STDOUT,
        )
        self.wait_until_up()
        return self

    # The first request renders every photo's renditions: slow on a busy two-core machine.
    def wait_until_up(self, timeout: float = 120):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"server exited:\n{self.log()}")
            try:
                with urllib.request.urlopen(f"{self.base_url}/vi/", timeout=2) as response:
                    if response.status == 200:
                        return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError(f"server did not answer within {timeout}s:\n{self.log()}")

    def log(self) -> str:
        path = self.workdir / "server.log"
        return path.read_text(errors="replace") if path.exists() else ""

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
        self._drop_database()
        shutil.rmtree(self.workdir, ignore_errors=True)
