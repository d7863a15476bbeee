"""Dispatch benchmark: one notification to N focal points through the real worker.

Sets up a scratch data dir (SQLite, the embedded default) and an aiosmtpd sink, creates N
active focal points across the six languages and a notification published in all six,
starts `manage.py qcluster`, issues the notification and waits until every delivery is
recorded. Then a plain smtplib loop sends the same N messages over one connection to the
same kind of sink. Prints JSON; the last line is
{"recipients": N, "ours_vs_smtplib": X, "duplicates": 0, "lost": 0}
where X = smtplib time / our time (1.0 = as fast as the bare loop).

Usage: .venv/bin/python bench/dispatch.py [--recipients 10000] [--workers 2] [--redis-url URL]
With DATABASE_URL=postgres://…/<name> the database <name> is dropped, created and used
instead of SQLite (the scale-out profile).
"""

import argparse
import json
import os
import signal
import smtplib
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LANGUAGES = ("ar", "en", "es", "fr", "ru", "zh-hans")


class Sink:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.received: Counter = Counter()
        self.by_language: dict[str, bytes] = {}
        self.language_of: dict[str, str] = {}

    def store(self, mail_from: str, recipient: str, data: bytes) -> None:
        with self.lock:
            self.received[recipient] += 1
            marker = data.find(b"Content-Language: ")
            language = (
                data[marker + 18 : data.find(b"\r\n", marker)].decode() if marker >= 0 else ""
            )
            self.language_of[recipient] = language
            self.by_language.setdefault(language, data)


def _postgres_recreate(url: str) -> None:
    from urllib.parse import urlsplit, urlunsplit

    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--recipients", type=int, default=10000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument(
        "--redis-url", default="", help="the production profile's broker (default: ORM broker)"
    )
    args = parser.parse_args()
    n = args.recipients

    data_dir = tempfile.mkdtemp(prefix="chm-bench-dispatch-")
    database_url = os.environ.get("DATABASE_URL", "")
    if database_url.startswith("postgres"):
        _postgres_recreate(database_url)
    sys.path.insert(0, str(ROOT))
    from notifications.mail.sink import sink_start

    sink = Sink()
    controller = sink_start(sink.store)
    env = {
        **os.environ,
        "DEBUG": "1",
        "CHM_DATA_DIR": data_dir,
        "EMAIL_PORT": str(controller.port),
        "Q_WORKERS": str(args.workers),
        "DATABASE_URL": database_url if database_url.startswith("postgres") else "",
        "REDIS_URL": args.redis_url,
        "LOG_LEVEL": "ERROR",
    }
    os.environ.update(env)
    manage = [sys.executable, str(ROOT / "manage.py")]
    started = time.monotonic()
    subprocess.run([*manage, "migrate", "--noinput", "-v", "0"], env=env, check=True, cwd=ROOT)
    print(json.dumps({"step": "migrated", "seconds": round(time.monotonic() - started, 1)}))

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings")
    import django

    django.setup()
    from django.db import transaction
    from wagtail.models import Locale

    from cms.models import Party
    from notifications import services
    from notifications.models import Delivery, FocalPoint, Notification, NotificationText

    for code in LANGUAGES:
        Locale.objects.get_or_create(language_code=code)
    parties = list(Party.objects.all())
    FocalPoint.objects.bulk_create(
        [
            FocalPoint(
                party=parties[i % len(parties)],
                categories=["CBD-FP1"],
                first_name="Focal",
                last_name=f"Point {i}",
                emails=[f"fp{i}@bench.example.org"],
                preferred_language=LANGUAGES[i % len(LANGUAGES)],
                status=FocalPoint.Status.ACTIVE,
            )
            for i in range(n)
        ],
        batch_size=1000,
    )
    notification = Notification.objects.create(
        status=Notification.Status.APPROVED, categories=["CBD-FP1"], reference="SCBD/BENCH/1"
    )
    source = None
    titles = {
        "ar": "تعيين جهات الاتصال الوطنية",
        "en": "Nomination of national focal points",
        "es": "Nombramiento de coordinadores nacionales",
        "fr": "Nomination des correspondants",
        "ru": "Назначение координационных центров",
        "zh-hans": "提名国家联络点",
    }
    for code in LANGUAGES:
        text = NotificationText(
            notification=notification,
            locale=Locale.objects.get(language_code=code),
            title=titles[code],
            body="".join(f"<p>{titles[code]} {k}.</p>" for k in range(20)),
            signature="Executive Secretary",
        )
        if source:
            text.translation_key = source.translation_key
        text.save()
        source = source or text

    cluster = subprocess.Popen(  # noqa: S603
        [*manage, "qcluster"],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    time.sleep(8)  # let the cluster start its workers before timing
    try:
        t0 = time.monotonic()
        with transaction.atomic():
            services.notification_issue(notification_id=notification.pk)
        deadline = t0 + 3600
        while time.monotonic() < deadline:
            total = Delivery.objects.count()
            pending = Delivery.objects.filter(
                status__in=[Delivery.Status.QUEUED, Delivery.Status.SENDING]
            ).count()
            if total == n and pending == 0:
                break
            time.sleep(0.2)
        ours = time.monotonic() - t0
    finally:
        os.killpg(cluster.pid, signal.SIGTERM)
        try:
            cluster.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(cluster.pid, signal.SIGKILL)
            cluster.wait()
    statuses = Counter(Delivery.objects.values_list("status", flat=True))
    print(json.dumps({"step": "ours", "seconds": round(ours, 2), "statuses": statuses}))

    # Baseline: the same messages, one smtplib connection, nothing else.
    with sink.lock:
        received = dict(sink.received)
        plan = [(r, sink.by_language[sink.language_of[r]]) for r in sorted(received)]
    baseline_sink = Sink()
    baseline_controller = sink_start(baseline_sink.store)
    t0 = time.monotonic()
    with smtplib.SMTP("127.0.0.1", baseline_controller.port) as connection:
        for recipient, data in plan:
            connection.sendmail("secretariat@chm.example.org", [recipient], data)
    baseline = time.monotonic() - t0
    baseline_controller.stop()
    controller.stop()

    expected = {f"fp{i}@bench.example.org" for i in range(n)}
    duplicates = sum(count - 1 for count in received.values() if count > 1)
    lost = len(expected - set(received))
    print(
        json.dumps(
            {
                "step": "smtplib",
                "seconds": round(baseline, 2),
                "message_bytes": {k: len(v) for k, v in sink.by_language.items()},
            }
        )
    )
    print(
        json.dumps(
            {
                "recipients": n,
                "ours_vs_smtplib": round(baseline / ours, 3),
                "duplicates": duplicates,
                "lost": lost,
                "database": "postgresql" if database_url.startswith("postgres") else "sqlite",
                "broker": "redis" if args.redis_url else "orm",
                "workers": args.workers,
            }
        )
    )


if __name__ == "__main__":
    main()
