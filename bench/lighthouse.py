"""Lighthouse scores (Performance, Accessibility, Best Practices, SEO) of the front page, a
section and an article, on Lighthouse's default mobile emulation.

Usage:  .venv/bin/python bench/lighthouse.py [--runs 1]

Starts the demo site on a real gunicorn server (e2e.server.LiveSite: its own database and
media), installs the npm packages of bench/validators/ (lighthouse among them) when missing,
and runs it against Debian's chromium (CHROME_PATH=/usr/bin/chromium, headless, no sandbox).
With --runs N the median of N runs is printed per page. JSON reports go to bench/results/.
Target: 95 or more in every column.
"""

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HERE = Path(__file__).resolve().parent / "validators"
RESULTS = ROOT / "bench" / "results"
CHROMIUM = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
sys.path.insert(0, str(ROOT))


def ensure_lighthouse() -> Path:
    binary = HERE / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        if shutil.which("npm") is None:
            sys.exit("npm is missing: apt-get install -y nodejs npm")
        print("installing lighthouse with npm …", flush=True)
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=HERE, check=True)
    if not Path(CHROMIUM).exists():
        sys.exit(f"{CHROMIUM} is missing: apt-get install -y chromium")
    return binary


def article_url(base_url: str) -> str:
    with urllib.request.urlopen(f"{base_url}/api/v1/articles/?locale=vi&limit=1&fields=url") as r:
        url = json.load(r)["items"][0]["url"]
    return base_url + url[url.index("/vi/") :]


def run(binary: Path, url: str, name: str) -> dict:
    RESULTS.mkdir(parents=True, exist_ok=True)
    report = RESULTS / f"lighthouse-{name}.json"
    subprocess.run(
        [
            str(binary),
            url,
            "--quiet",
            "--output=json",
            f"--output-path={report}",
            f"--only-categories={','.join(CATEGORIES)}",
            "--chrome-flags=--headless --no-sandbox --disable-gpu",
        ],
        check=True,
        env={**os.environ, "CHROME_PATH": CHROMIUM},
    )
    data = json.loads(report.read_text())
    scores = {key: round(data["categories"][key]["score"] * 100) for key in CATEGORIES}
    failing = [
        audit["title"]
        for audit in data["audits"].values()
        if audit.get("score") is not None
        and audit["score"] < 0.9
        and audit.get("scoreDisplayMode") in ("binary", "numeric", "metricSavings")
    ]
    return {"scores": scores, "failing": failing}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=1)
    args = parser.parse_args()
    binary = ensure_lighthouse()

    from e2e.server import LiveSite

    site = LiveSite().start()
    try:
        pages = {
            "home": f"{site.base_url}/vi/",
            "section": f"{site.base_url}/vi/he-thong-chinh-tri/",
            "article": article_url(site.base_url),
        }
        for url in pages.values():  # make every rendition before measuring
            urllib.request.urlopen(url, timeout=120).read()
        header = f"{'page':<9}" + "".join(f"{key:>16}" for key in CATEGORIES)
        print(header)
        for name, url in pages.items():
            runs = [run(binary, url, name) for _ in range(args.runs)]
            medians = {
                key: statistics.median(result["scores"][key] for result in runs)
                for key in CATEGORIES
            }
            print(f"{name:<9}" + "".join(f"{medians[key]:>16.0f}" for key in CATEGORIES))
            for title in sorted(set(runs[-1]["failing"])):
                print(f"    below 90: {title}")
    finally:
        site.stop()


if __name__ == "__main__":
    main()
