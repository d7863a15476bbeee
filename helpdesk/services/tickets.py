"""Writes on tickets. Every change goes through one of these functions, which also writes
the audit log (TicketEvent) and queues the requester's e-mail on commit."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cms.single_line import MESSAGE as SINGLE_LINE_MESSAGE
from cms.single_line import is_single_line, single_line
from helpdesk.errors import HelpdeskError
from helpdesk.models import TRANSITIONS, FollowUp, Ticket, TicketEvent, TicketMail
from helpdesk.selectors import party_for_user
from helpdesk.services.attachments import attachments_check, attachments_store
from helpdesk.services.events import ticket_event_record
from helpdesk.services.mail import ticket_mail_queue
from helpdesk.services.sla import sla_on_status, sla_reschedule, sla_start


def _clean(text: str, field_name) -> str:
    text = (text or "").strip()
    if not text:
        raise HelpdeskError(_("Please fill in “%(field)s”.") % {"field": field_name})
    return text


def ticket_create(
    *,
    category: str,
    subject: str,
    description: str,
    language: str,
    requester=None,
    requester_email: str = "",
    requester_name: str = "",
    files=(),
    source: str = FollowUp.Source.WEB,
) -> Ticket:
    """A new ticket. A signed-in requester must act for a Party, and the ticket is that
    Party's; without a requester (confirmed contact form, e-mail) the ticket has no Party."""
    party = None
    if requester is not None:
        party = party_for_user(requester)
        if party is None:
            raise HelpdeskError(
                _("Only national authorized users and focal points can file tickets.")
            )
        requester_email = requester.email
        # A login name is no way to greet anyone: without a real name the mail greets neutrally.
        requester_name = requester.get_full_name()
    if not requester_email:
        raise HelpdeskError(_("An e-mail address is needed to answer you."))
    if not is_single_line(subject):
        raise HelpdeskError(SINGLE_LINE_MESSAGE)
    requester_name = single_line(requester_name)
    subject = _clean(subject, _("subject"))[:200]
    description = _clean(description, _("description"))
    checked = attachments_check(files)
    now = timezone.now()
    with transaction.atomic():
        ticket = Ticket(
            party=party,
            requester=requester,
            requester_email=requester_email,
            requester_name=requester_name,
            language=language,
            category=category,
            subject=subject,
            description=description,
        )
        sla_start(ticket, now)
        ticket.save()
        ticket_event_record(ticket, requester, TicketEvent.Action.CREATED, new=source)
        for attachment in attachments_store(
            ticket=ticket, followup=None, checked=checked, user=requester
        ):
            ticket_event_record(
                ticket, requester, TicketEvent.Action.ATTACHMENT, new=attachment.original_name
            )
        ticket_mail_queue(ticket=ticket, kind=TicketMail.Kind.CREATED)
    return ticket


def ticket_status_set(*, ticket: Ticket, status: str, actor, notify: bool = True) -> Ticket:
    """Move the ticket along an allowed transition (HelpdeskError otherwise)."""
    old = ticket.status
    if status == old:
        return ticket
    if status not in TRANSITIONS.get(old, set()):
        raise HelpdeskError(
            _("A ticket cannot go from “%(old)s” to “%(new)s”.")
            % {"old": Ticket.Status(old).label, "new": Ticket.Status(status).label}
        )
    now = timezone.now()
    with transaction.atomic():
        sla_on_status(ticket, old, status, now)
        ticket.status = status
        if status == Ticket.Status.RESOLVED:
            ticket.resolved_at = now
        elif status == Ticket.Status.OPEN:
            ticket.resolved_at = None
        ticket.save()
        ticket_event_record(ticket, actor, TicketEvent.Action.STATUS, old, status)
        if status == Ticket.Status.RESOLVED and notify:
            ticket_mail_queue(ticket=ticket, kind=TicketMail.Kind.RESOLVED, unique=now.isoformat())
    return ticket


def ticket_update(*, ticket: Ticket, actor, **changes) -> Ticket:
    """Staff changes to priority, category and assignee (each one logged)."""
    actions = {
        "priority": TicketEvent.Action.PRIORITY,
        "category": TicketEvent.Action.CATEGORY,
        "assignee": TicketEvent.Action.ASSIGNED,
    }
    with transaction.atomic():
        for field, value in changes.items():
            if field not in actions:
                raise ValueError(f"ticket_update cannot change {field}")
            old = getattr(ticket, field)
            if old == value:
                continue
            setattr(ticket, field, value)
            ticket_event_record(ticket, actor, actions[field], old or "", value or "")
        if "priority" in changes:
            sla_reschedule(ticket)
        ticket.save()
    return ticket


