"""Replies by e-mail, read from a real IMAP server (dovecot on loopback)."""

import imaplib
from email.message import EmailMessage

import pytest

from helpdesk.mailparse import reply_strip
from helpdesk.models import FollowUp, Ticket
from helpdesk.services.inbound import mailbox_poll
from helpdesk.services.tickets import ticket_create, ticket_status_set

pytestmark = pytest.mark.django_db


def deliver(server, *, sender, subject, body, headers=None, message_id=None):
    message = EmailMessage()
    message["From"] = sender
    message["To"] = "helpdesk@chm.example.org"
    message["Subject"] = subject
    if message_id:
        message["Message-ID"] = message_id
    for name, value in (headers or {}).items():
        message[name] = value
    message.set_content(body)
    client = imaplib.IMAP4(server.host, server.port)
    client.login(server.user, server.password)
    client.append("INBOX", None, None, message.as_bytes())
    client.logout()


def unseen(server) -> int:
    client = imaplib.IMAP4(server.host, server.port)
    client.login(server.user, server.password)
    client.select("INBOX")
    _status, data = client.uid("SEARCH", None, "UNSEEN")
    client.logout()
    return len((data[0] or b"").split())


@pytest.fixture
def waiting_ticket(french_user, staff_user):
    ticket = ticket_create(
        requester=french_user,
        category="migration",
        subject="Migration",
        description="Aide",
        language="fr",
    )
    ticket_status_set(ticket=ticket, status="waiting", actor=staff_user)
    return ticket


def test_a_reply_by_email_is_added_without_quotes_or_signature(imap_server, waiting_ticket):
    deliver(
        imap_server,
        sender="Marie <marie@example.org>",
        subject=f"RE: [CHM-{waiting_ticket.pk}] Nouvelle réponse à votre demande",
        message_id="<reply-1@example.org>",
        body=(
            "Voici les fichiers demandés.\n\n"
            "-- \nMarie, ministère de l’Environnement\n\n"
            "Le 3 mars 2025 à 10:00, CHM <helpdesk@chm.example.org> a écrit :\n"
            "> Pouvez-vous nous envoyer les fichiers ?\n"
        ),
    )
    assert mailbox_poll() == 1
    followup = waiting_ticket.followups.get()
    assert followup.body == "Voici les fichiers demandés."
    assert followup.source == FollowUp.Source.EMAIL and followup.is_public and not followup.by_staff
    waiting_ticket.refresh_from_db()
    assert waiting_ticket.status == Ticket.Status.OPEN  # the Party answered: the clock runs again
    assert unseen(imap_server) == 0
    assert mailbox_poll() == 0  # nothing twice


def test_auto_replies_and_bounces_create_nothing(imap_server, waiting_ticket):
    tag = f"[CHM-{waiting_ticket.pk}]"
    deliver(
        imap_server,
        sender="marie@example.org",
        subject=f"Absence du bureau: {tag}",
        body="Je suis absente.",
        headers={"Auto-Submitted": "auto-replied"},
    )
    deliver(
        imap_server,
        sender="marie@example.org",
        subject=f"Out of office {tag}",
        body="Away",
        headers={"Precedence": "auto_reply"},
    )
    deliver(
        imap_server,
        sender="MAILER-DAEMON@mx.example.org",
        subject=f"Undelivered Mail Returned to Sender {tag}",
        body="The mail system could not deliver",
    )
    tickets_before = Ticket.objects.count()
    assert mailbox_poll() == 0
    assert not waiting_ticket.followups.exists()
    assert Ticket.objects.count() == tickets_before
    assert unseen(imap_server) == 0  # handled (ignored), so never read again


def test_mail_from_another_party_is_not_added(imap_server, waiting_ticket, kenyan_user):
    deliver(
        imap_server,
        sender=kenyan_user.email,
        subject=f"[CHM-{waiting_ticket.pk}] hello",
        body="Intrusion",
    )
    assert mailbox_poll() == 0
    assert not waiting_ticket.followups.exists()


