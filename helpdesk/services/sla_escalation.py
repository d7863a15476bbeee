"""The scheduled escalation: every overdue ticket is escalated to its queue lead once."""

from django.db import transaction
from django.utils import timezone

from helpdesk.models import Queue, Ticket, TicketEvent, TicketMail
from helpdesk.selectors import tickets_overdue
from helpdesk.services.events import ticket_event_record
from helpdesk.services.mail import ticket_mail_queue


def tickets_escalate_overdue(now=None) -> int:
    """Escalate overdue tickets not yet escalated; returns how many were. `escalated_at`
    is set in the same transaction as the e-mail row, so a rerun never escalates twice."""
    now = now or timezone.now()
    leads = {queue.category: queue.lead for queue in Queue.objects.select_related("lead")}
    count = 0
    for ticket_id in (
        tickets_overdue(now).filter(escalated_at__isnull=True).values_list("pk", flat=True)
    ):
        with transaction.atomic():
            ticket = Ticket.objects.select_for_update().get(pk=ticket_id)
            if ticket.escalated_at is not None:
                continue
            ticket.escalated_at = now
            ticket.save(update_fields=["escalated_at"])
            lead = leads.get(ticket.category)
            ticket_event_record(
                ticket, None, TicketEvent.Action.ESCALATED, new=lead.get_username() if lead else ""
            )
            if lead is not None and lead.email:
                profile = getattr(lead, "profile", None)
                ticket_mail_queue(
                    ticket=ticket,
                    kind=TicketMail.Kind.ESCALATION,
                    recipient=lead.email,
                    language=profile.preferred_language if profile else "en",
                )
            count += 1
    return count
