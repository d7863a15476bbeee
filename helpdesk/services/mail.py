"""E-mail to requesters, in their preferred language, tagged `[CHM-123]`.

The row (TicketMail) is written inside the caller's transaction; the sending task runs on
commit and sends each row once (its `key` is unique, `sent_at` marks it done)."""

import logging
from email.utils import make_msgid

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from cms.mail_headers import EmailMessage
from cms.queue import enqueue
from helpdesk.models import FollowUp, Ticket, TicketEvent, TicketMail
from helpdesk.services.events import ticket_event_record

logger = logging.getLogger(__name__)

SUBJECTS = {
    # Marked for extraction here, translated at send time in the recipient's language.
    TicketMail.Kind.CREATED: "We received your request: %(subject)s",
    TicketMail.Kind.REPLY: "New reply to your request: %(subject)s",
    TicketMail.Kind.RESOLVED: "Your request was resolved: %(subject)s",
    TicketMail.Kind.ESCALATION: "Overdue ticket escalated: %(subject)s",
}


def _mark_subjects() -> None:  # pragma: no cover - for makemessages only
    _("We received your request: %(subject)s")
    _("New reply to your request: %(subject)s")
    _("Your request was resolved: %(subject)s")
    _("Overdue ticket escalated: %(subject)s")


def requester_language(ticket: Ticket) -> str:
    """The requester's preferred language now (it may have changed), else the ticket's."""
    profile = getattr(ticket.requester, "profile", None) if ticket.requester_id else None
    return (profile.preferred_language if profile else "") or ticket.language or "en"


def ticket_mail_queue(
    *,
    ticket: Ticket,
    kind: str,
    followup: FollowUp | None = None,
    unique: str = "",
    recipient: str = "",
    language: str = "",
) -> TicketMail | None:
    """Record one e-mail to send and enqueue its sending once the transaction commits."""
    if followup is not None and not followup.is_public:
        # Internal notes never leave the building.
        raise ValueError("internal notes are never e-mailed")
    key = f"{kind}:{ticket.pk}:{followup.pk if followup else ''}:{unique}"[:100]
    mail, created = TicketMail.objects.get_or_create(
        key=key,
        defaults={
            "ticket": ticket,
            "kind": kind,
            "recipient": recipient or ticket.requester_email,
            "language": language or requester_language(ticket),
        },
    )
    if created:
        enqueue("helpdesk.tasks.ticket_mail_send", mail.pk, group="helpdesk")
    return mail


def _portal_url(ticket: Ticket, language: str) -> str:
    if ticket.party_id is None:
        return ""
    return f"{settings.SITE_URL}/{language}/helpdesk/tickets/{ticket.pk}/"


def ticket_mail_send(mail_id: int) -> bool:
    """Send one recorded e-mail; True when sent now, False when already sent or gone."""
    mail = TicketMail.objects.select_related("ticket").filter(pk=mail_id).first()
    if mail is None or mail.sent_at is not None:
        return False
    ticket = mail.ticket
    followup = None
    if mail.kind == TicketMail.Kind.REPLY:
        followup_id = mail.key.split(":")[2]
        followup = ticket.followups.filter(
            pk=followup_id, visibility=FollowUp.Visibility.PUBLIC
        ).first()
        if followup is None:
            return False
    with translation.override(mail.language):
        subject = f"{ticket.tag} " + _(SUBJECTS[mail.kind]) % {"subject": ticket.subject}
        body = render_to_string(
            f"helpdesk/email/{mail.kind}.txt",
            {
                "ticket": ticket,
                "followup": followup,
                "portal_url": _portal_url(ticket, mail.language),
                "admin_url": f"{settings.SITE_URL}/admin/helpdesk/tickets/{ticket.pk}/",
                "language": mail.language,
            },
        )
    domain = settings.DEFAULT_FROM_EMAIL.rsplit("@", 1)[-1].strip(">") or "chm.example.org"
    message = EmailMessage(
        subject=subject,
        body=body,
        to=[mail.recipient],
        reply_to=[settings.HELPDESK_REPLY_TO] if settings.HELPDESK_REPLY_TO else None,
        headers={
            "Message-ID": make_msgid(f"chm-{ticket.pk}", domain=domain),
            # Out-of-office responders must not answer us (RFC 3834).
            "Auto-Submitted": "auto-generated" if mail.kind != TicketMail.Kind.REPLY else "no",
            "Content-Language": mail.language,
        },
    )
    try:
        message.send()
    except Exception as error:  # noqa: BLE001 - recorded, retried by the queue
        TicketMail.objects.filter(pk=mail.pk).update(error=str(error)[:2000])
        logger.warning("helpdesk mail %s failed: %s", mail.key, error)
        raise
    with transaction.atomic():
        TicketMail.objects.filter(pk=mail.pk).update(sent_at=timezone.now(), error="")
        ticket_event_record(
            ticket, None, TicketEvent.Action.MAILED, new=f"{mail.kind} → {mail.recipient}"
        )
    return True
