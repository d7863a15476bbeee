"""The site under load: production profile (gunicorn, DEBUG=0, PostgreSQL, Redis cache),
the demo content multiplied to 5,000 pages across six languages, measured on loopback.

    .venv/bin/python bench/site.py [--duration SECONDS] [--pages N] [--workers N]

Uses wrk when installed (`apt-get install wrk`), else a threaded Python generator. Prints
one line per measurement and, last, one JSON line with `cached_vs_static` (target >= 0.5),
`uncached_p95_ms`, `api_p95_ms` and `errors` (target 0).
Database `chm_bench` on the local PostgreSQL server (re-created) and Redis DB 12.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PY = sys.executable
LANGUAGES = ["en", "fr", "es", "ru", "ar", "zh-hans"]

MULTIPLY = """
import os, time
from django.db import transaction
from wagtail.models import Page
from cms.models import ContentPage, HomePage
target = int(os.environ["BENCH_PAGES"])
homes = {h.locale.language_code: h for h in HomePage.objects.select_related("locale")}
per_language = max(1, (target - Page.objects.count()) // len(homes))
start = time.time()
for number, (code, home) in enumerate(sorted(homes.items())):
    source = ContentPage.objects.filter(locale=home.locale).first()
    body = source.body.raw_data if source else [{"type": "paragraph", "value": "<p>Text.</p>"}]
    parent = home.add_child(instance=ContentPage(title=f"Bench {code}", slug=f"bench-{code}"))
    # Wagtail's treebeard paths allow fast bulk creation: children of one parent in one go.
    step = 250
    for offset in range(0, per_language, step):
        with transaction.atomic():
            for index in range(offset, min(per_language, offset + step)):
                parent.add_child(instance=ContentPage(
                    title=f"{code} page {index}", slug=f"p{index}", intro=f"Intro {index}",
                    body=body, live=True))
        print(f"  {code}: {min(per_language, offset + step)}/{per_language} pages "
              f"({time.time() - start:.0f} s)", flush=True)
print("pages", Page.objects.count(), "per_language", per_language, flush=True)
"""


def run(cmd, env, **kw):
    return subprocess.run(cmd, cwd=ROOT, env=env, check=True, **kw)


def wait_for(url: str, timeout: float = 120) -> None:
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5):  # noqa: S310 (loopback)
                return
        except OSError:
            time.sleep(0.5)
    raise RuntimeError(f"{url} did not answer")


# wrk prints 50/75/90/99 % with --latency; its Lua `done` hook gives the exact 95th.
WRK_REPORT = """
done = function(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
    "CHM %d %d %f %f %f %f %d\\n", summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.mean,
    errors.connect + errors.read + errors.write + errors.timeout + errors.status))
