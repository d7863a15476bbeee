"""The anonymous contact form: a request becomes a ticket only once its sender confirms
the address (so nobody can file tickets in someone else's name), and each address and
client can send only a few per hour."""

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from cms.mail_headers import EmailMessage
from cms.queue import enqueue
from cms.ratelimit import rate_limit_hit, rate_limit_reached
from cms.single_line import MESSAGE as SINGLE_LINE_MESSAGE
from cms.single_line import is_single_line
from helpdesk.errors import HelpdeskError
from helpdesk.models import ContactRequest, FollowUp, Ticket
from helpdesk.services.tickets import ticket_create

CONFIRM_DAYS = 2


def _rate_key(kind: str, value: str) -> str:
    digest = hashlib.sha256(value.lower().encode()).hexdigest()[:32]
    return f"helpdesk:contact:{kind}:{digest}"


class ContactRateLimited(HelpdeskError):
    """The address or the client already sent the hourly number of messages."""


def _rate_keys(email: str, client: str) -> tuple[str, str]:
    return _rate_key("email", email), _rate_key("client", client)


def contact_rate_check(*, email: str, client: str) -> None:
    """Refuse when the address or the client already sent the hourly number of accepted
    messages. Refused and failed attempts are not counted (see contact_request_submit)."""
    limit = settings.HELPDESK_CONTACT_RATE
    if any(rate_limit_reached(key, limit, 3600) for key in _rate_keys(email, client)):
        raise ContactRateLimited(_("Too many messages. Please try again in an hour."))


def _rate_count(email: str, client: str) -> None:
    for key in _rate_keys(email, client):
        rate_limit_hit(key, settings.HELPDESK_CONTACT_RATE, 3600)


def contact_request_submit(
    *,
    name: str,
    email: str,
    category: str,
    subject: str,
    description: str,
    language: str,
    client: str,
) -> ContactRequest:
    if not subject.strip() or not description.strip():
        raise HelpdeskError(_("Please fill in the subject and the description."))
    if not (is_single_line(subject) and is_single_line(name)):
        raise HelpdeskError(SINGLE_LINE_MESSAGE)
    contact_rate_check(email=email, client=client)
    """Record the request and queue its confirmation mail, both once the transaction
    commits: no mail is sent inside the request, and only accepted requests count against
    the hourly rate."""
    contact = ContactRequest.objects.create(
        token=secrets.token_urlsafe(32),
        name=name.strip()[:200],
        email=email,
        language=language,
        category=category,
        subject=subject.strip()[:200],
        description=description.strip(),
    )
    enqueue("helpdesk.tasks.contact_confirmation_send", contact.pk, group="helpdesk")
    transaction.on_commit(lambda: _rate_count(email, client))
    return contact


def contact_confirmation_send(contact_id: int) -> bool:
    """Send the confirmation link (a worker's task; a failure raises and is retried)."""
    contact = ContactRequest.objects.filter(pk=contact_id, ticket__isnull=True).first()
    if contact is None:
        return False
    with translation.override(contact.language):
        path = reverse("helpdesk:contact_confirm", kwargs={"token": contact.token})
        body = render_to_string(
            "helpdesk/email/contact_confirm.txt",
            {"contact": contact, "confirm_url": f"{settings.SITE_URL}{path}"},
        )
        subject_line = gettext("Confirm your message to the CHM helpdesk")
    EmailMessage(
        subject=subject_line,
        body=body,
        to=[contact.email],
        headers={"Auto-Submitted": "auto-generated"},
    ).send()
    return True


def contact_request_confirm(*, token: str) -> Ticket:
    """Turn a confirmed request into a ticket (once; a second click returns the same)."""
    with transaction.atomic():
        contact = ContactRequest.objects.select_for_update().filter(token=token).first()
        if contact is None or (
            contact.ticket_id is None
            and contact.created_at < timezone.now() - timedelta(days=CONFIRM_DAYS)
        ):
            raise HelpdeskError(_("This confirmation link is not valid or has expired."))
        if contact.ticket_id:
            return contact.ticket
        ticket = ticket_create(
            category=contact.category,
            subject=contact.subject,
            description=contact.description,
            language=contact.language,
            requester_email=contact.email,
            requester_name=contact.name,
            source=FollowUp.Source.WEB,
        )
        contact.ticket = ticket
        contact.confirmed_at = timezone.now()
        contact.save(update_fields=["ticket", "confirmed_at"])
    return ticket