def ticket_reply(
    *,
    ticket: Ticket,
    author,
    body: str,
    internal: bool = False,
    by_staff: bool = False,
    files=(),
    source: str = FollowUp.Source.WEB,
    message_id: str = "",
    author_email: str = "",
) -> FollowUp:
    """Add a public reply or (staff only) an internal note.

    A staff public reply stops the first-response clock and e-mails the requester. A reply
    from the requester's side reopens a ticket that was waiting on them or resolved.
    """
    body = _clean(body, _("message"))
    if internal and not by_staff:
        raise HelpdeskError(_("Only helpdesk staff can write internal notes."))
    if ticket.merged_into_id:
        raise HelpdeskError(
            _("This ticket was merged into %(ref)s.") % {"ref": ticket.merged_into.reference}
        )
    checked = attachments_check(files)
    now = timezone.now()
    with transaction.atomic():
        ticket = Ticket.objects.select_for_update().get(pk=ticket.pk)
        followup = FollowUp.objects.create(
            ticket=ticket,
            author=author if getattr(author, "is_authenticated", False) else None,
            author_email=author_email or getattr(author, "email", "") or "",
            by_staff=by_staff,
            visibility=FollowUp.Visibility.INTERNAL if internal else FollowUp.Visibility.PUBLIC,
            source=source,
            body=body,
            message_id=message_id[:255],
        )
        for attachment in attachments_store(
            ticket=ticket, followup=followup, checked=checked, user=author
        ):
            ticket_event_record(
                ticket, author, TicketEvent.Action.ATTACHMENT, new=attachment.original_name
            )
        ticket_event_record(
            ticket,
            author,
            TicketEvent.Action.NOTE if internal else TicketEvent.Action.REPLY,
            new=followup.pk,
        )
        if not internal and by_staff:
            if ticket.first_responded_at is None:
                ticket.first_responded_at = now
                ticket.save(update_fields=["first_responded_at", "updated_at"])
            ticket_mail_queue(ticket=ticket, kind=TicketMail.Kind.REPLY, followup=followup)
        elif not by_staff and ticket.status in (
            Ticket.Status.WAITING,
            Ticket.Status.RESOLVED,
            Ticket.Status.CLOSED,
        ):
            ticket_status_set(ticket=ticket, status=Ticket.Status.OPEN, actor=author)
        else:
            ticket.save(update_fields=["updated_at"])
    return followup


def ticket_merge(*, source: Ticket, target: Ticket, actor) -> Ticket:
    """Merge a duplicate into `target`: its follow-ups and attachments move over, its
    description becomes a public follow-up there, and it is closed pointing at `target`.
    Tickets of different requesters' Parties are never merged (it would show one Party's
    messages to another)."""
    if source.pk == target.pk:
        raise HelpdeskError(_("A ticket cannot be merged into itself."))
    if source.party_id != target.party_id or (
        source.party_id is None and source.requester_email.lower() != target.requester_email.lower()
    ):
        raise HelpdeskError(_("Only tickets from the same Party can be merged."))
    if target.merged_into_id:
        raise HelpdeskError(
            _("The target ticket was itself merged; choose %(ref)s.")
            % {"ref": target.merged_into.reference}
        )
    with transaction.atomic():
        FollowUp.objects.create(
            ticket=target,
            author=source.requester,
            author_email=source.requester_email,
            visibility=FollowUp.Visibility.PUBLIC,
            body=f"{source.subject}\n\n{source.description}",
        )
        source.followups.update(ticket=target)
        source.attachments.update(ticket=target)
        old_status = source.status
        if old_status != Ticket.Status.CLOSED:
            sla_on_status(source, old_status, Ticket.Status.CLOSED, timezone.now())
        source.status = Ticket.Status.CLOSED
        source.merged_into = target
        source.save()
        ticket_event_record(
            source, actor, TicketEvent.Action.MERGED, source.reference, target.reference
        )
        ticket_event_record(
            target, actor, TicketEvent.Action.MERGED, source.reference, target.reference
        )
    return target
