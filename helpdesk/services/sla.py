"""SLA clocks. First response: due a number of business hours after creation, met by the
first public staff reply. Resolution: a budget of business hours that runs while the ticket
is new or open and is paused while it waits on the Party or is resolved/closed."""

import datetime

from django.conf import settings
from django.utils import timezone

from helpdesk.models import Ticket
from helpdesk.selectors import SLA_RUNNING, business_hours
from helpdesk.sla import DEFAULT_TARGETS

HOUR = 3600


def sla_targets(priority: str) -> tuple[int, int]:
    targets = getattr(settings, "HELPDESK_SLA_TARGETS", None) or DEFAULT_TARGETS
    return targets.get(priority, DEFAULT_TARGETS["normal"])


def sla_start(ticket: Ticket, now: datetime.datetime) -> None:
    hours = business_hours()
    first, resolution = sla_targets(ticket.priority)
    ticket.first_response_due = hours.add(now, first * HOUR)
    ticket.clock_started_at = now
    ticket.business_seconds_used = 0
    ticket.resolution_due = hours.add(now, resolution * HOUR)


def sla_on_status(ticket: Ticket, old: str, new: str, now: datetime.datetime) -> None:
    """Pause or resume the resolution clock when the status changes."""
    hours = business_hours()
    if old in SLA_RUNNING and new not in SLA_RUNNING and ticket.clock_started_at:
        ticket.business_seconds_used += int(hours.between(ticket.clock_started_at, now))
        ticket.clock_started_at = None
        ticket.resolution_due = None
    elif old not in SLA_RUNNING and new in SLA_RUNNING:
        ticket.clock_started_at = now
        sla_reschedule(ticket)


def sla_reschedule(ticket: Ticket) -> None:
    """Recompute due dates (after a priority change or when the clock resumes)."""
    hours = business_hours()
    first, resolution = sla_targets(ticket.priority)
    if ticket.first_responded_at is None:
        ticket.first_response_due = hours.add(ticket.created_at or timezone.now(), first * HOUR)
    if ticket.clock_started_at is not None:
        left = max(0, resolution * HOUR - ticket.business_seconds_used)
        ticket.resolution_due = hours.add(ticket.clock_started_at, left)


def sla_state(ticket: Ticket, now: datetime.datetime | None = None) -> str:
    """ "overdue", "due" (within 4 business hours), "ok" or "" when no clock runs."""
    now = now or timezone.now()
    dues = []
    if ticket.first_responded_at is None and ticket.first_response_due:
        dues.append(ticket.first_response_due)
    if ticket.status in SLA_RUNNING and ticket.resolution_due:
        dues.append(ticket.resolution_due)
    if not dues:
        return ""
    earliest = min(dues)
    if earliest <= now:
        return "overdue"
    if business_hours().between(now, earliest) <= 4 * HOUR:
        return "due"
    return "ok"