def test_mail_without_a_known_tag_creates_no_ticket(imap_server, french_user):
    before = Ticket.objects.count()
    deliver(imap_server, sender=french_user.email, subject="[CHM-999999] Question", body="Bonjour")
    deliver(
        imap_server, sender=french_user.email, subject="Question sans référence", body="Bonjour"
    )
    assert mailbox_poll() == 0
    assert Ticket.objects.count() == before


def test_no_mailbox_configured_means_no_polling(settings):
    settings.HELPDESK_IMAP_HOST = ""
    assert mailbox_poll() == 0


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Merci.\n\nLe lun. 3 mars 2025, Helpdesk a écrit :\n> ancien", "Merci."),
        ("Thanks!\n\nOn Mon, 3 Mar 2025 at 10:00, CHM <x@y.org> wrote:\n> old", "Thanks!"),
        ("好的，谢谢。\n\n在 2025年3月3日，CHM 写道：\n> 旧内容", "好的，谢谢。"),
        ("Спасибо.\n\n3 марта 2025 г., CHM пишет:\n> старое", "Спасибо."),
        ("Gracias.\n\n-----Mensaje original-----\nDe: CHM", "Gracias."),
        ("شكرا.\n\nSent from my iPhone", "شكرا."),
        ("Line one\nLine two\n-- \nSignature", "Line one\nLine two"),
    ],
)
def test_reply_strip(text, expected):
    assert reply_strip(text) == expected


def flags_of_all(server) -> list[str]:
    client = imaplib.IMAP4(server.host, server.port)
    client.login(server.user, server.password)
    client.select("INBOX")
    _status, data = client.fetch("1:*", "(FLAGS)")
    client.logout()
    return [item.decode() for item in data if item]


def test_a_reply_whose_handling_fails_is_kept_and_added_at_the_next_poll(
    imap_server, waiting_ticket, monkeypatch
):
    from django.db import OperationalError

    from helpdesk.services import inbound

    deliver(
        imap_server,
        sender="marie@example.org",
        subject=f"RE: [CHM-{waiting_ticket.pk}] Nouvelle réponse",
        message_id="<reply-db-down@example.org>",
        body="Voici le rapport.",
    )
    real_reply = inbound.ticket_reply

    def database_down(**kwargs):
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(inbound, "ticket_reply", database_down)
    assert mailbox_poll() == 0
    assert not waiting_ticket.followups.exists()
    assert unseen(imap_server) == 1  # not lost: still waiting in the mailbox

    monkeypatch.setattr(inbound, "ticket_reply", real_reply)
    assert mailbox_poll() == 1
    assert waiting_ticket.followups.get().body == "Voici le rapport."
    assert unseen(imap_server) == 0
    assert mailbox_poll() == 0


def test_a_message_that_always_fails_is_flagged_for_a_person_after_three_polls(
    imap_server, waiting_ticket, monkeypatch
):
    from helpdesk.services import inbound

    deliver(
        imap_server,
        sender="marie@example.org",
        subject=f"RE: [CHM-{waiting_ticket.pk}] Réponse",
        body="Texte",
    )
    attempts = []

    def broken(**kwargs):
        attempts.append(1)
        raise ValueError("a bug")

    monkeypatch.setattr(inbound, "ticket_reply", broken)
    for _poll in range(inbound.MAX_ATTEMPTS):
        assert mailbox_poll() == 0
    assert len(attempts) == inbound.MAX_ATTEMPTS
    assert unseen(imap_server) == 0
    (flags,) = flags_of_all(imap_server)
    assert "\\Flagged" in flags and "\\Seen" in flags
    assert mailbox_poll() == 0
    assert len(attempts) == inbound.MAX_ATTEMPTS  # given up on: not tried again
    assert not waiting_ticket.followups.exists()
