"""Outside validators against the demo site: the Nu HTML checker, axe-core, Lighthouse, the feeds
and the sitemap schemas. Prints one table of figures per validator.

Usage:  .venv/bin/python bench/validators.py [--skip lighthouse] [--lighthouse-pages home,article]

Starts the demo on a real gunicorn server (e2e.server.LiveSite: its own database and media,
the production caches on) and checks 14 page types: every kind of Vietnamese page plus the
English and Russian home and article, whose language, script and hreflang differ.

- Nu HTML checker: npm `vnu-jar` (needs Java: scripts/ensure-java installs Debian's runtime);
  all pages in one JVM run, errors and warnings per page.
- axe-core: npm `axe-core` injected through Playwright into each page in chromium (1280 px),
  violations by impact.
- Lighthouse: npm `lighthouse` on chromium's default mobile emulation (bench/lighthouse.py).
- Feeds: the W3C feedvalidator is not published on PyPI, so each RSS and Atom feed is read
  with feedparser (well-formedness and the format's required elements) and its links and
  enclosures are checked: absolute, on the public base URL, and answering 200 with the
  declared length and type.
- Sitemaps: lxml against sitemaps.org's own sitemap.xsd (from the npm package `sitemap`,
  which ships it) with the project's written-out Google News and xhtml:link schemas
  (hoaban/seo/tests/schemas/), and the index against the project's siteindex.xsd.

The npm packages are pinned in bench/validators/package.json with a lockfile and installed
there by this script (npm ci). JSON reports go to bench/results/.
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HERE = ROOT / "bench" / "validators"
MODULES = HERE / "node_modules"
RESULTS = ROOT / "bench" / "results"
SCHEMAS = ROOT / "hoaban" / "seo" / "tests" / "schemas"
CHROMIUM = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
IMPACTS = ["critical", "serious", "moderate", "minor"]
# The demo's stories are older than the news sitemap's 48 hours: one story of today gives it
# an entry to check (an empty one is reported too, before this is published).
TODAYS_STORY = """
from django.utils import timezone
from hoaban.articles.models import ArticlePage
from hoaban.sections.models import SectionPage
section = SectionPage.objects.filter(locale__language_code="vi").order_by("path").first()
story = ArticlePage(
    title="Điện Biên khai mạc Lễ hội Hoa Ban", slug="dien-bien-khai-mac-le-hoi-hoa-ban",
    date=timezone.now(), dateline="ĐBP",
    lead="Tối nay, tại Quảng trường 7/5, thành phố Điện Biên Phủ khai mạc Lễ hội Hoa Ban.",
)
section.add_child(instance=story)
story.save_revision().publish()
"""
sys.path.insert(0, str(ROOT))


def ensure_tools():
    """npm packages from the lockfile, Java and chromium from Debian."""
    if not (MODULES / ".package-lock.json").exists():
        if shutil.which("npm") is None:
            sys.exit("npm is missing: apt-get install -y nodejs npm")
        print("installing the validators with npm ci …", flush=True)
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=HERE, check=True)
    subprocess.run([str(ROOT / "scripts" / "ensure-java")], check=True)
    subprocess.run([str(ROOT / "scripts" / "ensure-test-programs")], check=True)


def fetch(url: str) -> tuple[int, bytes, dict]:
    try:
        with urllib.request.urlopen(url, timeout=120) as response:
            return response.status, response.read(), dict(response.headers)
    except urllib.error.HTTPError as error:
        return error.code, error.read(), dict(error.headers)


def first_link(html: str, pattern: str) -> str:
    match = re.search(rf'href="(/[^"]*{pattern}[^"]*)"', html)
    if match is None:
        raise RuntimeError(f"no link matching {pattern!r} on the page")
    return match.group(1)


def page_types(base: str) -> dict[str, str]:
    """The 14 page types, found through the API and the pages' own links."""

    def api(path):
        return json.loads(fetch(f"{base}/api/v1/{path}")[1])

    sections = api("sections/?locale=vi")
    videos = next(s for s in sections if s["lists_videos"])
    articles = api("articles/?locale=vi&limit=100&fields=url,video_url")["items"]
    article = next(a for a in articles if not a["video_url"])
    video = next(a for a in articles if a["video_url"])
    section = next(s for s in sections if not s["lists_videos"])
    topic = api("topics/?locale=vi")[0]
    article_html = fetch(article["url"])[1].decode()
    pages = {
        "home vi": f"{base}/vi/",
        "section": section["url"],
        "article": article["url"],
        "article+video": video["url"],
        "topic": topic["url"],
        "tag": base + first_link(article_html, "/tags/"),
        "author": base + first_link(article_html, "/authors/"),
        "search": f"{base}/vi/search/?q=Điện Biên".replace(" ", "+"),
        "videos": videos["url"],
        "404": f"{base}/vi/khong-co-trang-nay/",
    }
    for code in ("en", "ru"):
        pages[f"home {code}"] = f"{base}/{code}/"
        items = api(f"articles/?locale={code}&limit=1&fields=url")["items"]
        pages[f"article {code}"] = items[0]["url"]
    return {name: urllib.parse.quote(url, safe=":/?=&+%") for name, url in pages.items()}


