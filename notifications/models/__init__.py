from .deliveries import Delivery, DeliveryEvent, Reminder, SuppressedAddress
from .focal_points import Category, FocalPoint, FocalPointChange
from .mail_sink import SinkMessage
from .notifications import (
    Notification,
    NotificationAttachment,
    NotificationCounter,
    NotificationLetter,
    NotificationText,
    Subject,
)
from .responses import Response, ResponseFile

__all__ = [
    "Category",
    "Delivery",
    "DeliveryEvent",
    "FocalPoint",
    "FocalPointChange",
    "Notification",
    "NotificationAttachment",
    "NotificationCounter",
    "NotificationLetter",
    "NotificationText",
    "Reminder",
    "Response",
    "ResponseFile",
    "SinkMessage",
    "Subject",
    "SuppressedAddress",
]
