"""OData benchmark: queries on N contacts (active focal points), SQLite by default.

Sets up a scratch data dir (or reuses `--data-dir`, already migrated), creates N active
focal points across 8 Parties with change records, then times each query through the
whole Django stack (test client: URL routing, middleware, $filter parsing, SQL, JSON) and
prints one JSON line per query with the median wall time, the slowest run, and the median
CPU time of this process (SQLite runs inside it, so CPU time is the query's own cost even
on a machine other processes keep busy), then a summary line
{"contacts": N, "slowest_median_ms": …, "slowest_median_cpu_ms": …}.

Usage: .venv/bin/python bench/odata.py [--contacts 10000] [--repeat 15] [--data-dir DIR]
"""

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
QUERIES = [
    ("page of 200", {}),
    ("updated gt, ordered, with count", {
        "$filter": "updated gt 2024-06-01T00:00:00Z", "$orderby": "updated", "$count": "true"
    }),
    ("or / in / not", {
        "$filter": "(country eq 'FR' or country eq 'MX') and not (lastName eq 'Martin')"
    }),
    ("in + contains(tolower)", {
        "$filter": "country in ('BR','CN','KE') and contains(tolower(lastName),'an')"
    }),
    ("startswith + null, two sort keys, select", {
        "$filter": "startswith(firstName,'A') and position ne null",
        "$orderby": "country desc,lastName", "$select": "id,lastName,country",
    }),
    ("deep page ($skip 9000)", {"$skip": "9000", "$top": "50", "$orderby": "lastName"}),
    ("$count only", {"$filter": "primary and year(updated) eq 2024"}),
    ("harvest: updated gt, newest first, $top 100", {
        "$filter": "updated gt 2024-10-01T00:00:00Z", "$orderby": "updated desc", "$top": "100",
    }),
    ("not in + endswith, $count", {
        "$filter": "not (country in ('FR','MX')) and endswith(lastName,'7')", "$count": "true",
    }),
]  # fmt: skip


def setup(contacts: int, data_dir: str | None) -> None:
    directory = data_dir or tempfile.mkdtemp(prefix="chm-bench-odata-")
    env = {**os.environ, "CHM_DATA_DIR": directory, "DEBUG": "0", "SECRET_KEY": "bench-only"}
    env["SECURE_SSL_REDIRECT"] = "0"  # the test client speaks plain HTTP
    env.pop("DATABASE_URL", None)
    env["ALLOWED_HOSTS"] = "testserver"
    os.environ.update(env)
    if not data_dir:
        manage = [sys.executable, "manage.py"]
        subprocess.run([*manage, "migrate", "--noinput", "-v", "0"], env=env, check=True, cwd=ROOT)
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings")
    import django

    django.setup()
    from django.conf import settings

    settings.API_RATE_LIMIT_IP = 10**9
    from django.db.models import F

    from cms.models import Party
    from notifications.models import FocalPoint, FocalPointChange

    FocalPoint.objects.all().delete()
    parties = list(Party.objects.filter(code__in=["FR", "MX", "BR", "CN", "KE", "EG", "RU", "ES"]))
    generator = random.Random(10_000)
    start = datetime(2023, 1, 1, tzinfo=UTC)
    names = ["Martin", "Garcia", "Wang", "Ivanova", "Mansour", "Dupont", "Okafor", "Santos"]
    FocalPoint.objects.bulk_create(
        [
            FocalPoint(
                party=generator.choice(parties),
                categories=generator.sample(["CBD-FP1", "CHM-FP", "ABS-FP", "CPB-FP1"], k=2),
                title=generator.choice(["", "Dr", "Ms"]),
                first_name=generator.choice(["Anne", "Ahmed", "Li", "María", "Olga", "Zoe"]),
                last_name=generator.choice(names) + str(index % 97),
                designation=generator.choice(["", "Director", "Officer"]),
                emails=[f"person{index}@example.org"],
                status=FocalPoint.Status.ACTIVE,
                activated_at=start + timedelta(minutes=generator.randrange(0, 60 * 24 * 700)),
            )
            for index in range(contacts)
        ],
        batch_size=2000,
    )
    # Bulk writes skip the models' save(), which keeps `updated_at`: set it as they would.
    FocalPoint.objects.update(updated_at=F("activated_at"))
    changed = list(FocalPoint.objects.order_by("?").values_list("pk", flat=True)[: contacts // 10])
    FocalPointChange.objects.bulk_create(
        [FocalPointChange(focal_point_id=pk, action="edit") for pk in changed], batch_size=2000
    )
    FocalPoint.objects.filter(pk__in=changed).update(updated_at=datetime.now(UTC))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--contacts", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--data-dir", help="an already migrated data dir to reuse")
    args = parser.parse_args()
    setup(args.contacts, args.data_dir)
    from django.db import connection
    from django.test import Client

    client = Client()
    slowest = slowest_cpu = 0.0
    for name, params in QUERIES:
        path = "/odata/Contacts/$count" if name == "$count only" else "/odata/Contacts"
        client.get(path, params)  # warm caches
        timings, cpu = [], []
        for _run in range(args.repeat):
            started, started_cpu = time.perf_counter(), time.process_time()
            response = client.get(path, params)
            timings.append((time.perf_counter() - started) * 1000)
            cpu.append((time.process_time() - started_cpu) * 1000)
            assert response.status_code == 200, response.content[:300]
        body = response.content
        rows = len(json.loads(body)["value"]) if path.endswith("Contacts") else int(body)
        median = statistics.median(timings)
        slowest = max(slowest, median)
        slowest_cpu = max(slowest_cpu, statistics.median(cpu))
        print(json.dumps({
            "query": name, "rows": rows, "median_ms": round(median, 1),
            "max_ms": round(max(timings), 1), "cpu_ms": round(statistics.median(cpu), 1),
            "database": connection.vendor,
        }))  # fmt: skip
    print(json.dumps({
        "contacts": args.contacts, "slowest_median_ms": round(slowest, 1),
        "slowest_median_cpu_ms": round(slowest_cpu, 1),
    }))  # fmt: skip


if __name__ == "__main__":
    main()
