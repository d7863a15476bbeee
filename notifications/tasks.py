"""django-q2 tasks: take ids, call one service. The database is the source of truth."""

from cms.database_retry import retry_on_database_disconnect
from notifications import services
from notifications.models import Notification
from notifications.services.dispatch import deliveries_enqueue, notification_dispatch_enqueue


@retry_on_database_disconnect
def notification_dispatch_task(notification_id: int) -> int:
    """Create the deliveries, render the letters once per language, enqueue sending."""
    notification = Notification.objects.get(pk=notification_id)
    ids = services.notification_dispatch(notification=notification)
    deliveries_enqueue(ids)
    return len(ids)


@retry_on_database_disconnect
def deliveries_send_task(delivery_ids: list[int]) -> dict[str, int]:
    return services.deliveries_send(delivery_ids=delivery_ids)


@retry_on_database_disconnect
def deliveries_reconcile_task() -> dict[str, int]:
    found = services.deliveries_reconcile()
    deliveries_enqueue(found["due"])
    # A dispatch task the broker lost (Redis restarted) is run again.
    found["undispatched"] = services.notifications_undispatched()
    for notification_id in found["undispatched"]:
        notification_dispatch_enqueue(notification_id)
    return {key: len(value) for key, value in found.items()}


@retry_on_database_disconnect
def deliveries_resend_task(notification_id: int, include_unconfirmed: bool = False) -> int:
    ids = services.deliveries_resend(
        notification_id=notification_id, include_unconfirmed=include_unconfirmed
    )
    deliveries_enqueue(ids)
    return len(ids)


@retry_on_database_disconnect
def reminders_send_task() -> int:
    return services.reminders_send()
