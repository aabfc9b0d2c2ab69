"""Article-body extraction against the public ScrapingHub article-extraction-benchmark.

Usage:
    .venv/bin/python bench/extraction.py DATASET [--limit N] [--worst N] [--baseline TREE]

DATASET is a folder holding the benchmark's `ground-truth.json` and `html/*.html.gz` (181
news pages in several languages, MIT licence): a checkout of
https://github.com/scrapinghub/article-extraction-benchmark, or a cache folder with just
those two entries, e.g.

    git clone --depth 1 https://github.com/scrapinghub/article-extraction-benchmark \
        ~/.cache/article-extraction-benchmark

Three extractors read every page: the syndication pipeline (`decode_page` on the page's
bytes, then `extract_article`; its text is the lead and body as the draft gets them) and
trafilatura on its own, with defaults and with `favor_precision` (as the benchmark runs
it: `include_comments=False`), and favor_precision again with the metadata the pipeline
also reads (headline, author, date), to show what that costs by itself. `--baseline TREE`
adds the pipeline of another checkout (e.g. `git worktree add /tmp/main main`), so a change
is measured before and after in the same run.

Times are CPU time of this process (`time.process_time`), the median of three runs per page,
and the extractors take turns page by page: on a shared machine the others' load then moves
all of them alike, and waiting for a core is not counted.

The score is the benchmark's: each text becomes the multiset of its 4-word shingles
(words are `\\w+` runs); per page, matched, extra and missing shingles are counted and
scaled to sum to 1, so every page weighs the same; precision and recall are means over the
pages where they are defined, and F1 is the harmonic mean of those two means.
"""

import argparse
import gzip
import importlib.util
import json
import os
import re
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

WORD = re.compile(r"\w+")
SHINGLE = 4
REPEATS = 3


def shingles(text: str) -> Counter:
    words = WORD.findall(text or "")
    return Counter(
        tuple(words[start : start + SHINGLE])
        for start in range(max(1, len(words) - SHINGLE + 1))
        if words[start : start + SHINGLE]
    )


def match_counts(expected: str, found: str) -> tuple[float, float, float]:
    """(matched, extra, missing) shingles of one page, scaled so that they sum to 1."""
    want, got = shingles(expected), shingles(found)
    matched = sum((want & got).values())
    extra = sum((got - want).values())
    missing = sum((want - got).values())
    total = matched + extra + missing
    return (matched / total, extra / total, missing / total) if total else (0.0, 0.0, 0.0)


def scores(counts: list[tuple[float, float, float]]) -> dict:
    """A page where nothing was found has no precision; one with nothing to find, no recall."""
    precisions = [m / (m + e) for m, e, _missing in counts if m + e]
    recalls = [m / (m + missing) for m, _e, missing in counts if m + missing]
    precision, recall = statistics.mean(precisions), statistics.mean(recalls)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"f1": f1, "precision": precision, "recall": recall}


def extractors(baseline: Path | None = None) -> dict:
    import trafilatura

    from hoaban.ingest.encoding import decode_page
    from hoaban.ingest.extraction import ExtractionError, extract_article

    def pipeline_of(decode, extract, error):
        def pipeline(content: bytes, url: str) -> str:
            try:
                article = extract(decode(content), url=url)
            except error:
                return ""
            return article.body_text

        return pipeline

    def default(content: bytes, url: str) -> str:
        return trafilatura.extract(content.decode("utf-8"), include_comments=False) or ""

    def precise(content: bytes, url: str) -> str:
        html = content.decode("utf-8")
        return trafilatura.extract(html, include_comments=False, favor_precision=True) or ""

    def precise_with_metadata(content: bytes, url: str) -> str:
        html = content.decode("utf-8")
        document = trafilatura.bare_extraction(
            html, url=url, include_comments=False, favor_precision=True, with_metadata=True
        )
        return document.text if document is not None else ""

    found = {"pipeline": pipeline_of(decode_page, extract_article, ExtractionError)}
    if baseline:
        other = _ingest_package(baseline)
        found[f"pipeline ({baseline.name})"] = pipeline_of(
            other.encoding.decode_page,
            other.extraction.extract_article,
            other.extraction.ExtractionError,
        )
    return found | {
        "trafilatura": default,
        "trafilatura favor_precision": precise,
        # What the pipeline also needs (headline, author, date): the cost of metadata alone.
        "favor_precision + metadata": precise_with_metadata,
    }


