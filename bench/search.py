"""Site search at the size of the real CHM: latency and recall in the six languages.

    .venv/bin/python bench/search.py [--pages 20000] [--database-url postgres://…/chm_bench_search]

Loads the demo site into a scratch database (SQLite by default; with --database-url that
PostgreSQL database is dropped and created), multiplies its content to N pages across the
six languages as bench/site.py does, builds the search index, then runs the recall query set
(tests/cms/test_search_recall.py: words of the demo content, other inflections, Chinese words
inside runs of characters) through `site_search`, each query several times. Prints one line
per language and, last, one JSON line: p50/p95 latency in ms per language and overall, and
the recall of the query set (pages holding the word that the search returned, out of at
most the MAX_RESULTS a search shows).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from scratch_site import scratch_site  # noqa: E402


def log(message: str) -> None:
    print(message, flush=True)


def multiply(pages: int) -> None:
    """bench/site.py's multiplication, run in this process."""
    spec = importlib.util.spec_from_file_location("bench_site", ROOT / "bench" / "site.py")
    bench_site = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench_site)
    os.environ["BENCH_PAGES"] = str(pages)
    exec(bench_site.MULTIPLY, {})  # noqa: S102 (the benchmark's own script)


def measure(repeat: int) -> dict:

    from cms.search.indexing import search_rebuild
    from cms.search.selectors import MAX_RESULTS, site_search
    from tests.cms.test_search_recall import QUERIES, holds, language_pages

    started = time.perf_counter()
    documents = search_rebuild()
    log(f"• index built: {documents} documents in {time.perf_counter() - started:.0f} s")
    figures = {}
    all_times: list[float] = []
    expected_total = found_total = 0
    for language, queries in QUERIES.items():
        texts = language_pages(language)
        times = []
        for query, held in queries:
            for _ in range(repeat):
                started = time.perf_counter()
                hits = site_search(query, language)
                times.append((time.perf_counter() - started) * 1000)
            expected = {url for url, text in texts if holds(text, held, language)}
            found = {hit.document.url for hit in hits}
            # A search shows at most MAX_RESULTS hits: on the multiplied site a demo word is
            # on more pages than that, and finding MAX_RESULTS of them is full recall.
            expected_total += min(len(expected), MAX_RESULTS)
            found_total += len(expected & found)
        times.sort()
        all_times += times
        figures[language] = {
            "p50_ms": round(statistics.median(times), 1),
            "p95_ms": round(times[int(len(times) * 0.95) - 1], 1),
            "pages": len(texts),
        }
        log(f"  {language}: {figures[language]}")
    all_times.sort()
    return {
        "p50_ms": round(statistics.median(all_times), 1),
        "p95_ms": round(all_times[int(len(all_times) * 0.95) - 1], 1),
        "recall": round(found_total / expected_total, 4),
        "queries": sum(len(q) for q in QUERIES.values()),
        "by_language": figures,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=20000)
    parser.add_argument("--repeat", type=int, default=5, help="runs of each query")
    parser.add_argument("--database-url", help="a PostgreSQL database to drop and use")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="search-bench-"))
    log(f"work dir {work}")
    scratch_site(work, database_url=args.database_url)
    log(f"• multiplying the demo content to {args.pages} pages")
    multiply(args.pages)
    from django.db import connection

    result = {"database": connection.vendor, "pages": args.pages, **measure(args.repeat)}
    print(json.dumps(result), flush=True)


if __name__ == "__main__":
    main()
