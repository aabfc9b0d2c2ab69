"""Screenshots of the reader's pages for docs/screenshots/reader/: the home, an article, a search
and an author page of each edition (vi, en, ru), at 1280 px and at 390 px (a phone).

Usage:  .venv/bin/python bench/reader_screenshots.py

Starts the demo on a real gunicorn server (e2e.server.LiveSite) and drives Debian's chromium
through Playwright. Full-page shots, so the whole of each page is seen, stored as 256-colour
PNGs (a third of the size; the demo's drawn photos lose little).
"""

import io
import json
import re
import sys
import urllib.parse
import urllib.request
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "docs" / "screenshots" / "reader"
WIDTHS = {"desktop": 1280, "phone": 390}
QUERIES = {"vi": "Điện Biên", "en": "Dien Bien", "ru": "Петербург"}
sys.path.insert(0, str(ROOT))


def pages(base: str, code: str) -> dict[str, str]:
    with urllib.request.urlopen(f"{base}/api/v1/articles/?locale={code}&limit=1&fields=url") as r:
        article = json.load(r)["items"][0]["url"]
    with urllib.request.urlopen(article) as response:
        author = re.search(r'href="(/[^"]*/authors/[^"]+)"', response.read().decode()).group(1)
    return {
        "home": f"{base}/{code}/",
        "article": article,
        "search": f"{base}/{code}/search/?q={urllib.parse.quote_plus(QUERIES[code])}",
        "author": base + author,
    }


def main():
    from playwright.sync_api import sync_playwright

    from e2e.server import LiveSite

    OUTPUT.mkdir(parents=True, exist_ok=True)
    site = LiveSite().start()
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path="/usr/bin/chromium", args=["--no-sandbox"]
            )
            for width_name, width in WIDTHS.items():
                page = browser.new_page(viewport={"width": width, "height": 900})
                for code in ("vi", "en", "ru"):
                    for name, url in pages(site.base_url, code).items():
                        page.goto(url)
                        page.wait_for_load_state("networkidle")
                        path = OUTPUT / f"{name}_{code}_{width_name}.png"
                        shot = Image.open(io.BytesIO(page.screenshot(full_page=True)))
                        shot.convert("RGB").quantize(256, dither=Image.Dither.NONE).save(
                            path, optimize=True
                        )
                        print(path.relative_to(ROOT), flush=True)
                page.close()
            browser.close()
    finally:
        site.stop()


if __name__ == "__main__":
    main()
