"""Reads of the helpdesk (tickets, tracker, award)."""

from .tickets import (
    PARTY_ROLES,
    SLA_RUNNING,
    attachment_for_user,
    business_hours,
    party_for_user,
    ticket_events,
    ticket_for_user,
    ticket_public_followups,
    tickets_for_staff,
    tickets_for_user,
    tickets_overdue,
    user_is_staff,
)
from .tracker import (
    STATUS_ORDER,
    TrackerRow,
    tracker_counts_by_region,
    tracker_counts_by_status,
    tracker_history,
    tracker_row_for_party,
    tracker_rows,
)

__all__ = [
    "PARTY_ROLES",
    "SLA_RUNNING",
    "STATUS_ORDER",
    "TrackerRow",
    "attachment_for_user",
    "business_hours",
    "party_for_user",
    "ticket_events",
    "ticket_for_user",
    "ticket_public_followups",
    "tickets_for_staff",
    "tickets_for_user",
    "tickets_overdue",
    "tracker_counts_by_region",
    "tracker_counts_by_status",
    "tracker_history",
    "tracker_row_for_party",
    "tracker_rows",
    "user_is_staff",
]
