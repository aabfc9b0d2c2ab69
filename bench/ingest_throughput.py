"""End-to-end ingest throughput and peak memory for a feed of N new articles.

Usage:  .venv/bin/python bench/ingest_throughput.py [--items 1000] [--photos 1]

A separate process serves a portal on a loopback port: one RSS feed listing --items articles,
each a full provincial-portal page (menus, comment box, recent-news rail, footer) with its own
Vietnamese text and --photos captioned photos. This process migrates a throwaway SQLite
database (or the database in DATABASE_URL), builds a small edition, and runs one `syndicate`
pass over the feed: fetch, extract, dedup and import, exactly as the command does, with the
politeness delay at zero (loopback). It prints items per minute, the share of the time spent
in each stage (measured side by side in the same run), and the process's peak resident memory.
"""

import argparse
import multiprocessing
import os
import random
import re
import resource
import sys
import tempfile
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
FIXTURE = (
    ROOT
    / "hoaban/ingest/tests/fixtures/dienbien/tin-tuc"
    / "dien-bien-tang-cuong-hop-tac-voi-saint-petersburg-1203.html"
)
BODY = re.compile(r'(<div class="news-content">).*?(</div>\n      <p class="author">)', re.DOTALL)


def words() -> list[str]:
    text = FIXTURE.read_text(encoding="utf-8")
    text = re.sub(r"<[^>]+>", " ", BODY.search(text).group(0))
    return sorted(set(re.findall(r"[^\W\d_]+", text)))


def article(number: int, photos: int, vocabulary: list[str]) -> str:
    """A page like the fixture, with its own headline, lead, photos and ~300 words of text."""
    rng = random.Random(number)

    def sentence(length):
        return " ".join(rng.choice(vocabulary) for _ in range(length)).capitalize() + "."

    paragraphs = [f"<p>{' '.join(sentence(15) for _ in range(4))}</p>" for _ in range(5)]
    for index in range(photos):
        paragraphs.insert(
            1 + index,
            f'<figure><img src="/img/{number}-{index}.jpg"><figcaption>{sentence(8)} '
            f"Ảnh: Quang Hưng</figcaption></figure>",
        )
    page = FIXTURE.read_text(encoding="utf-8")
    page = BODY.sub(lambda match: match.group(1) + "\n".join(paragraphs) + match.group(2), page)
    title = f"Bản tin số {number}: {sentence(8)[:-1]}"
    page = page.replace(
        "Điện Biên tăng cường hợp tác với thành phố Saint Petersburg", title
    ).replace('<link rel="canonical" href="{{base}}/dienbien/tin-tuc/', '<link rel="x" href="')
    return page.replace("ĐBP - Chiều 13/3", f"ĐBP - {sentence(20)} Chiều 13/3")


def serve(port_queue, items: int, photos: int):
    from io import BytesIO

    from PIL import Image

    vocabulary = words()

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args):
            pass

        def do_GET(self):
            base = f"http://127.0.0.1:{self.server.server_address[1]}"
            if self.path == "/feed.xml":
                entries = "".join(
                    f"<item><title>Bản tin số {n}</title><link>{base}/a/{n}.html</link></item>"
                    for n in range(items)
                )
                body = '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
                body += f"<title>Cổng TTĐT</title><link>{base}/</link>{entries}</channel></rss>"
                self.send(body.encode(), "application/rss+xml")
            elif self.path.startswith("/a/"):
                number = int(self.path[3:].split(".")[0])
                page = article(number, photos, vocabulary).replace("{{base}}", base)
                self.send(page.encode(), "text/html; charset=utf-8")
            elif self.path.startswith("/img/"):
                buffer = BytesIO()
                shade = hash(self.path) & 0xFFFFFF
                color = (shade >> 16, (shade >> 8) & 255, shade & 255)
                Image.new("RGB", (800, 533), color).save(buffer, "JPEG", quality=80)
                self.send(buffer.getvalue(), "image/jpeg")
            else:
                self.send(b"not found", "text/plain", status=404)

        def send(self, body, content_type, status=200):
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    port_queue.put(server.server_address[1])
    server.serve_forever()


def setup_django(workdir: str):
    os.environ["DJANGO_SETTINGS_MODULE"] = "hoaban.settings.test"
    os.environ["HOABAN_VAR_DIR"] = workdir
    os.environ["MEDIA_ROOT"] = os.path.join(workdir, "media")
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    settings.HOABAN_INGEST_TIMEOUT = 30
    call_command("migrate", verbosity=0)


def timed(stages: dict, name: str, function):
    def wrapper(*args, **kwargs):
        start = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            stages[name] = stages.get(name, 0.0) + time.perf_counter() - start

    return wrapper


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=1000)
    parser.add_argument("--photos", type=int, default=1)
    options = parser.parse_args()

    ports = multiprocessing.Queue()
    server = multiprocessing.Process(
        target=serve, args=(ports, options.items, options.photos), daemon=True
    )
    server.start()
    port = ports.get(timeout=30)
    with tempfile.TemporaryDirectory(prefix="hoaban-bench-") as workdir:
        setup_django(workdir)
        from tqdm import tqdm

        from hoaban.ingest import dedup, extraction, fetching, importer, pipeline
        from hoaban.ingest.models import ImportedItem, Source
        from hoaban.testing import build_site

        stages = {}
        fetching.Fetcher.get = timed(stages, "fetch (page + photos)", fetching.Fetcher.get)
        pipeline.extract_article = timed(stages, "extract", extraction.extract_article)
        pipeline.decode_page = timed(stages, "decode", pipeline.decode_page)
        importer.dedup.signature = timed(stages, "dedup (signature)", dedup.signature)
        pipeline.import_item = timed(stages, "import (write)", importer.import_item)

        site = build_site()
        source = Source.objects.create(
            name="Cổng TTĐT (benchmark)",
            home_url=f"http://127.0.0.1:{port}/",
            feed_url=f"http://127.0.0.1:{port}/feed.xml",
            default_section=site.sections["news"],
        )
        rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        syndicator = pipeline.Syndicator(
            progress=lambda items, label: tqdm(items, desc=label, file=sys.stderr)
        )
        start = time.perf_counter()
        (summary,) = syndicator.run([source])
        elapsed = time.perf_counter() - start
        syndicator.fetcher.close()
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

        print(f"items: {options.items}, photos per item: {options.photos}")
        print(
            f"imported {summary.imported}, duplicates {summary.duplicates}, "
            f"failed {summary.failed}, stored items {ImportedItem.objects.count()}"
        )
        print(f"elapsed: {elapsed:.1f} s  →  {summary.imported / elapsed * 60:.0f} items/minute")
        print("share of the run's time by stage:")
        for name, seconds in sorted(stages.items(), key=lambda pair: -pair[1]):
            print(f"  {name:<24} {seconds:7.1f} s  {seconds / elapsed:6.1%}")
        before = rss_before / 1024
        print(f"peak RSS: {peak / 1024:.0f} MB (after setup, before the run: {before:.0f} MB)")
        if summary.failures:
            print("first failure:", summary.failures[0])
    server.terminate()


if __name__ == "__main__":
    main()
