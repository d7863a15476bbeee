"""Provider webhooks (Anymail normalizes each ESP's events; we apply them to deliveries),
and the database-side guard that keeps issued notifications."""

from anymail.signals import tracking
from django.db.models import ProtectedError
from django.db.models.signals import pre_delete
from django.dispatch import receiver
from wagtail.signals import published

from notifications import services
from notifications.models import Notification, NotificationText
from notifications.services.translations import notification_translation_published


@receiver(tracking, dispatch_uid="notifications_delivery_tracking")
def delivery_tracking(sender, event, esp_name, **kwargs) -> None:
    services.delivery_event_record(
        message_id=event.message_id or "",
        event_type=event.event_type or "",
        description=event.description or event.mta_response or "",
    )


@receiver(pre_delete, sender=Notification, dispatch_uid="notification_delete_guard")
def notification_delete_guard(sender, instance: Notification, **kwargs) -> None:
    """No path deletes an issued or withdrawn notification: not the admin, not a bulk
    action, not a shell. Read from the database, not the (possibly stale) instance."""
    current = Notification.objects.filter(pk=instance.pk).first()
    if current is not None and not current.is_deletable:
        raise ProtectedError(services.deletion_refused_message(current), {current})


@receiver(published, sender=NotificationText, dispatch_uid="notification_text_published")
def notification_text_published(sender, instance: NotificationText, **kwargs) -> None:
    notification_translation_published(text=instance)
