"""SLA clocks in business hours, paused while waiting on the Party; escalation once."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from helpdesk.models import Queue, Ticket, TicketMail
from helpdesk.services.sla import sla_state
from helpdesk.services.sla_escalation import tickets_escalate_overdue
from helpdesk.services.tickets import ticket_create, ticket_status_set
from helpdesk.sla import BusinessHours

MTL = ZoneInfo("America/Montreal")
HOURS = BusinessHours()


def at(*args):
    return datetime.datetime(*args, tzinfo=MTL)


def test_adding_business_hours_skips_nights_and_weekends():
    friday_4pm = at(2025, 3, 7, 16)
    assert HOURS.add(friday_4pm, 2 * 3600) == at(2025, 3, 10, 10)  # Monday 10:00
    saturday = at(2025, 3, 8, 12)
    assert HOURS.add(saturday, 3600) == at(2025, 3, 10, 10)
    before_opening = at(2025, 3, 10, 6)
    assert HOURS.add(before_opening, 8 * 3600) == at(2025, 3, 10, 17)


def test_business_seconds_between():
    assert HOURS.between(at(2025, 3, 7, 16), at(2025, 3, 10, 10)) == 2 * 3600
    assert HOURS.between(at(2025, 3, 8, 0), at(2025, 3, 9, 23)) == 0


@pytest.mark.django_db
def test_waiting_on_the_party_pauses_the_resolution_clock(french_user, staff_user, monkeypatch):
    clock = {"now": at(2025, 3, 3, 9)}  # Monday 9:00
    monkeypatch.setattr(timezone, "now", lambda: clock["now"])
    ticket = ticket_create(
        requester=french_user, category="other", subject="S", description="D", language="fr"
    )
    assert ticket.resolution_due == at(2025, 3, 7, 17)  # 40 business hours: Friday 17:00
    clock["now"] = at(2025, 3, 3, 17)  # 8 hours used
    ticket_status_set(ticket=ticket, status="waiting", actor=staff_user)
    assert ticket.resolution_due is None and ticket.business_seconds_used == 8 * 3600
    clock["now"] = at(2025, 3, 10, 9)  # a week later, the Party answers
    ticket_status_set(ticket=ticket, status="open", actor=staff_user)
    # 32 hours left, counted from Monday 10 March 9:00 -> Thursday 13 March 17:00.
    assert ticket.resolution_due == at(2025, 3, 13, 17)
    assert sla_state(ticket, at(2025, 3, 13, 17, 1)) == "overdue"
    assert sla_state(ticket, at(2025, 3, 13, 14)) in {"due", "overdue"}


@pytest.mark.django_db
def test_overdue_tickets_are_escalated_to_the_queue_lead_once(
    french_user, make_user, smtp, django_capture_on_commit_callbacks
):
    lead = make_user(staff=True, username="lead", language="es")
    Queue.objects.update_or_create(category="hosting", defaults={"lead": lead})
    ticket = ticket_create(
        requester=french_user, category="hosting", subject="DNS", description="D", language="fr"
    )
    Ticket.objects.filter(pk=ticket.pk).update(
        first_response_due=timezone.now() - datetime.timedelta(hours=1)
    )
    on_time = ticket_create(
        requester=french_user, category="hosting", subject="Later", description="D", language="fr"
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert tickets_escalate_overdue() == 1
    with django_capture_on_commit_callbacks(execute=True):
        assert tickets_escalate_overdue() == 0  # once
    ticket.refresh_from_db()
    assert ticket.escalated_at is not None
    assert ticket.events.filter(action="escalated", new_value="lead").count() == 1
    on_time.refresh_from_db()
    assert on_time.escalated_at is None
    (mail,) = smtp.to("lead@example.org")
    assert str(mail["Subject"]).strip() == f"[CHM-{ticket.pk}] Solicitud vencida escalada: DNS"
    assert TicketMail.objects.filter(kind="escalation").count() == 1
