"""Writes of the notifications app (see each module)."""

from notifications.services.dispatch import (
    deliveries_create,
    deliveries_reconcile,
    deliveries_resend,
    deliveries_send,
    delivery_event_record,
    letters_prepare,
    notification_dispatch,
    notifications_undispatched,
    suppression_clear,
)
from notifications.services.errors import NotificationsError
from notifications.services.focal_points import (
    focal_point_activate,
    focal_point_nominate,
    focal_point_retire,
    focal_point_update,
    focal_point_verify,
    user_may_manage_party,
)
from notifications.services.letters import letter_ensure
from notifications.services.numbering import (
    deletion_refused_message,
    notification_approve,
    notification_delete,
    notification_issue,
    notification_number_normalise,
    notification_withdraw,
)
from notifications.services.reminders import reminders_send
from notifications.services.responses import response_submit
from notifications.services.translations import (
    deliveries_translation_create,
    notification_translation_published,
)

__all__ = [
    "NotificationsError",
    "deliveries_create",
    "deliveries_reconcile",
    "notification_dispatch",
    "notifications_undispatched",
    "deliveries_resend",
    "deliveries_translation_create",
    "notification_translation_published",
    "deliveries_send",
    "delivery_event_record",
    "focal_point_activate",
    "letter_ensure",
    "focal_point_nominate",
    "focal_point_retire",
    "focal_point_update",
    "focal_point_verify",
    "letters_prepare",
    "deletion_refused_message",
    "notification_approve",
    "notification_delete",
    "notification_issue",
    "notification_number_normalise",
    "notification_withdraw",
    "reminders_send",
    "response_submit",
    "suppression_clear",
    "user_may_manage_party",
]
