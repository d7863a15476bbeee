"""Runs notifications code in its own process against a scratch PostgreSQL database.

Used by tests that need real concurrency (many issuers at once) or a worker process that
can be killed. The database comes from DATABASE_URL in the environment. Each command
prints one JSON line.
"""

import json
import os
import sys
import threading

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings")
os.environ.setdefault("DEBUG", "1")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402


def setup() -> dict:
    call_command("migrate", verbosity=0, interactive=False)
    from wagtail.models import Locale

    for code in ("ar", "en", "es", "fr", "ru", "zh-hans"):
        Locale.objects.get_or_create(language_code=code)
    return {"ok": True}


def _approved_notification():
    from wagtail.models import Locale

    from notifications.models import Notification, NotificationText

    notification = Notification.objects.create(
        status=Notification.Status.APPROVED, categories=["CBD-FP1"]
    )
    NotificationText.objects.create(
        notification=notification,
        locale=Locale.objects.get(language_code="en"),
        title=f"Concurrency {notification.pk}",
        body="<p>Text.</p>",
    )
    return notification


def issue_concurrently(count: int, threads: int, year: int) -> dict:
    """Issue `count` notifications from `threads` threads released at the same instant."""
    import datetime

    from notifications import services

    ids = [_approved_notification().pk for _ in range(count)]
    connection.close()
    barrier = threading.Barrier(threads)
    numbers: list[str] = []
    errors: list[str] = []
    lock = threading.Lock()

    def work(mine: list[int]) -> None:
        from django.db import connection as thread_connection

        try:
            barrier.wait()
            for pk in mine:
                number = services.notification_issue(
                    notification_id=pk, issue_date=datetime.date(year, 5, 1), dispatch=False
                ).number
                with lock:
                    numbers.append(number)
        except Exception as error:  # noqa: BLE001 (reported to the test)
            with lock:
                errors.append(repr(error))
        finally:
            thread_connection.close()

    workers = [threading.Thread(target=work, args=(ids[i::threads],)) for i in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return {"numbers": numbers, "errors": errors}


def make_recipients(count: int) -> dict:
    from cms.models import Party
    from notifications import services
    from notifications.models import FocalPoint

    party = Party.objects.get(code="FR")
    FocalPoint.objects.bulk_create(
        [
            FocalPoint(
                party=party,
                categories=["CBD-FP1"],
                first_name="Person",
                last_name=str(i),
                emails=[f"person{i}@example.org"],
                status=FocalPoint.Status.ACTIVE,
            )
            for i in range(count)
        ]
    )
    notification = _approved_notification()
    services.notification_issue(notification_id=notification.pk, dispatch=False)
    ids = services.deliveries_create(notification=notification)
    return {"notification": notification.pk, "deliveries": ids}


def send(ids: list[int]) -> dict:
    from notifications import services

    return services.deliveries_send(delivery_ids=ids)


def send_parallel(ids: list[int], threads: int) -> dict:
    """`threads` workers each given ALL the ids at the same instant (the worst case)."""
    from notifications import services

    connection.close()
    barrier = threading.Barrier(threads)
    sent: list[int] = [0] * threads
    errors: list[str] = []

    def work(index: int) -> None:
        from django.db import connection as thread_connection

        try:
            barrier.wait()
            sent[index] = services.deliveries_send(delivery_ids=ids).get("sent", 0)
        except Exception as error:  # noqa: BLE001 (reported to the test)
            errors.append(repr(error))
        finally:
            thread_connection.close()

    workers = [threading.Thread(target=work, args=(i,)) for i in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return {"sent_per_worker": sent, "errors": errors}


def reconcile() -> dict:
    from notifications import services

    return services.deliveries_reconcile()


def statuses() -> dict:
    from notifications.models import Delivery

    return dict(Delivery.objects.values_list("email", "status"))


if __name__ == "__main__":
    command, *args = sys.argv[1:]
    if command == "setup":
        result = setup()
    elif command == "issue":
        result = issue_concurrently(int(args[0]), int(args[1]), int(args[2]))
    elif command == "recipients":
        result = make_recipients(int(args[0]))
    elif command == "send":
        result = send(json.loads(args[0]))
    elif command == "send_parallel":
        result = send_parallel(json.loads(args[0]), int(args[1]))
    elif command == "reconcile":
        result = reconcile()
    elif command == "statuses":
        result = statuses()
    else:
        raise SystemExit(f"unknown command {command}")
    print(json.dumps(result))