def _ingest_package(tree: Path):
    """hoaban/ingest of another checkout, imported beside this one as `baseline_ingest`."""
    folder = tree / "hoaban" / "ingest"
    spec = importlib.util.spec_from_file_location(
        "baseline_ingest", folder / "__init__.py", submodule_search_locations=[str(folder)]
    )
    package = importlib.util.module_from_spec(spec)
    sys.modules["baseline_ingest"] = package
    spec.loader.exec_module(package)
    for name in ("encoding", "extraction"):
        setattr(package, name, importlib.import_module(f"baseline_ingest.{name}"))
    return package


def load(dataset: Path, limit: int | None) -> list[tuple[str, str, str, bytes]]:
    truth_file, pages = dataset / "ground-truth.json", dataset / "html"
    if not truth_file.is_file() or not pages.is_dir():
        sys.exit(f"{dataset} holds no ground-truth.json and html/ folder (see --help).")
    truth = json.loads(truth_file.read_text(encoding="utf-8"))
    items = []
    for key in sorted(truth)[:limit]:
        content = gzip.decompress((pages / f"{key}.html.gz").read_bytes())
        items.append((key, truth[key].get("url", ""), truth[key].get("articleBody", ""), content))
    return items


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("dataset", type=Path)
    parser.add_argument("--limit", type=int, help="only the first N pages (for a quick look)")
    parser.add_argument(
        "--worst", type=int, default=0, help="list the N pages where the pipeline trails most"
    )
    parser.add_argument(
        "--baseline", type=Path, help="also run the pipeline of this checkout, for before/after"
    )
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hoaban.settings.test")
    import django

    django.setup()

    import trafilatura

    items = load(args.dataset, args.limit)
    chosen = extractors(args.baseline)
    counts = {name: [] for name in chosen}
    times = {name: [] for name in chosen}
    for _key, url, expected, content in items:
        runs, found = {name: [] for name in chosen}, {}
        for _ in range(REPEATS):
            for name, extract in chosen.items():
                started = time.process_time()
                found[name] = extract(content, url)
                runs[name].append(time.process_time() - started)
        for name in chosen:
            times[name].append(statistics.median(runs[name]))
            counts[name].append(match_counts(expected, found[name]))
    results = {
        name: {
            **scores(counts[name]),
            "time": statistics.median(times[name]),
            "counts": counts[name],
        }
        for name in chosen
    }

    print(f"{len(items)} pages, trafilatura {trafilatura.__version__}")
    print(f"{'':<30}{'F1':>7}{'precision':>11}{'recall':>8}{'median ms/page':>16}")
    for name, result in results.items():
        print(
            f"{name:<30}{result['f1']:>7.3f}{result['precision']:>11.3f}"
            f"{result['recall']:>8.3f}{result['time'] * 1000:>16.1f}"
        )
    ours, theirs = results["pipeline"], results["trafilatura favor_precision"]
    for name in list(results)[1:]:
        print(f"pipeline time / {name} time: {ours['time'] / results[name]['time']:.2f}")
    if args.worst:
        page_f1 = []
        for item, mine, other in zip(items, ours["counts"], theirs["counts"], strict=True):
            page_f1.append((_f1(*mine) - _f1(*other), item[0][:12], item[1]))
        print("\nPages where the pipeline trails favor_precision most (F1 difference):")
        for difference, key, url in sorted(page_f1)[: args.worst]:
            print(f"{difference:+.3f}  {key}  {url}")
    below = ours["f1"] < theirs["f1"]
    sys.exit(1 if below else 0)


def _f1(matched, extra, missing) -> float:
    return 2 * matched / (2 * matched + extra + missing) if matched else 0.0


if __name__ == "__main__":
    main()
