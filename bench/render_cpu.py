"""What one uncached page costs in CPU, on a site of N pages and on one ten times bigger.

    .venv/bin/python bench/render_cpu.py [--sizes 2000 20000] [--database-url postgres://…]
                                         [--profile FILE]

bench/site.py measures a loaded server, whose wall times on a shared 2-core machine are
mostly waiting for a core. This measures the cost itself, in one process and one run: the
demo site in a scratch database (SQLite by default) grows to each size in turn (pages under
one section per language, as bench/site.py's multiplied site), and at each size the same
pages are rendered through the whole middleware stack with the page cache off, counting the
process's CPU time (not wall) and the database queries per page. The database server's own
CPU is not in the figure; on SQLite it is (same process). With --profile, the last size's
renders are profiled in a second pass (cProfile, read with `python -m pstats FILE`). With
--statements N, every SQL statement of the renders is timed and the N whose time per page
grew most from the smallest size to the largest are printed before the JSON line.
The last line is JSON: per size, cpu_ms_per_page, wall_ms_per_page and queries_per_page,
and cpu_growth (the largest size's CPU per page over the smallest's; 1.0 = constant).
"""

from __future__ import annotations

import argparse
import cProfile
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from scratch_site import scratch_site  # noqa: E402

RENDERED = ("en", "ar")


def log(message: str) -> None:
    print(message, flush=True)


def grow(target: int) -> dict[str, int]:
    """Add pages under one section per language until the site holds `target` pages."""
    from django.db import transaction
    from wagtail.models import Page

    from cms.models import ContentPage, HomePage

    homes = list(HomePage.objects.select_related("locale"))
    per_language = max(0, (target - Page.objects.count()) // len(homes))
    started = time.perf_counter()
    counts = {}
    for home in homes:
        code = home.locale.language_code
        section = ContentPage.objects.child_of(home).filter(slug=f"bench-{code}").first()
        if section is None:
            section = home.add_child(
                instance=ContentPage(title=f"Bench {code}", slug=f"bench-{code}")
            )
        source = ContentPage.objects.filter(locale=home.locale).exclude(pk=section.pk).first()
        body = source.body.raw_data if source else [{"type": "paragraph", "value": "<p>T.</p>"}]
        first = section.get_children().count()
        for offset in range(first, first + per_language, 250):
            with transaction.atomic():
                for index in range(offset, min(first + per_language, offset + 250)):
                    section.add_child(
                        instance=ContentPage(
                            title=f"{code} page {index}",
                            slug=f"p{index}",
                            intro=f"Intro {index}",
                            body=body,
                        )
                    )
        counts[code] = first + per_language
    log(f"  {Page.objects.count()} pages ({time.perf_counter() - started:.0f} s)")
    return counts


class StatementTimer:
    """`connection.execute_wrapper`: seconds and calls per SQL text (parameters apart)."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self.calls: dict[str, int] = {}

    def __call__(self, execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.seconds[sql] = self.seconds.get(sql, 0.0) + time.perf_counter() - started
            self.calls[sql] = self.calls.get(sql, 0) + 1


def statements_grown(timers: dict[int, StatementTimer], pages: int, top: int) -> None:
    """Log the statements whose time per rendered page grew most between the sizes."""
    smallest, largest = timers[min(timers)], timers[max(timers)]
    grown = sorted(
        largest.seconds,
        key=lambda sql: smallest.seconds.get(sql, 0.0) - largest.seconds[sql],
    )
    log(f"• statements whose time per page grew most ({min(timers)} → {max(timers)} pages)")
    for sql in grown[:top]:
        before = smallest.seconds.get(sql, 0.0) * 1000 / pages
        after = largest.seconds[sql] * 1000 / pages
        log(f"  {before:.2f} → {after:.2f} ms/page, {largest.calls[sql] / pages:.1f} calls/page")
        log(f"    {sql[sql.find(' FROM ') :][:500]}")  # the columns say little


def render(
    paths: list[str], profiler: cProfile.Profile | None, timer: StatementTimer | None = None
) -> dict:
    from contextlib import nullcontext

    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="127.0.0.1")  # scratch_site's ALLOWED_HOSTS
    for path in paths[:10]:  # templates compiled, sites and locales cached
        response = client.get(path, secure=True)
        assert response.status_code == 200, (path, response.status_code)
    queries = 0
    cpu_started, wall_started = time.process_time(), time.perf_counter()
    if profiler:
        profiler.enable()
    for path in paths:
        with (
            connection.execute_wrapper(timer) if timer else nullcontext(),
            CaptureQueriesContext(connection) as context,
        ):
            response = client.get(path, secure=True)
        assert response.status_code == 200, (path, response.status_code)
        queries += len(context.captured_queries)
    if profiler:
        profiler.disable()
    cpu = time.process_time() - cpu_started
    wall = time.perf_counter() - wall_started
    return {
        "cpu_ms_per_page": round(cpu * 1000 / len(paths), 2),
        "wall_ms_per_page": round(wall * 1000 / len(paths), 2),
        "queries_per_page": round(queries / len(paths), 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[2000, 20000])
    parser.add_argument("--renders", type=int, default=300, help="pages rendered per size")
    parser.add_argument("--database-url", help="a PostgreSQL database to drop and use")
    parser.add_argument("--profile", type=Path, help="cProfile output of the last size")
    parser.add_argument(
        "--statements", type=int, default=0, help="print the N statements that grew most"
    )
    parser.add_argument(
        "--redis-url",
        default="",
        help="broker and cache, as in the production profile (flushed); the default ORM "
        "broker reconnects to SQLite for every index task the growing site queues",
    )
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="render-cpu-bench-"))
    log(f"work dir {work}")
    if args.redis_url:
        subprocess.run(["redis-cli", "-u", args.redis_url, "FLUSHDB"], capture_output=True)
    scratch_site(
        work, database_url=args.database_url, PAGE_CACHE_SECONDS="0", REDIS_URL=args.redis_url
    )
    from django.core.management import call_command
    from django.db import connection

    call_command("collectstatic", "--noinput", verbosity=0)  # DEBUG=0: the manifest

    figures = {}
    timers: dict[int, StatementTimer] = {}
    for number, size in enumerate(sorted(args.sizes)):
        log(f"• growing the site to {size} pages")
        counts = grow(size)
        last = number == len(args.sizes) - 1
        profiler = cProfile.Profile() if args.profile and last else None
        # The same pages at every size: the first ones of each section, spread over languages.
        per_language = args.renders // len(RENDERED)
        paths = [
            f"/{code}/bench-{code}/p{index}/"
            for code in RENDERED
            for index in range(min(per_language, counts[code]))
        ]
        figures[size] = render(paths, None)
        log(f"  {figures[size]}")
        if profiler:  # a second pass: the profiler's own cost stays out of the figures
            render(paths, profiler)
            profiler.dump_stats(args.profile)
        if args.statements:  # a pass of its own: the timing's cost stays out of the figures
            timers[size] = StatementTimer()
            render(paths, None, timers[size])
    if args.statements:
        statements_grown(timers, len(paths), args.statements)
    smallest, largest = min(figures), max(figures)
    print(
        json.dumps(
            {
                "database": connection.vendor,
                "renders": len(paths),
                "by_size": figures,
                "cpu_growth": round(
                    figures[largest]["cpu_ms_per_page"] / figures[smallest]["cpu_ms_per_page"], 3
                ),
            }
        ),
        flush=True,
    )


if __name__ == "__main__":
    main()
