"""Headers every response carries, and what the production server leaves out."""

import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]

APP = """
def app(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [b"Hoa ban"]
"""


def test_pages_and_api_refuse_powerful_browser_features(client, news_site):
    for url in ("/vi/", "/api/v1/articles/"):
        policy = client.get(url)["Permissions-Policy"]
        assert "camera=()" in policy and "geolocation=()" in policy and "microphone=()" in policy


def test_gunicorn_with_the_deploy_config_sends_no_server_header(tmp_path):
    (tmp_path / "tinyapp.py").write_text(APP)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {"BIND": f"127.0.0.1:{port}", "WEB_CONCURRENCY": "1", "GUNICORN_ACCESS_LOG": ""}
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "-c",
            str(ROOT / "deploy/gunicorn.conf.py"),
            "tinyapp:app",
        ],
        cwd=tmp_path,
        env={**env, "PATH": "/usr/bin:/bin"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _attempt in range(100):
            try:
                response = urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2)
                break
            except OSError:
                time.sleep(0.1)
        assert response.read() == b"Hoa ban"
        assert response.headers.get("Server") is None
        assert response.headers.get("Date")
    finally:
        server.terminate()
        server.wait(timeout=10)
