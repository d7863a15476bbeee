"""Provider webhooks: Anymail normalizes each ESP's events; we apply them to deliveries."""

from anymail.signals import tracking
from django.dispatch import receiver

from notifications import services


@receiver(tracking, dispatch_uid="notifications_delivery_tracking")
def delivery_tracking(sender, event, esp_name, **kwargs) -> None:
    services.delivery_event_record(
        message_id=event.message_id or "",
        event_type=event.event_type or "",
        description=event.description or event.mta_response or "",
    )
