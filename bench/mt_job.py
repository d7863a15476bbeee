"""What an editor waits for when a whole section is machine-translated: the job system.

    .venv/bin/python bench/mt_job.py [--pages 500] [--segments-per-page 20]

Builds transformer-base-shaped benchmark packages (mt_bench_model.py) for English into the
five other languages, creates N English pages of about 20 segments each (title, intro and
CHM-like paragraphs, ~15 % with inline markup) in a scratch SQLite site, then:

1. the engine alone translates every segment into the five languages (one call per
   language, the model loaded: the ceiling);
2. the job system translates the same pages: `job_request` + `job_run` per page, as the
   worker runs them (segment extraction, memory and glossary look-ups, batched engine calls,
   review rows, counters, draft revisions); database queries are counted;
3. 20 % of the paragraphs are edited and published, and the pages are translated again:
   only the edited segments may reach the engine, the rest come from memory.

The worker's queue pick-up (django-q2 polling) is left out on purpose: it is the same per
job whatever the job does, and measured in bench/dispatch.py. The last line printed is JSON:
{"pages", "segments", "job_vs_engine" (target >= 0.8), "queries_per_segment", …}.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from scratch_site import scratch_site  # noqa: E402

TARGETS = ("ar", "es", "fr", "ru", "zh-hans")
# Package codes of the engine (Argos uses "zh" for Simplified Chinese).
ENGINE_CODES = {"ar": "ar", "es": "es", "fr": "fr", "ru": "ru", "zh-hans": "zh"}


def log(message: str) -> None:
    print(message, flush=True)


def build_models(work: Path) -> None:
    from mt_bench_model import build_bench_package

    from translation.engine import packages

    if (work / "mt-models" / "packages").exists():
        log("• benchmark packages already built (--work-dir reused)")
        return
    started = time.perf_counter()
    for seed, language in enumerate(TARGETS, start=1):
        archive = build_bench_package(work / "archives", "en", ENGINE_CODES[language], seed)
        packages.install(work / "mt-models" / "packages", archive)
    log(f"• built {len(TARGETS)} benchmark packages in {time.perf_counter() - started:.0f} s")


def create_pages(count: int, paragraphs: int):
    from mt_bench_corpus import chm_segments

    from cms.models import ContentPage, HomePage

    home = HomePage.objects.get(locale__language_code="en")
    section = home.add_child(instance=ContentPage(title="Bench section", slug="bench"))
    texts = chm_segments(count * (paragraphs + 1), "en")
    pages = []
    for number in range(count):
        chunk = texts[number * (paragraphs + 1) : (number + 1) * (paragraphs + 1)]
        page = section.add_child(
            instance=ContentPage(
                title=f"Protected areas {number}",
                slug=f"page-{number}",
                intro=chunk[0],
                body=[("paragraph", f"<p>{text}</p>") for text in chunk[1:]],
            )
        )
        page.save_revision().publish()
        pages.append(page)
        if (number + 1) % 50 == 0 or number + 1 == count:
            log(f"  pages {number + 1}/{count}")
    return pages, texts


class QueryCounter:
    def __init__(self) -> None:
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


def translate_pages(pages) -> dict:
    from django.db import connection

    from translation import services

    counter = QueryCounter()
    totals = {"segments": 0, "machine": 0, "memory": 0}
    started = time.perf_counter()
    with connection.execute_wrapper(counter):
        for number, page in enumerate(pages, start=1):
            job = services.job_request(instance=page, user=None, languages=TARGETS)
            job = services.job_run(job_id=job.pk)
            assert job.status == job.Status.DONE, (job.pk, job.status)
            totals["segments"] += job.segments_total
            totals["machine"] += job.segments_machine
            totals["memory"] += job.segments_memory
            if number % 25 == 0 or number == len(pages):
                log(f"  jobs {number}/{len(pages)} ({time.perf_counter() - started:.0f} s)")
    return {**totals, "seconds": time.perf_counter() - started, "queries": counter.count}


def engine_alone(texts: list[str], pages: int) -> tuple[float, int]:
    """The engine on the same text segments (titles included), one call per language."""
    from translation.machine import engine

    segments = [f"Protected areas {number}" for number in range(pages)] + texts
    translator = engine()
    for language in TARGETS:
        translator.translate(["Warm up."], "en", ENGINE_CODES[language])
    started = time.perf_counter()
    for language in TARGETS:
        translator.translate(segments, "en", ENGINE_CODES[language])
    return time.perf_counter() - started, len(segments) * len(TARGETS)


def edit_pages(pages, share: float) -> int:
    from mt_bench_corpus import changed_copy

    edited_total = 0
    for page in pages:
        page = page.specific.__class__.objects.get(pk=page.pk)
        paragraphs = [block.value.source for block in page.body]
        plain = [text.removeprefix("<p>").removesuffix("</p>") for text in paragraphs]
        edited, changed = changed_copy(plain, share, seed=page.pk)
        page.body = [("paragraph", f"<p>{text}</p>") for text in edited]
        page.save_revision().publish()
        edited_total += changed
    return edited_total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=500)
    parser.add_argument("--segments-per-page", type=int, default=20)
    parser.add_argument("--edited-share", type=float, default=0.2)
    parser.add_argument("--work-dir", type=Path, help="default: a temporary folder")
    args = parser.parse_args()
    work = args.work_dir or Path(tempfile.mkdtemp(prefix="mt-job-bench-"))
    (work / "data").mkdir(parents=True, exist_ok=True)
    log(f"work dir {work}")
    scratch_site(work / "data", MT_MODELS_DIR=str(work / "mt-models"))
    build_models(work)
    paragraphs = args.segments_per_page - 2  # title and intro are segments too
    log(f"• creating {args.pages} English pages of {args.segments_per_page} segments")
    pages, texts = create_pages(args.pages, paragraphs)

    log("• the engine alone on the same segments")
    engine_s, engine_segments = engine_alone(texts, args.pages)
    log(f"  {engine_segments} segments in {engine_s:.1f} s")

    log("• the job system")
    first = translate_pages(pages)
    log(f"  {first['segments']} segments in {first['seconds']:.1f} s, {first['queries']} queries")

    log(f"• {args.edited_share:.0%} of the paragraphs edited, translated again")
    edited = edit_pages(pages, args.edited_share)
    again = translate_pages(pages)
    log(f"  {edited} paragraphs edited; {again['machine']} segments per language reached "
        f"the engine in {again['seconds']:.1f} s")  # fmt: skip

    print(
        json.dumps(
            {
                "pages": args.pages,
                "segments": first["segments"],
                "engine_segments_per_s": round(engine_segments / engine_s, 1),
                "job_segments_per_s": round(first["segments"] / first["seconds"], 1),
                "job_vs_engine": round(engine_s / first["seconds"], 3),
                "queries_per_segment": round(first["queries"] / first["segments"], 2),
                "whole_set_s": round(first["seconds"], 1),
                "edited_paragraphs": edited,
                "edited_machine_segments": again["machine"],
                "edited_only_to_engine": again["machine"] == edited * len(TARGETS),
                "edited_run_s": round(again["seconds"], 1),
                "edited_queries_per_segment": round(again["queries"] / again["segments"], 2),
            }
        ),
        flush=True,
    )


if __name__ == "__main__":
    main()
