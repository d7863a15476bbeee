"""Inbound e-mail: replies to `[CHM-123]` messages become public follow-ups on the ticket.

The mailbox is polled over IMAP by a django-q2 schedule. Each message is handled once:
its Message-ID is kept on the follow-up, and it is flagged \\Seen after handling. A message
whose handling fails (the database is down, a bug) stays unseen, marked with the attempt
number, and is tried again at the next poll; after MAX_ATTEMPTS it is flagged (\\Flagged) for
a person to read in the mailbox, and logged as an error. Only the ticket's requester or a
user of the ticket's Party may add to it; everything else (unknown senders, missing tag,
automatic mail) is left unanswered so no loop can start."""

import email
import imaplib
import logging
import re
from email import policy
from email.utils import parseaddr

from django.conf import settings
from django.contrib.auth import get_user_model

from helpdesk.errors import HelpdeskError
from helpdesk.mailparse import is_automatic, message_text, reply_strip, ticket_number
from helpdesk.models import FollowUp, Ticket
from helpdesk.selectors import party_for_user
from helpdesk.services.tickets import ticket_reply

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 3
_ATTEMPT_KEYWORD = "CHMFailed{}"  # an IMAP keyword per failed attempt
_FLAGS = re.compile(rb"FLAGS \(([^)]*)\)")


def inbound_message_handle(raw: bytes) -> FollowUp | None:
    """Add one raw message to its ticket; None when it is ignored."""
    message = email.message_from_bytes(raw, policy=policy.default)
    if is_automatic(message):
        return None
    number = ticket_number(str(message.get("Subject") or ""))
    ticket = (
        Ticket.objects.filter(pk=number).select_related("requester").first() if number else None
    )
    if ticket is None:
        return None
    message_id = str(message.get("Message-ID") or "").strip()
    if message_id and FollowUp.objects.filter(ticket=ticket, message_id=message_id).exists():
        return None
    sender = parseaddr(str(message.get("From") or ""))[1].lower()
    author = (
        get_user_model().objects.filter(email__iexact=sender, is_active=True).first()
        if sender
        else None
    )
    allowed = sender == ticket.requester_email.lower() or (
        author is not None
        and ticket.party_id is not None
        and getattr(party_for_user(author), "pk", None) == ticket.party_id
    )
    if not allowed:
        logger.info(
            "inbound mail for %s from %s ignored: not the requester's side",
            ticket.reference,
            sender,
        )
        return None
    if ticket.merged_into_id:
        ticket = ticket.merged_into
    body = reply_strip(message_text(message))
    try:
        return ticket_reply(
            ticket=ticket,
            author=author,
            author_email=sender,
            body=body,
            source=FollowUp.Source.EMAIL,
            message_id=message_id,
        )
    except HelpdeskError:
        return None


def mailbox_poll() -> int:
    """Read unseen messages from the configured mailbox; returns how many were added."""
    if not settings.HELPDESK_IMAP_HOST:
        return 0
    client_class = imaplib.IMAP4_SSL if settings.HELPDESK_IMAP_SSL else imaplib.IMAP4
    added = 0
    with client_class(
        settings.HELPDESK_IMAP_HOST, settings.HELPDESK_IMAP_PORT, timeout=30
    ) as client:
        client.login(settings.HELPDESK_IMAP_USER, settings.HELPDESK_IMAP_PASSWORD)
        client.select(settings.HELPDESK_IMAP_FOLDER)
        _status, data = client.uid("SEARCH", None, "UNSEEN")
        for uid in (data[0] or b"").split():
            _status, parts = client.uid("FETCH", uid, "(FLAGS BODY.PEEK[])")
            raw = next((part[1] for part in parts if isinstance(part, tuple)), None)
            if raw is None:
                continue
            try:
                if inbound_message_handle(raw) is not None:
                    added += 1
            except Exception:  # one bad message must not block the mailbox
                _attempt_failed(client, uid, _failed_attempts(parts) + 1)
                continue
            client.uid("STORE", uid, "+FLAGS", "(\\Seen)")
        client.logout()
    return added


def _failed_attempts(fetch_parts: list) -> int:
    """How many earlier polls failed on this message (from its attempt keywords)."""
    headers = b" ".join(part[0] if isinstance(part, tuple) else part for part in fetch_parts)
    flags = {flag.decode() for match in _FLAGS.findall(headers) for flag in match.split()}
    failed = [n for n in range(1, MAX_ATTEMPTS + 1) if _ATTEMPT_KEYWORD.format(n) in flags]
    return max(failed, default=0)


def _attempt_failed(client: imaplib.IMAP4, uid: bytes, attempt: int) -> None:
    if attempt < MAX_ATTEMPTS:
        logger.warning(
            "inbound mail %s could not be handled (attempt %d of %d), retried at the next poll",
            uid,
            attempt,
            MAX_ATTEMPTS,
            exc_info=True,
        )
        client.uid("STORE", uid, "+FLAGS", f"({_ATTEMPT_KEYWORD.format(attempt)})")
        return
    logger.exception(
        "inbound mail %s could not be handled after %d attempts: flagged in the mailbox",
        uid,
        attempt,
    )
    client.uid("STORE", uid, "+FLAGS", "(\\Seen \\Flagged)")
