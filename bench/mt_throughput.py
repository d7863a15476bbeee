"""Machine-translation throughput: argostranslate per segment vs our engine vs raw CTranslate2.

    python bench/mt_throughput.py [--segments 2000]

Builds transformer-base-shaped random-weight Argos packages (en→fr, fr→en, en→ru; int8,
decode lengths pinned, see mt_bench_model.py), then on the same CHM-like segments runs
(a) ``argostranslate.translate.translate`` per segment (in its own process: it imports
torch), (b) our engine, (c) raw CTranslate2 ``translate_batch`` over the sentences our
engine sends to the model, with our settings. Checks that our outputs equal (a)'s sentence
for sentence, times an fr→ru pivot both ways, a re-run with 1 % of segments changed and
the memory holding the rest, and resident memory in separate processes. The last line
printed is JSON (docs/PERFORMANCE.md records a run).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import ctranslate2  # noqa: E402
from mt_bench_corpus import changed_copy, chm_segments  # noqa: E402
from mt_bench_model import build_bench_package  # noqa: E402

from translation.engine import packages  # noqa: E402
from translation.engine.argos_settings import argos_environment  # noqa: E402
from translation.engine.protection import protect  # noqa: E402
from translation.engine.segmenter import split_sentences  # noqa: E402
from translation.engine.translator import Engine, memory_key  # noqa: E402

HERE = Path(__file__).resolve().parent


def log(message: str) -> None:
    print(message, flush=True)


def argos_run(models_dir: Path, jobs: list[dict], scratch: Path) -> dict:
    job_file, result_file = scratch / "argos-jobs.json", scratch / "argos-result.json"
    job_file.write_text(json.dumps({"jobs": jobs}))
    env = _argos_env(models_dir)
    subprocess.run(
        [sys.executable, str(HERE / "mt_bench_argos.py"), str(job_file), str(result_file)],
        env=env,
        check=True,
    )
    return json.loads(result_file.read_text())


def _argos_env(models_dir: Path) -> dict[str, str]:
    import os

    env = dict(os.environ)
    env.update(argos_environment(models_dir))
    # argostranslate as shipped: its own "auto" compute type, not our "default".
    env.pop("ARGOS_COMPUTE_TYPE", None)
    env["HOME"] = str(models_dir / "argos" / "home")
    return env


def rss(mode: str, models_dir: Path) -> dict:
    args = [sys.executable, str(HERE / "mt_bench_rss.py"), mode]
    if mode == "ours":
        args.append(str(models_dir / "packages"))
    out = subprocess.run(
        args, env=_argos_env(models_dir), check=True, capture_output=True, text=True
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


def model_sentences(texts: list[str], source: str) -> list[str]:
    """The sentences our engine sends to the model for ``texts`` (protected, split)."""
    return [s for t in texts for s in split_sentences(protect(t).text, source).sentences]


def raw_ct2(engine: Engine, sentences: list[str]) -> tuple[float, list[str]]:
    model = engine.models.get("en", "fr")
    tokenized = [model.tokenizer.encode(s, out_type=str) for s in dict.fromkeys(sentences)]
    settings = engine.settings
    started = time.perf_counter()
    results = model.translator.translate_batch(
        tokenized,
        replace_unknowns=True,
        max_batch_size=settings.max_batch_tokens,
        batch_type="tokens",
        beam_size=settings.beam_size,
        length_penalty=settings.length_penalty,
        max_decoding_length=settings.max_decoding_length,
    )
    seconds = time.perf_counter() - started
    return seconds, [model.decode(r.hypotheses[0]) for r in results]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--segments", type=int, default=2000)
    parser.add_argument("--pivot-segments", type=int, help="default: segments / 10")
    parser.add_argument("--work-dir", type=Path, help="default: a temporary folder")
    parser.add_argument("--repeat", type=int, default=2, help="runs of (b) and (c); best kept")
    args = parser.parse_args()
    n = args.segments
    n_pivot = args.pivot_segments or max(10, n // 10)
    work = args.work_dir or Path(tempfile.mkdtemp(prefix="mt-bench-"))
    models_dir = work / "mt-models"

    log(f"ctranslate2 {ctranslate2.__version__}; work dir {work}")
    started = time.perf_counter()
    for seed, (source, target) in enumerate([("en", "fr"), ("fr", "en"), ("en", "ru")]):
        archive = build_bench_package(work / "archives", source, target, seed=seed + 1)
        packages.install(models_dir / "packages", archive)
    log(f"built 3 transformer-base int8 packages in {time.perf_counter() - started:.1f} s")

    segments = chm_segments(n, "en")
    pivot_segments = chm_segments(n_pivot, "fr", seed=99)
    markup = [i for i, s in enumerate(segments) if protect(s).items]
    plain = [i for i in range(n) if i not in set(markup)]
    markup_sentences = model_sentences([segments[i] for i in markup], "en")
    sentences = model_sentences(segments, "en")
    log(f"{n} segments, {len(sentences)} sentences ({len(markup)} segments with markup)")

    # (b) our engine, warm (model loaded), one call for the whole list; (c) raw CTranslate2
    # on the same tokenized sentences with our settings. Alternated and repeated, best time
    # kept: other processes on the machine otherwise decide which one looks faster.
    engine = Engine(models_dir / "packages")
    engine.translate(["Warm up."], "en", "fr")
    engine.translate(["Réchauffement."], "fr", "ru")
    ours_s = raw_s = float("inf")
    for _ in range(args.repeat):
        started = time.perf_counter()
        ours = engine.translate(segments, "en", "fr")
        ours_s = min(ours_s, time.perf_counter() - started)
        raw_s = min(raw_s, raw_ct2(engine, sentences)[0])
    log(f"(b) ours: {ours_s:.1f} s, {n / ours_s:.2f} segments/s")
    log(f"(c) raw CTranslate2: {raw_s:.1f} s, {n / raw_s:.2f} segments/s")

    started = time.perf_counter()
    ours_pivot = engine.translate(pivot_segments, "fr", "ru")
    ours_pivot_s = time.perf_counter() - started
    log(f"pivot fr→ru ours: {ours_pivot_s:.1f} s for {n_pivot} segments")

    memory = {memory_key(s): t for s, t in zip(segments, ours.outputs, strict=True)}
    edited, changed = changed_copy(segments, 0.01)
    incremental_s = float("inf")
    for _ in range(args.repeat):
        started = time.perf_counter()
        incremental = engine.translate(edited, "en", "fr", memory=memory)
        incremental_s = min(incremental_s, time.perf_counter() - started)
    assert incremental.memory_hits == n - changed, incremental.memory_hits
    log(f"incremental ({changed} changed, {incremental.memory_hits} from memory): "
        f"{incremental_s:.2f} s")  # fmt: skip

    # (a) argostranslate per segment, in its own process.
    log("(a) argostranslate per segment (this is the slow part)…")
    reference = argos_run(
        models_dir,
        [
            {"name": "main", "source": "en", "target": "fr", "texts": segments},
            {"name": "sentences", "source": "en", "target": "fr", "texts": markup_sentences},
            {"name": "pivot", "source": "fr", "target": "ru", "texts": pivot_segments},
        ],
        work,
    )
    argos_s = reference["main"]["seconds"]
    argos_pivot_s = reference["pivot"]["seconds"]
    log(f"(a) argos: {argos_s:.1f} s, {n / argos_s:.2f} segments/s; "
        f"pivot {argos_pivot_s:.1f} s for {n_pivot}")  # fmt: skip

    # Equality, sentence for sentence: plain segments end to end; segments with markup
    # through the sentences our engine gave the model (argostranslate cannot protect).
    mismatches = [i for i in plain if ours.outputs[i] != reference["main"]["outputs"][i]]
    ours_sentences = engine.models.get("en", "fr").translate(markup_sentences)
    mismatches += [
        s for s, theirs in zip(markup_sentences, reference["sentences"]["outputs"], strict=True)
        if ours_sentences[s].text != theirs
    ]  # fmt: skip
    # argostranslate cannot protect markup: compare the pivot on plain segments.
    pivot_mismatches = sum(
        a != b
        for text, a, b in zip(
            pivot_segments, ours_pivot.outputs, reference["pivot"]["outputs"], strict=True
        )
        if not protect(text).items
    )
    identical = not mismatches
    log(f"outputs identical to argostranslate: {identical} ({len(mismatches)} differences; "
        f"pivot differences: {pivot_mismatches})")  # fmt: skip

    ours_rss, argos_rss = rss("ours", models_dir), rss("argos-import", models_dir)
    log(f"RSS: our worker after translating {ours_rss}; "
        f"argostranslate.translate imported {argos_rss}; "
        f"argos worker after translating {reference['rss_after_translating_mb']:.0f} MB")  # fmt: skip

    details = {
        "ctranslate2": ctranslate2.__version__,
        "sentences": len(sentences),
        "markup_segments": len(markup),
        "argos_s": round(argos_s, 2),
        "ours_s": round(ours_s, 2),
        "raw_ct2_s": round(raw_s, 2),
        "pivot_segments": n_pivot,
        "pivot_argos_s": round(argos_pivot_s, 2),
        "pivot_ours_s": round(ours_pivot_s, 2),
        "pivot_outputs_identical": pivot_mismatches == 0,
        "incremental_changed": changed,
        "incremental_s": round(incremental_s, 3),
        "ours_rss_mb": round(ours_rss["rss_mb"]),
        "argos_import_rss_mb": round(argos_rss["rss_mb"]),
        "argos_worker_rss_mb": round(reference["rss_after_translating_mb"]),
        "argos_import_s": round(reference["import_s"], 2),
        "max_batch_tokens": engine.settings.max_batch_tokens,
        "threads": f"{engine.settings.inter_threads}x{engine.settings.intra_threads}",
    }
    log("details: " + json.dumps(details))
    summary = {
        "segments": n,
        "ours_vs_argos": round(argos_s / ours_s, 2),
        "ours_vs_raw_ct2": round(raw_s / ours_s, 3),
        "pivot_ours_vs_argos": round(argos_pivot_s / ours_pivot_s, 2),
        "incremental_speedup": round(ours_s / incremental_s, 1),
        "outputs_identical_to_argos": identical,
        "rss_ratio": round(ours_rss["rss_mb"] / argos_rss["rss_mb"], 3),
    }
    print(json.dumps(summary), flush=True)


if __name__ == "__main__":
    main()
