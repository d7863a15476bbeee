"""One record per change to a ticket: its own history (TicketEvent, shown to staff on the
ticket) and Wagtail's audit log (`helpdesk.ticket.<action>`, before and after in `data`).
Every helpdesk service that changes a ticket, the mail sender and escalation included,
records through here."""

from wagtail.log_actions import log

from helpdesk.models import Ticket, TicketEvent


def ticket_event_record(ticket: Ticket, actor, action: str, old="", new="") -> TicketEvent:
    """System work (mail sent, escalation) is recorded with no actor."""
    event = TicketEvent.objects.create(
        ticket=ticket,
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        action=action,
        old_value=str(old or "")[:255],
        new_value=str(new or "")[:255],
    )
    log(
        instance=ticket,
        action=f"helpdesk.ticket.{action}",
        user=event.actor,
        data={"before": event.old_value, "after": event.new_value},
    )
    return event
