"""The servers of one benchmark run, started on loopback and stopped together."""

import json
import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GUNICORN_CONF = ROOT / "deploy" / "gunicorn.conf.py"
VCL = ROOT / "deploy" / "varnish" / "hoaban.vcl"


class Server:
    name = "server"
    port = 0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def command(self) -> list[str]:
        raise NotImplementedError

    cwd: Path = ROOT
    env: dict | None = None


class Gunicorn(Server):
    def __init__(self, name, app, cwd, port, env):
        self.name, self.app, self.cwd, self.port, self.env = name, app, cwd, port, dict(env)

    def with_env(self, **values):
        self.env.update(values)
        return self

    def command(self):
        return [
            sys.executable,
            "-m",
            "gunicorn",
            "-c",
            str(GUNICORN_CONF),
            self.app,
            "--bind",
            f"127.0.0.1:{self.port}",
            "--workers",
            "2",
        ]


class Nginx(Server):
    name = "nginx"

    def __init__(self, port, static_dir: Path, article_html: str):
        self.port, self.root = port, static_dir
        static_dir.mkdir(parents=True, exist_ok=True)
        (static_dir / "article.html").write_text(article_html)
        self.conf = static_dir.parent / "nginx.conf"
        prefix = static_dir.parent / "nginx"
        prefix.mkdir(exist_ok=True)
        self.conf.write_text(
            f"worker_processes 2;\ndaemon off;\npid {prefix}/nginx.pid;\n"
            f"error_log {prefix}/error.log warn;\nevents {{ worker_connections 1024; }}\n"
            "http {\n  include /etc/nginx/mime.types;\n  access_log off;\n  sendfile on;\n"
            f"  client_body_temp_path {prefix}/body;\n  proxy_temp_path {prefix}/proxy;\n"
            f"  fastcgi_temp_path {prefix}/fastcgi;\n  uwsgi_temp_path {prefix}/uwsgi;\n"
            f"  scgi_temp_path {prefix}/scgi;\n  keepalive_requests 1000000;\n"
            f"  server {{ listen 127.0.0.1:{port}; root {static_dir}; }}\n}}\n"
        )

    def command(self):
        return ["nginx", "-c", str(self.conf), "-p", str(self.conf.parent)]


class Varnish(Server):
    name = "varnish"

    def __init__(self, port, backend_port, workdir: Path, *, plain=False):
        """Varnish with the project's VCL, or with Varnish's builtin rules only (`plain`)."""
        self.port = port
        self.name = "varnish-plain" if plain else "varnish"
        self.instance = workdir / self.name
        self.vcl = workdir / f"{self.name}.vcl"
        if plain:
            backend = f'backend default {{ .host = "127.0.0.1"; .port = "{backend_port}"; }}'
            vcl = f"vcl 4.1;\n{backend}\n"
        else:
            vcl = VCL.read_text().replace('.port = "8000";', f'.port = "{backend_port}";')
        self.vcl.write_text(vcl)
        os.chmod(workdir, 0o755)
        os.chmod(self.vcl, 0o644)

    def command(self):
        return [
            "varnishd",
            "-F",
            "-a",
            f"127.0.0.1:{self.port}",
            "-f",
            str(self.vcl),
            "-n",
            str(self.instance),
            "-s",
            "malloc,256m",
            "-T",
            "none",
        ]

    def counters(self) -> dict:
        output = subprocess.run(
            ["varnishstat", "-n", str(self.instance), "-1", "-j"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        data = json.loads(output)
        counters = data.get("counters", data)
        value = lambda name: counters[name]["value"]  # noqa: E731
        return {
            "hit": value("MAIN.cache_hit"),
            "miss": value("MAIN.cache_miss"),
            "pass": value("MAIN.s_pass"),
        }


class Processes:
    def __init__(self, workdir: Path):
        self.workdir = workdir
        self.running: list[tuple[str, subprocess.Popen]] = []

    def _spawn(self, name, command, cwd, env):
        log = open(self.workdir / f"{name}.log", "w")  # noqa: SIM115
        process = subprocess.Popen(
            command, cwd=cwd, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )
        self.running.append((name, process))
        return process

    def start_plain(self, name, command, cwd, env):
        return self._spawn(name, command, cwd, env)

    def start(self, server: Server) -> Server:
        process = self._spawn(server.name, server.command(), server.cwd, server.env)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if process.poll() is not None:
                log = (self.workdir / f"{server.name}.log").read_text()
                raise RuntimeError(f"{server.name} exited:\n{log[-3000:]}")
            try:
                urllib.request.urlopen(server.url + "/", timeout=2)
                return server
            except urllib.error.HTTPError:
                return server
            except OSError:
                time.sleep(0.2)
        raise RuntimeError(f"{server.name} did not answer on {server.url}")

    def stop_all(self):
        for _, process in reversed(self.running):
            if process.poll() is None:
                process.terminate()
        for _, process in reversed(self.running):
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