end
"""


def wrk(url: str, duration: int, connections: int) -> dict:
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(WRK_REPORT)
    try:
        out = subprocess.run(
            ["wrk", "-t2", f"-c{connections}", f"-d{duration}s", "-s", script.name, url],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    finally:
        os.unlink(script.name)
    fields = re.search(r"^CHM (.*)$", out, re.MULTILINE).group(1).split()
    requests, micros = int(fields[0]), int(fields[1])
    p50, p95, p99 = (float(value) / 1000 for value in fields[2:5])  # wrk counts microseconds
    return {
        "rps": requests / (micros / 1_000_000),
        "p50_ms": p50,
        "p95_ms": p95,
        "p99_ms": p99,
        "errors": int(fields[6]),  # connect/read/write/timeout and non-2xx/3xx statuses
    }


def python_load(urls: list[str], duration: int, connections: int) -> dict:
    """Threaded keep-alive-less generator: slower than wrk, same figures."""
    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()
    stop = time.time() + duration

    def worker(index: int):
        position = index
        while time.time() < stop:
            url = urls[position % len(urls)]
            position += connections
            began = time.perf_counter()
            try:
                with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310
                    response.read()
                    ok = response.status < 400
            except OSError:
                ok = False
            elapsed = (time.perf_counter() - began) * 1000
            with lock:
                latencies.append(elapsed)
                errors[0] += 0 if ok else 1

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    latencies.sort()
    if not latencies:
        return {"rps": 0, "p50_ms": 0, "p95_ms": 0, "p99_ms": 0, "errors": errors[0]}
    quantiles = statistics.quantiles(latencies, n=100)
    return {
        "rps": len(latencies) / duration,
        "p50_ms": quantiles[49],
        "p95_ms": quantiles[94],
        "p99_ms": quantiles[98],
        "errors": errors[0],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=20)
    parser.add_argument("--pages", type=int, default=5000)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--port", type=int, default=8765)
    args = parser.parse_args()

    data_dir = Path(tempfile.mkdtemp(prefix="chm-bench-"))
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("PYTEST")},
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(64),
        "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/chm_bench",
        "REDIS_URL": "redis://127.0.0.1:6379/12",
        "CHM_DATA_DIR": str(data_dir),
        "CHM_ENV_FILE": str(data_dir / "none.env"),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "0",
        "SESSION_COOKIE_SECURE": "0",
        "CSRF_COOKIE_SECURE": "0",
        "API_RATE_LIMIT_IP": "100000000",
        "PAGE_CACHE_SECONDS": "600",
        "LOG_LEVEL": "ERROR",
    }
    subprocess.run(["dropdb", "-h", "127.0.0.1", "-U", "postgres", "--if-exists", "chm_bench"])
    subprocess.run(["redis-cli", "-n", "12", "FLUSHDB"], capture_output=True)
    steps = [
        ["-m", "cms.dbcreate"],
        ["manage.py", "migrate", "--noinput", "-v0"],
        ["manage.py", "collectstatic", "--noinput", "-v0"],
        ["manage.py", "load_demo"],
    ]
    for step in steps:
        print("•", " ".join(step), flush=True)
        run([PY, *step], env, stdout=subprocess.DEVNULL)
    print(f"• multiplying the demo content to {args.pages} pages", flush=True)
    # Progress lines are shown as they come; the last one says how many pages per language.
    with subprocess.Popen(
        [PY, "manage.py", "shell", "-c", MULTIPLY],
        cwd=ROOT,
        env={**env, "BENCH_PAGES": str(args.pages)},
        stdout=subprocess.PIPE,
        text=True,
    ) as multiplying:
        last = ""
        for line in multiplying.stdout:
            print(line, end="", flush=True)
            last = line
    if multiplying.returncode:
        raise SystemExit("multiplying the demo content failed")
    per_language = int(last.split("per_language")[-1].split()[0])

    static_root = data_dir / "static"
    probe_size = 0
    gunicorn = subprocess.Popen(
        [
            str(Path(PY).parent / "gunicorn"),
            "cms.wsgi:application",
            "--bind",
            f"127.0.0.1:{args.port}",
            "--workers",
            str(args.workers),
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    base = f"http://127.0.0.1:{args.port}"
    results: dict[str, dict] = {}
    try:
        wait_for(base + "/healthz")
        with urllib.request.urlopen(base + "/en/", timeout=30) as response:  # noqa: S310
            probe_size = len(response.read())
        # A static file of the same size as the English home page: the ceiling.
        (static_root / "bench").mkdir(exist_ok=True)
        (static_root / "bench" / "same-size.html").write_bytes(b"x" * probe_size)
        gunicorn.send_signal(1)  # HUP: WhiteNoise indexes static files at start-up
        time.sleep(3)
        wait_for(base + "/healthz")

        def measure(name: str, urls: list[str], warm: bool = True) -> None:
            if warm:
                for url in urls[:50]:
                    urllib.request.urlopen(url, timeout=60).read()  # noqa: S310
            if shutil.which("wrk") and len(urls) == 1:
                figures = wrk(urls[0], args.duration, args.connections)
            else:
                figures = python_load(urls, args.duration, args.connections)
            results[name] = figures
            print(
                f"{name:28} {figures['rps']:8.1f} req/s  p50 {figures['p50_ms']:7.1f} ms  "
                f"p95 {figures['p95_ms']:7.1f} ms  p99 {figures['p99_ms']:7.1f} ms  "
                f"errors {figures['errors']}",
                flush=True,
            )

        measure("static (ceiling)", [base + "/static/bench/same-size.html"])
        for language in LANGUAGES:
            measure(f"cached /{language}/", [f"{base}/{language}/"])
        # Uncached: many distinct pages, each seen once per run (plus a cache-busting query).
        for language in ("en", "ar"):
            run_token = secrets.token_hex(4)
            urls = [
                f"{base}/{language}/bench-{language}/p{i % per_language}/?nocache={run_token}{i}"
                for i in range(50_000)
            ]
            measure(f"uncached /{language}/…", urls, warm=False)
        measure("notifications listing", [f"{base}/en/notifications/"])
        measure("API /api/v1/notifications", [f"{base}/api/v1/notifications"])
    finally:
        gunicorn.terminate()
        gunicorn.wait(timeout=30)
        shutil.rmtree(data_dir, ignore_errors=True)

    cached = [v["rps"] for k, v in results.items() if k.startswith("cached")]
    summary = {
        "page_bytes": probe_size,
        "static_rps": results["static (ceiling)"]["rps"],
        "cached_rps_mean": statistics.mean(cached),
        "cached_vs_static": round(statistics.mean(cached) / results["static (ceiling)"]["rps"], 3),
        "uncached_p95_ms": round(
            max(v["p95_ms"] for k, v in results.items() if k.startswith("uncached")), 1
        ),
        "listing_p95_ms": round(results["notifications listing"]["p95_ms"], 1),
        "api_p95_ms": round(results["API /api/v1/notifications"]["p95_ms"], 1),
        "errors": sum(v["errors"] for v in results.values()),
        "duration_s": args.duration,
        "pages": args.pages,
        "web_workers": args.workers,
        "load_generator": "wrk" if shutil.which("wrk") else "python",
    }
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
