"""A real Hoa Ban server for end-to-end tests: its own database, loaded with the demo, served
by gunicorn on a free loopback port.

The database follows the test run: a SQLite file by default, or a PostgreSQL database on the
server named by DATABASE_URL when the suite runs against PostgreSQL. Migrating and loading the
demo is done once per test run (DemoSnapshot); each server starts from its own copy.
"""

import fcntl
import hashlib
import json
import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
import uuid
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlparse, urlunparse

from .dblink import DatabaseLink

ROOT = Path(__file__).resolve().parent.parent
# Drafts are dated long ago, so publishing them leaves the demo's front page and rails as the
# other tests on the same server expect.
DRAFTS_SCRIPT = """
from datetime import datetime, timezone
from hoaban.articles.models import ArticlePage
from hoaban.sections.models import SectionPage
section = SectionPage.objects.filter(locale__language_code="vi").order_by("path").first()
for n in range({count}):
    article = ArticlePage(
        title=f"Bản nháp {{n}}: Điện Biên chuẩn bị Lễ hội Hoa Ban", slug=f"ban-nhap-{label}-{{n}}",
        date=datetime(2020, 1, 1, tzinfo=timezone.utc), dateline="ĐBP",
        lead="Tin đang chờ biên tập viên duyệt.", live=False,
    )
    section.add_child(instance=article)
    article.save_revision()
    print(article.id)
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# Set by e2e/conftest.py for a test run: the folder its DemoSnapshot is made in.
SNAPSHOT_FOLDER = "HOABAN_E2E_SNAPSHOT"


class LiveSite:
    def __init__(self, workers: int = 2, workdir: Path | None = None, database_name: str = ""):
        self.workdir = workdir or Path(tempfile.mkdtemp(prefix="hoaban-e2e-"))
        self.workdir.mkdir(parents=True, exist_ok=True)
        self.port = free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        self.workers = workers
        self.process = None
        self._pg_admin_url = None
        self._database_name = database_name or f"hoaban_e2e_{uuid.uuid4().hex[:10]}"
        self.database_link = None
        self.env = self._environment()
        self._shell = None
        self._shell_lock = threading.Lock()

    def _environment(self) -> dict:
        env = dict(os.environ)
        env.update(
            DJANGO_SETTINGS_MODULE="hoaban.settings.test",
            HOABAN_VAR_DIR=str(self.workdir),
            MEDIA_ROOT=str(self.workdir / "media"),
            PYTHONUNBUFFERED="1",
            PUBLIC_BASE_URL=self.base_url,
            CACHE_KEY_PREFIX=f"e2e-{uuid.uuid4().hex[:10]}",
            # Every request comes from 127.0.0.1 and a test posts 200 comments at once: lift
            # the comment rate limits and the quick-send hold (unit-tested on their own).
            COMMENTS_IP_LIMIT="0",
            COMMENTS_ARTICLE_LIMIT="0",
            COMMENTS_MIN_SECONDS="0",
            # What production runs: the page cache, with the pages kept in files under this
            # server's own folder (or its own Redis key space).
            PAGE_CACHE="1",
            # The translator `make run` has: the demo engine, nothing downloaded.
            MACHINE_TRANSLATOR="demo",
            # The login lockout is on in production (the test settings switch it off for
            # Django's test client, which logs in without a request).
            AXES_ENABLED="1",
        )
        database_url = os.environ.get("DATABASE_URL", "")
        if database_url.startswith("postgres"):
            name = self._database_name
            parts = urlparse(database_url)
            self._pg_admin_url = urlunparse(parts._replace(path="/postgres"))
            env["DATABASE_URL"] = urlunparse(parts._replace(path=f"/{name}"))
            # The server reaches PostgreSQL through a relay that database_outage() can cut.
            self.database_link = DatabaseLink(parts.hostname or "127.0.0.1", parts.port or 5432)
            netloc = f"{parts.username or 'postgres'}@127.0.0.1:{self.database_link.port}"
            self.server_env = {
                **env,
                "DATABASE_URL": urlunparse(parts._replace(netloc=netloc, path=f"/{name}")),
            }
        else:
            env.pop("DATABASE_URL", None)
            # database_outage() moves the SQLite files away, which only a new connection
            # notices (an open one keeps reading the moved file): one connection per request.
            self.server_env = {**env, "DB_CONN_MAX_AGE": "0"}
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

    def spawn(self, *args) -> subprocess.Popen:
        """Start a manage.py command against this server's database in its own process group,
        so a test can SIGKILL it midway; its output goes to the server log."""
        return subprocess.Popen(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=self.env,
            stdout=open(self.workdir / "server.log", "a"),  # noqa: SIM115
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def create_draft_articles(self, count: int, label: str = "") -> list[int]:
        """Unpublished articles in the first Vietnamese section, for editors to publish."""
        script = DRAFTS_SCRIPT.format(count=count, label=label or uuid.uuid4().hex[:6])
        return [int(page_id) for page_id in self.shell(script).split()]

    def shell(self, script: str) -> str:
        """Run Python against the server's database and return what it prints, in this site's
        shell worker (e2e/shell_worker.py: Django starts once, not once per script)."""
        with self._shell_lock:
            if self._shell is None:
                self._shell = subprocess.Popen(
                    [sys.executable, "-m", "e2e.shell_worker"],
                    cwd=ROOT,
                    env=self.env,
                    stdin=subprocess.PIPE,
                    stdout=subprocess.PIPE,
                    text=True,
                )
            self._shell.stdin.write(json.dumps(script) + "\n")
            self._shell.stdin.flush()
            line = self._shell.stdout.readline()
        if not line:
            raise RuntimeError(f"the shell worker exited (code {self._shell.poll()})")
        answer = json.loads(line)
        if "error" in answer:
            raise RuntimeError(f"script failed:\n{script}\n{answer['error']}")
        return answer["printed"]

    def stop_shell(self):
        if self._shell is not None:
            self._shell.stdin.close()
            self._shell.wait(timeout=30)
            self._shell = None

    def _create_database(self, template: str = ""):
        if not self._pg_admin_url:
            return
        import psycopg

        copy = f' TEMPLATE "{template}"' if template else ""
        deadline = time.monotonic() + 30
        with psycopg.connect(self._pg_admin_url, autocommit=True) as connection:
            while True:
                try:
                    connection.execute(f'CREATE DATABASE "{self._database_name}"{copy}')
                    return
                except psycopg.errors.ObjectInUse:
                    # The template's last session (the snapshot's server) is still closing.
                    if time.monotonic() > deadline:
                        raise
                    time.sleep(0.1)

    def _drop_database(self):
        if not self._pg_admin_url:
            return
        import psycopg

        with psycopg.connect(self._pg_admin_url, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{self._database_name}" WITH (FORCE)')

    def start(self, content=None):
        """Serve a copy of this run's demo snapshot (a freshly loaded demo outside a run), or a
        database filled by `content(self)` instead of the demo."""
        folder = os.environ.get(SNAPSHOT_FOLDER)
        try:
            if content is not None:
                self._create_database()
                self.manage("migrate", "--no-input", "-v", "0")
                content(self)
                self._serve()
            elif folder:
                DemoSnapshot(Path(folder)).copy_into(self)
                self._serve()
            else:
                self._load_demo_and_serve()
            self.wait_until_up()
        except Exception:
            self.stop()  # a server that never came up must not outlive the test run
            raise
        return self

    def _load_demo_and_serve(self):
        self._create_database()
        self.manage("migrate", "--no-input", "-v", "0")
        self.manage("load_demo")
        self._serve()

    def _serve(self):
        """gunicorn with the production config (deploy/gunicorn.conf.py), sized for a test."""
        self.process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-c", "deploy/gunicorn.conf.py", "hoaban.wsgi"],
            cwd=ROOT,
            env={
                **self.server_env,
                "BIND": f"127.0.0.1:{self.port}",
                "WEB_CONCURRENCY": str(self.workers),
                # A first visit renders its photos; on a loaded 2-core machine that can outlast
                # the production timeout, and a killed worker would only start it over.
                "GUNICORN_TIMEOUT": "180",
            },
            stdout=open(self.workdir / "server.log", "a"),  # noqa: SIM115
            stderr=subprocess.STDOUT,
            # Its own process group, so kill() takes the workers down with the master.
            start_new_session=True,
        )

    def kill(self):
        """SIGKILL the master and every worker at once, as a crash or the OOM killer would."""
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait()

    def restart(self):
        """Kill the server mid-flight and start it again on the same port and database."""
        self.kill()
        self._serve()
        self.wait_until_up()

    @contextmanager
    def database_outage(self):
        """The database is unreachable inside the block and back after it.

        PostgreSQL: the relay drops and refuses connections. SQLite: the database files are
        moved away (as if their volume were gone), and moved back afterwards.
        """
        if self.database_link:
            self.database_link.cut()
            try:
                yield
            finally:
                self.database_link.restore()
            return
        database = self.workdir / "db.sqlite3"
        files = [database.with_name(database.name + suffix) for suffix in ("", "-wal", "-shm")]
        aside = self.workdir / "outage"
        aside.mkdir(exist_ok=True)
        for path in files:
            if path.exists():
                path.rename(aside / path.name)
        try:
            yield
        finally:
            for path in files:
                path.unlink(missing_ok=True)
                if (aside / path.name).exists():
                    (aside / path.name).rename(path)

    def wait_until_up(self, timeout: float = 180):
        # The first request renders every demo photo's renditions; on a busy 2-core machine
        # that takes well over 30 s, and short client timeouts would only pile up renders.
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"server exited:\n{self.log()}")
            try:
                # The first front page makes every photo's renditions: on a busy machine that
                # takes far longer than later requests, so wait for it rather than retrying.
                remaining = max(deadline - time.monotonic(), 1)
                with urllib.request.urlopen(f"{self.base_url}/vi/", timeout=remaining) as response:
                    if response.status == 200:
                        return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError(f"server did not answer within {timeout}s:\n{self.log()}")

    def log(self) -> str:
        path = self.workdir / "server.log"
        return path.read_text(errors="replace") if path.exists() else ""

    def stop_serving(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.kill()

    def stop(self):
        self.stop_serving()
        self.stop_shell()
        if self.database_link:
            self.database_link.close()
        self._drop_database()
        shutil.rmtree(self.workdir, ignore_errors=True)


class DemoSnapshot:
    """The demo as every LiveSite of a test run starts from: migrated, loaded, and the front
    page's photos rendered (the slow first request). The first server to need it makes it, under
    a lock the other pytest-xdist workers wait on; each server then gets its own copy of the
    database (a SQLite backup, or CREATE DATABASE ... TEMPLATE on PostgreSQL) and of the media.
    """

    def __init__(self, folder: Path):
        self.folder = folder
        self.site_dir = folder / "site"
        digest = hashlib.sha1(str(folder).encode()).hexdigest()[:10]
        self.template_name = f"hoaban_e2e_snapshot_{digest}"

    @contextmanager
    def _locked(self):
        self.folder.mkdir(parents=True, exist_ok=True)
        with open(self.folder / "lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
            yield

    def make_in_background(self) -> subprocess.Popen:
        """Start making the snapshot in another process, so it is ready (or nearly) by the time
        the first server needs it; SIGTERM stops it cleanly."""
        script = (
            "import signal, sys\n"
            "from pathlib import Path\n"
            "from e2e.server import DemoSnapshot\n"
            "signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))\n"
            f"DemoSnapshot(Path({str(self.folder)!r})).make()\n"
        )
        self.folder.mkdir(parents=True, exist_ok=True)
        return subprocess.Popen(
            [sys.executable, "-c", script],
            cwd=ROOT,
            stdout=open(self.folder / "make.log", "w"),  # noqa: SIM115
            stderr=subprocess.STDOUT,
        )

    def make(self):
        with self._locked():
            if not (self.folder / "ready").exists():
                self._make()

    def copy_into(self, site: LiveSite):
        self.make()
        with self._locked():
            # Copies from a PostgreSQL template are made one at a time: CREATE DATABASE refuses
            # a template that another session is reading.
            site._create_database(template=self.template_name)
        if not site._pg_admin_url:
            source = sqlite3.connect(self.site_dir / "db.sqlite3")
            target = sqlite3.connect(site.workdir / "db.sqlite3")
            with source, target:
                source.backup(target)
            source.close()
            target.close()
        shutil.copytree(self.site_dir / "media", site.workdir / "media", dirs_exist_ok=True)

    def _make(self):
        maker = LiveSite(workdir=self.site_dir, database_name=self.template_name)
        try:
            maker._drop_database()  # left by an attempt that failed
            maker._load_demo_and_serve()
            maker.wait_until_up()
        finally:
            maker.stop_serving()
            if maker.database_link:
                maker.database_link.close()
        (self.folder / "ready").touch()

    def remove(self):
        """Drop the template database and delete the files (at the end of the run)."""
        if self.site_dir.exists():
            LiveSite(workdir=self.site_dir, database_name=self.template_name).stop()
        shutil.rmtree(self.folder, ignore_errors=True)
