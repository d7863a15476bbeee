"""E-mail to requesters in their language, through a real SMTP server on loopback."""

import pytest

from helpdesk.models import TicketMail
from helpdesk.services.mail import ticket_mail_send
from helpdesk.services.tickets import ticket_create, ticket_reply, ticket_status_set

pytestmark = pytest.mark.django_db


def file_ticket(user, language="fr"):
    return ticket_create(
        requester=user,
        category="hosting",
        subject="Nom de domaine",
        description="Aide",
        language=language,
    )


def test_created_reply_and_resolved_mails_in_the_requesters_language(
    smtp, french_user, staff_user, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        ticket = file_ticket(french_user)
    with django_capture_on_commit_callbacks(execute=True):
        ticket_reply(
            ticket=ticket,
            author=staff_user,
            body="Note interne secrète",
            internal=True,
            by_staff=True,
        )
        ticket_reply(
            ticket=ticket, author=staff_user, body="Voici la marche à suivre.", by_staff=True
        )
    with django_capture_on_commit_callbacks(execute=True):
        ticket_status_set(ticket=ticket, status="resolved", actor=staff_user)
    mails = smtp.to("marie@example.org")
    subjects = [str(m["Subject"]) for m in mails]  # decoded exactly: no stray space
    assert subjects == [
        f"[CHM-{ticket.pk}] Nous avons reçu votre demande\u00a0: Nom de domaine",
        f"[CHM-{ticket.pk}] Nouvelle réponse à votre demande\u00a0: Nom de domaine",
        f"[CHM-{ticket.pk}] Votre demande a été résolue\u00a0: Nom de domaine",
    ]
    reply_body = mails[1].get_content()
    assert "Voici la marche à suivre." in reply_body
    assert "Note interne" not in "".join(m.get_content() for m in mails)
    assert f"/fr/helpdesk/tickets/{ticket.pk}/" in reply_body
    assert mails[0]["Auto-Submitted"] == "auto-generated"
    assert mails[0].get_content().splitlines()[0] == "Bonjour Marie,"


def test_long_subjects_decode_exactly_and_nobody_is_greeted_by_login_name(
    smtp, make_user, django_capture_on_commit_callbacks
):
    arabic = make_user("EG", language="ar", username="demo-ar", first_name="")
    long_subject = "طلب المساعدة في إنشاء الموقع الوطني لآلية تبادل المعلومات الخاصة بالاتفاقية"
    with django_capture_on_commit_callbacks(execute=True):
        ticket = ticket_create(
            requester=arabic,
            category="hosting",
            subject=long_subject,
            description="مساعدة",
            language="ar",
        )
    (mail,) = smtp.to("demo-ar@example.org")
    assert str(mail["Subject"]) == f"[CHM-{ticket.pk}] تلقينا طلبك: {long_subject}"
    body = mail.get_content()
    assert "demo-ar" not in body.split("\n")[0]
    assert body.splitlines()[0] == "سيدي/سيدتي،"


def test_language_follows_the_current_preference_not_the_ticket(
    smtp, french_user, staff_user, django_capture_on_commit_callbacks
):
    ticket = file_ticket(french_user)
    french_user.profile.preferred_language = "ru"
    french_user.profile.save()
    with django_capture_on_commit_callbacks(execute=True):
        ticket_reply(ticket=ticket, author=staff_user, body="Ответ", by_staff=True)
    (mail,) = smtp.to("marie@example.org")
    assert str(mail["Subject"]).startswith(f"[CHM-{ticket.pk}] Новый ответ")


def test_a_mail_is_sent_once_even_when_the_task_runs_twice(smtp, french_user, staff_user):
    ticket = file_ticket(french_user)
    mail = TicketMail.objects.get(ticket=ticket, kind="created")
    assert ticket_mail_send(mail.pk) is True
    assert ticket_mail_send(mail.pk) is False
    assert len(smtp.to("marie@example.org")) == 1
    mail.refresh_from_db()
    assert mail.sent_at is not None
    assert ticket.events.filter(action="mailed").count() == 1


def test_internal_notes_queue_no_mail(french_user, staff_user):
    ticket = file_ticket(french_user)
    ticket_reply(ticket=ticket, author=staff_user, body="interne", internal=True, by_staff=True)
    assert list(TicketMail.objects.filter(ticket=ticket).values_list("kind", flat=True)) == [
        "created"
    ]