def nu(pages: dict[str, str]) -> dict[str, Counter]:
    """One JVM run over every page: counts of errors and warnings per page."""
    jar = MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
    run = subprocess.run(
        ["java", "-jar", str(jar), "--format", "json", "--exit-zero-always", *pages.values()],
        capture_output=True,
        text=True,
        check=True,
    )
    messages = json.loads(run.stderr)["messages"]
    (RESULTS / "nu.json").write_text(json.dumps(messages, ensure_ascii=False, indent=1))
    by_url = {url: Counter() for url in pages.values()}
    for message in messages:
        kind = "warning" if message.get("subType") == "warning" else message["type"]
        by_url.setdefault(message.get("url", ""), Counter())[kind] += 1
    for message in messages:
        if message["type"] == "error" or message.get("subType") == "warning":
            name = next((n for n, u in pages.items() if u == message.get("url")), "?")
            print(f"    {name}: {message['type']}: {message['message'][:150]}")
    return {name: by_url[url] for name, url in pages.items()}


def axe(pages: dict[str, str]) -> dict[str, Counter]:
    """axe-core's default rules (WCAG 2.x A/AA and best practices) in chromium at 1280 px."""
    from playwright.sync_api import sync_playwright

    script = MODULES / "axe-core" / "axe.min.js"
    found, reports = {}, {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        # The site's CSP refuses inline scripts, the way axe is injected: let the test in.
        page = browser.new_page(viewport={"width": 1280, "height": 900}, bypass_csp=True)
        for name, url in pages.items():
            page.goto(url)
            page.add_script_tag(path=str(script))
            violations = page.evaluate("async () => (await axe.run(document)).violations")
            reports[name] = violations
            found[name] = Counter(v["impact"] for v in violations)
            for violation in violations:
                print(
                    f"    {name}: {violation['impact']}: {violation['id']} "
                    f"({len(violation['nodes'])} nodes) {violation['help']}"
                )
        browser.close()
    (RESULTS / "axe.json").write_text(json.dumps(reports, ensure_ascii=False, indent=1))
    return found


def feeds(base: str, pages: dict[str, str]) -> dict[str, list[str]]:
    """Each feed the checked pages advertise: problems found, an empty list when none."""
    import feedparser

    urls = set()
    for url in pages.values():
        status, body, _ = fetch(url)
        if status == 200:
            for href in re.findall(
                r'<link rel="alternate" type="application/(?:rss|atom)\+xml"[^>]*href="([^"]+)"',
                body.decode(),
            ):
                urls.add(href if href.startswith("http") else base + href)
    report = {}
    for url in sorted(urls):
        status, body, _ = fetch(url)
        problems = [] if status == 200 else [f"HTTP {status}"]
        parsed = feedparser.parse(body)
        if parsed.bozo:
            problems.append(f"not well-formed: {parsed.bozo_exception}")
        if not parsed.feed.get("title") or not parsed.feed.get("link"):
            problems.append("channel without title or link")
        links = [parsed.feed.get("link", "")]
        for entry in parsed.entries:
            for required in ("title", "link", "id", "published"):
                if not entry.get(required):
                    problems.append(f"entry without {required}: {entry.get('link')}")
            links.append(entry.get("link", ""))
            for enclosure in entry.get("enclosures", []):
                links.append(enclosure["href"])
                code, data, headers = fetch(enclosure["href"])
                if code != 200:
                    problems.append(f"enclosure answers {code}: {enclosure['href']}")
                elif str(len(data)) != str(enclosure.get("length")):
                    problems.append(f"enclosure length {enclosure.get('length')} ≠ {len(data)}")
                elif headers.get("Content-Type") != enclosure.get("type"):
                    problems.append(f"enclosure type {enclosure.get('type')}")
        problems += [
            f"link off the public base URL: {link}" for link in links if not link.startswith(base)
        ]
        report[url[len(base) :]] = problems
    return report


def sitemaps(base: str) -> dict[str, list[str]]:
    """The index and every sitemap it names, against the XSDs; errors per document."""
    from lxml import etree

    official = MODULES / "sitemap" / "schema" / "sitemap.xsd"
    with tempfile.TemporaryDirectory() as folder:
        driver = Path(folder) / "urlset.xsd"
        driver.write_text(
            '<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema" '
            'targetNamespace="http://www.sitemaps.org/schemas/sitemap/0.9" '
            'elementFormDefault="qualified">'
            '<xsd:import namespace="http://www.w3.org/1999/xhtml" '
            f'schemaLocation="{(SCHEMAS / "xhtml-link.xsd").as_uri()}"/>'
            '<xsd:import namespace="http://www.google.com/schemas/sitemap-news/0.9" '
            f'schemaLocation="{(SCHEMAS / "sitemap-news.xsd").as_uri()}"/>'
            f'<xsd:include schemaLocation="{official.as_uri()}"/></xsd:schema>'
        )
        urlset = etree.XMLSchema(etree.parse(str(driver)))
    index_schema = etree.XMLSchema(etree.parse(str(SCHEMAS / "siteindex.xsd")))
    report = {}
    index = etree.fromstring(fetch(f"{base}/sitemap.xml")[1])
    index_schema.validate(index)
    report["/sitemap.xml"] = [str(e) for e in index_schema.error_log]
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    for loc in index.xpath("//s:sitemap/s:loc/text()", namespaces=namespace):
        document = etree.fromstring(fetch(loc)[1])
        urlset.validate(document)
        errors = [str(e) for e in urlset.error_log]
        locs = document.xpath("//s:loc/text()", namespaces=namespace)
        errors += [f"off the public base URL: {u}" for u in locs if not u.startswith(base)]
        report[loc[len(base) :]] = errors
    return report


def lighthouse(pages: dict[str, str], names: list[str]) -> dict[str, dict]:
    from bench.lighthouse import CATEGORIES, run

    binary = MODULES / ".bin" / "lighthouse"
    scores = {}
    for name in names:
        result = run(binary, pages[name], name.replace(" ", "-").replace("+", "-"))
        scores[name] = result["scores"]
        for title in result["failing"]:
            print(f"    {name}: below 90: {title}")
    print(f"{'page':<14}" + "".join(f"{key:>16}" for key in CATEGORIES))
    for name, row in scores.items():
        print(f"{name:<14}" + "".join(f"{row[key]:>16}" for key in CATEGORIES))
    return scores


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--skip", default="", help="comma-separated: nu, axe, lighthouse, feeds, sitemaps"
    )
    parser.add_argument("--lighthouse-pages", default="home vi,section,article,search,author")
    parser.add_argument(
        "--base-url", help="check a demo server that is already running instead of starting one"
    )
    args = parser.parse_args()
    skip = set(filter(None, args.skip.split(",")))
    ensure_tools()
    RESULTS.mkdir(parents=True, exist_ok=True)

    from e2e.server import LiveSite

    started = time.monotonic()
    site = None if args.base_url else LiveSite().start()
    base = args.base_url or site.base_url
    print(f"demo server up in {time.monotonic() - started:.0f} s", flush=True)
    try:
        pages = page_types(base)
        for url in pages.values():  # make every rendition before checking
            fetch(url)
        timings = {}
        if "nu" not in skip:
            started = time.monotonic()
            found = nu(pages)
            timings["nu"] = time.monotonic() - started
            print(f"\nNu HTML checker ({len(pages)} pages, {timings['nu']:.0f} s)")
            print(f"{'page':<14}{'errors':>8}{'warnings':>10}")
            for name, counts in found.items():
                print(f"{name:<14}{counts['error']:>8}{counts['warning']:>10}")
        if "axe" not in skip:
            started = time.monotonic()
            found = axe(pages)
            timings["axe"] = time.monotonic() - started
            print(f"\naxe-core ({len(pages)} pages, {timings['axe']:.0f} s)")
            print(f"{'page':<14}" + "".join(f"{impact:>10}" for impact in IMPACTS))
            for name, counts in found.items():
                print(f"{name:<14}" + "".join(f"{counts[i]:>10}" for i in IMPACTS))
        if "feeds" not in skip:
            report = feeds(base, pages)
            print(f"\nFeeds ({len(report)} documents)")
            for url, problems in report.items():
                print(f"{url:<48}{len(problems):>4} problems")
                for problem in problems[:5]:
                    print(f"    {problem}")
        if "sitemaps" not in skip:
            report = sitemaps(base)
            if site is not None:
                site.shell(TODAYS_STORY)
                report["/sitemap-news.xml (a story of today)"] = sitemaps(base)["/sitemap-news.xml"]
            print(f"\nSitemaps against the XSDs ({len(report)} documents)")
            for url, errors in report.items():
                print(f"{url:<48}{len(errors):>4} errors")
                for error in errors[:5]:
                    print(f"    {error}")
        if "lighthouse" not in skip:
            print("\nLighthouse (mobile emulation)")
            lighthouse(pages, args.lighthouse_pages.split(","))
    finally:
        if site is not None:
            site.stop()


if __name__ == "__main__":
    main()
