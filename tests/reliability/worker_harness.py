"""Commands run in their own process against the production profile (PostgreSQL + Redis).

Used by test_workers_on_redis.py: the test starts and kills real `qcluster` processes and a
real Redis server; these commands set up and inspect the state in between. Each prints one
JSON line. The database and broker come from DATABASE_URL and REDIS_URL.
"""

import json
import sys

from tests.notifications import pg_harness  # sets Django up

PARAGRAPHS = 30


def issue_and_dispatch(count: int, category: str, prefix: str) -> dict:
    """`count` new focal points in `category` and a notification to that category, issued:
    its dispatch task goes to the broker (the deliveries are made by the worker)."""
    from wagtail.models import Locale

    from cms.models import Party
    from notifications import services
    from notifications.models import FocalPoint, Notification, NotificationText

    party = Party.objects.get(code="FR")
    FocalPoint.objects.bulk_create(
        [
            FocalPoint(
                party=party,
                categories=[category],
                first_name=prefix,
                last_name=str(i),
                emails=[f"{prefix}{i}@example.org"],
                status=FocalPoint.Status.ACTIVE,
            )
            for i in range(count)
        ]
    )
    notification = Notification.objects.create(
        status=Notification.Status.APPROVED, categories=[category]
    )
    NotificationText.objects.create(
        notification=notification,
        locale=Locale.objects.get(language_code="en"),
        title=f"Notification to {category}",
        body="<p>Text.</p>",
    )
    services.notification_issue(notification_id=notification.pk, dispatch=True)
    return {"notification": notification.pk}


def translation_job() -> dict:
    """A published English page and a French machine-translation job, enqueued."""
    from wagtail.models import Locale, Page

    from cms.models import ContentPage
    from translation import services

    Locale.objects.get_or_create(language_code="fr")
    welcome = Page.objects.get(depth=2)
    page = welcome.add_child(
        instance=ContentPage(
            title="Protected areas",
            slug="redis-restart",
            intro="Biodiversity and forests.",
            body=[
                ("paragraph", f"<p>Paragraph {n} on marine protected areas.</p>")
                for n in range(PARAGRAPHS)
            ],
        )
    )
    page.save_revision().publish()
    job = services.job_request(instance=page, user=None, languages=["fr"])
    # title, intro and the paragraphs (the slug follows the reviewed title, not the machine)
    return {"job": job.pk, "segments": PARAGRAPHS + 2}


def reconcile() -> dict:
    """What the scheduled reconcilers do, once, now."""
    from notifications.tasks import deliveries_reconcile_task
    from translation.tasks import jobs_reconcile

    return {
        "deliveries": deliveries_reconcile_task(),
        "jobs": jobs_reconcile(stale_seconds=1),
    }


if __name__ == "__main__":
    command, *args = sys.argv[1:]
    commands = {
        "setup": lambda: pg_harness.setup(),
        "issue_and_dispatch": lambda: issue_and_dispatch(int(args[0]), args[1], args[2]),
        "translation_job": translation_job,
        "reconcile": reconcile,
    }
    print(json.dumps(commands[command]()))
