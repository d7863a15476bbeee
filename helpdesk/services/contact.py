"""The anonymous contact form: a request becomes a ticket only once its sender confirms
the address (so nobody can file tickets in someone else's name), and each address and
client can send only a few per hour."""

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from cms.ratelimit import rate_limit_hit
from helpdesk.errors import HelpdeskError
from helpdesk.models import ContactRequest, FollowUp, Ticket
from helpdesk.services.tickets import ticket_create

CONFIRM_DAYS = 2


def _rate_key(kind: str, value: str) -> str:
    digest = hashlib.sha256(value.lower().encode()).hexdigest()[:32]
    return f"helpdesk:contact:{kind}:{digest}"


def contact_rate_check(*, email: str, client: str) -> None:
    """Count this attempt; refuse when the address or the client exceeded the hourly rate."""
    limit = settings.HELPDESK_CONTACT_RATE
    for key in (_rate_key("email", email), _rate_key("client", client)):
        if rate_limit_hit(key, limit, 3600) is not None:
            raise HelpdeskError(_("Too many messages. Please try again in an hour."))


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
    contact_rate_check(email=email, client=client)
    if not subject.strip() or not description.strip():
        raise HelpdeskError(_("Please fill in the subject and the description."))
    contact = ContactRequest.objects.create(
        token=secrets.token_urlsafe(32),
        name=name.strip()[:200],
        email=email,
        language=language,
        category=category,
        subject=subject.strip()[:200],
        description=description.strip(),
    )
    with translation.override(language):
        path = reverse("helpdesk:contact_confirm", kwargs={"token": contact.token})
        body = render_to_string(
            "helpdesk/email/contact_confirm.txt",
            {"contact": contact, "confirm_url": f"{settings.SITE_URL}{path}"},
        )
        subject_line = gettext("Confirm your message to the CHM helpdesk")
    EmailMessage(
        subject=subject_line, body=body, to=[email], headers={"Auto-Submitted": "auto-generated"}
    ).send()
    return contact


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
