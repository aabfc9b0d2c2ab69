"""Varnish with the shipped VCL (deploy/varnish/hoaban.vcl) in front of a LiveSite, the way
production runs it: the site purges it through FRONTEND_CACHE_URL."""

import http.client
import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from .server import ROOT, free_port

VARNISHD = "/usr/sbin/varnishd"
VCL = ROOT / "deploy" / "varnish" / "hoaban.vcl"


def missing() -> str | None:
    """Why Varnish cannot run here, or None."""
    for program in (VARNISHD, shutil.which("varnishadm")):
        if not program or not os.access(program, os.X_OK):
            return f"{program or 'varnishadm'} is not installed (apt-get install varnish)"
    return None


class Varnish:
    def __init__(self, backend_port: int):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.workdir = Path(tempfile.mkdtemp(prefix="hoaban-varnish-"))
        # varnishd's worker process runs as its own user: it must read the folder and the VCL.
        os.chmod(self.workdir, 0o755)
        self.vcl = self.workdir / "hoaban.vcl"
        self.vcl.write_text(
            VCL.read_text().replace('.port = "8000";', f'.port = "{backend_port}";')
        )
        self.instance = self.workdir / "instance"
        self.process = None

    def start(self, timeout: float = 30) -> "Varnish":
        self.process = subprocess.Popen(
            [VARNISHD, "-F", "-n", str(self.instance), "-a", f"127.0.0.1:{self.port}"]
            + ["-T", "127.0.0.1:0", "-f", str(self.vcl), "-s", "malloc,64m"],
            stdout=open(self.workdir / "varnishd.log", "a"),  # noqa: SIM115
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError((self.workdir / "varnishd.log").read_text(errors="replace"))
            if self.admin("ping", check=False).returncode == 0:
                return self
            time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"varnishd did not start within {timeout}s")

    def admin(self, *command: str, check: bool = True) -> subprocess.CompletedProcess:
        return subprocess.run(
            ["varnishadm", "-n", str(self.instance), *command],
            check=check,
            capture_output=True,
            text=True,
        )

    def hits(self) -> int:
        """How many requests Varnish answered from its cache."""
        stats = subprocess.run(
            ["varnishstat", "-n", str(self.instance), "-1", "-f", "MAIN.cache_hit"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.split()
        return int(stats[1])

    def forget_everything(self) -> None:
        self.admin("ban", "req.url", "~", ".")

    def get(self, path: str) -> tuple[int, str]:
        """A reader's GET through Varnish, redirects not followed."""
        status, _, body = self.request(path)
        return status, body

    def request(self, path: str, host: str | None = None) -> tuple[int, dict, str]:
        """A reader's GET through Varnish for the site at `host` (host name, no port; by default
        the address Varnish listens on): status, headers and body, redirects not followed."""
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        try:
            headers = {"Host": f"{host}:{self.port}"} if host else {}
            connection.request("GET", path, headers=headers)
            response = connection.getresponse()
            body = response.read().decode(errors="replace")
            return response.status, dict(response.getheaders()), body
        finally:
            connection.close()

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, 15)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, 9)
                self.process.wait()
        shutil.rmtree(self.workdir, ignore_errors=True)


def in_front_of(site) -> "Varnish":
    """Varnish started in front of `site` (a LiveSite not yet started), which purges it on
    publish; the caller stops both."""
    proxy = Varnish(backend_port=site.port).start()
    for env in (site.env, site.server_env):
        env["FRONTEND_CACHE_URL"] = proxy.url
    return proxy
