"""wrk runs and their figures; Debian tools installed when missing."""

import re
import shutil
import statistics
import subprocess
import time
from pathlib import Path
from urllib.parse import urlparse, urlunparse

DEBIAN_PACKAGES = {"nginx": "nginx", "varnishd": "varnish", "wrk": "wrk"}
HEADER = f"   {'target':<34} {'conns':>5} {'req/s':>10} {'p50 ms':>8} {'p99 ms':>8} {'errors':>7}"
UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def ensure_installed():
    missing = [pkg for binary, pkg in DEBIAN_PACKAGES.items() if not shutil.which(binary)]
    if missing:
        print(f"== installing {', '.join(missing)} from Debian", flush=True)
        subprocess.run(["apt-get", "update", "-qq"], check=True)
        subprocess.run(
            ["apt-get", "install", "-y", "-qq", "--no-install-recommends", *missing],
            check=True,
            env={"DEBIAN_FRONTEND": "noninteractive", "PATH": "/usr/sbin:/usr/bin:/sbin:/bin"},
        )


def _milliseconds(value: str, unit: str) -> float:
    return float(value) * UNITS[unit]


def parse(output: str) -> dict:
    latency = dict(re.findall(r"^\s+(50|99)%\s+([\d.]+(?:us|ms|s))\s*$", output, re.M))
    figures = {"rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))}
    for name in ("50", "99"):
        value, unit = re.match(r"([\d.]+)(us|ms|s)", latency[name]).groups()
        figures[f"p{name}"] = _milliseconds(value, unit)
    errors = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    sockets = re.search(r"Socket errors:.*?timeout (\d+)", output)
    figures["errors"] = int(errors.group(1)) if errors else 0
    figures["errors"] += int(sockets.group(1)) if sockets else 0
    return figures


def _cpu_times() -> tuple[int, int]:
    """(busy, total) jiffies of all cores since boot, from /proc/stat."""
    fields = [int(value) for value in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    idle = fields[3] + fields[4]  # idle + iowait
    return sum(fields) - idle, sum(fields)


def settle(*, quiet: float = 0.2, longest: float = 30.0):
    """Wait until the cores are nearly idle: a server slower than wrk is still working through
    the requests it had accepted when wrk stopped, and that work would land on the next run."""
    deadline = time.monotonic() + longest
    while time.monotonic() < deadline:
        busy, total = _cpu_times()
        time.sleep(0.25)
        busy_after, total_after = _cpu_times()
        if (busy_after - busy) <= quiet * max(total_after - total, 1):
            return


def wrk(url: str, *, connections: int, seconds: int, script: Path | None = None) -> dict:
    command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", "--timeout", "5s"]
    if script:
        command += ["-s", str(script)]
    output = subprocess.run(command + [url], check=True, capture_output=True, text=True).stdout
    settle()
    return parse(output)


def wrk_urls(base_url: str, paths: list[str], *, connections, seconds, workdir: Path) -> dict:
    """wrk cycling over many paths, each thread from its own starting point."""
    quoted = ",".join('"' + path.replace('"', '\\"') + '"' for path in paths)
    script = workdir / "mixed.lua"
    script.write_text(
        f"local paths = {{{quoted}}}\n"
        "local i = 0\n"
        "function setup(thread) thread:set('offset', math.random(#paths)) end\n"
        "function init(args) i = tonumber(offset) or 0 end\n"
        "function request()\n"
        "  i = i + 1\n"
        "  return wrk.format('GET', paths[(i % #paths) + 1])\n"
        "end\n"
    )
    return wrk(base_url + "/", connections=connections, seconds=seconds, script=script)


def median_figures(runs) -> dict:
    """Each figure's median over several wrk runs of the same target; errors added up."""
    runs = list(runs)
    figures = {key: statistics.median(run[key] for run in runs) for key in ("rps", "p50", "p99")}
    figures["errors"] = sum(run["errors"] for run in runs)
    return figures


def row(name: str, connections: int, figures: dict) -> str:
    return (
        f"   {name:<34} {connections:>5} {figures['rps']:>10,.0f} {figures['p50']:>8.2f} "
        f"{figures['p99']:>8.2f} {figures['errors']:>7}"
    )


def recreate_postgres_database(url: str):
    """A fresh benchmark database (only the one named in --database-url)."""
    import psycopg

    parts = urlparse(url)
    name = parts.path.lstrip("/")
    with psycopg.connect(urlunparse(parts._replace(path="/postgres")), autocommit=True) as db:
        db.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        db.execute(f'CREATE DATABASE "{name}"')
