"""The anonymous contact form: e-mail confirmation first, rate limit, spam trap."""

import re

import pytest
from django.core.cache import cache

from helpdesk.models import ContactRequest, Ticket

pytestmark = pytest.mark.django_db

FORM = {
    "name": "Ana",
    "email": "ana@example.org",
    "category": "training",
    "subject": "Formación Bioland",
    "description": "¿Hay cursos en línea?",
    "website": "",
}


@pytest.fixture(autouse=True)
def clear_rate_limits():
    cache.clear()
    yield
    cache.clear()


def test_a_ticket_exists_only_after_the_address_is_confirmed(
    client, smtp, django_capture_on_commit_callbacks
):
    before = Ticket.objects.count()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/es/helpdesk/contact/", FORM)
    assert response.status_code == 302
    assert Ticket.objects.count() == before
    (mail,) = smtp.to("ana@example.org")
    assert "Confirme su mensaje" in str(mail["Subject"])
    link = re.search(r"http://\S+/es/helpdesk/contact/confirm/\S+/", mail.get_content()).group(0)
    path = link.split("8000", 1)[1] if "8000" in link else "/" + link.split("/", 3)[3]
    assert client.get(path).status_code == 200  # a mail scanner's GET confirms nothing
    assert Ticket.objects.count() == before
    response = client.post(path)
    assert response.status_code == 200
    ticket = Ticket.objects.get(requester_email="ana@example.org")
    assert (
        ticket.party is None and ticket.language == "es" and ticket.subject == "Formación Bioland"
    )
    assert ticket.reference in response.content.decode()
    client.post(path)  # a second click creates nothing new
    assert Ticket.objects.filter(requester_email="ana@example.org").count() == 1


def test_the_spam_trap_keeps_nothing(client, smtp):
    response = client.post("/en/helpdesk/contact/", {**FORM, "website": "http://spam.example"})
    assert response.status_code == 302
    assert not ContactRequest.objects.exists()
    assert smtp.messages == []


def test_rate_limit_per_address(client, smtp, settings, django_capture_on_commit_callbacks):
    settings.HELPDESK_CONTACT_RATE = 2
    for _attempt in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            assert client.post("/fr/helpdesk/contact/", FORM).status_code == 302
    response = client.post("/fr/helpdesk/contact/", FORM)
    assert response.status_code == 429
    assert "Trop de messages" in response.content.decode()
    assert ContactRequest.objects.count() == 2


def test_no_mail_is_sent_inside_the_request(client, settings, django_capture_on_commit_callbacks):
    """Finding 2: the confirmation was sent inside the request; with the mail server down
    the form answered 500, and failed attempts still counted against the hourly limit."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", 9  # nothing listens: refused
    settings.HELPDESK_CONTACT_RATE = 2
    with django_capture_on_commit_callbacks() as queued:
        response = client.post("/en/helpdesk/contact/", FORM)
    assert response.status_code == 302 and ContactRequest.objects.count() == 1
    assert queued  # the mail goes out from a worker once the request committed


def test_only_accepted_submissions_count_against_the_rate(
    client, smtp, settings, django_capture_on_commit_callbacks
):
    settings.HELPDESK_CONTACT_RATE = 2
    for _attempt in range(5):  # refused: a line break in the subject
        response = client.post("/en/helpdesk/contact/", {**FORM, "subject": "Hi\r\nBcc: x@y.z"})
        assert response.status_code == 200 and "single line" in response.content.decode()
    for _attempt in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            assert client.post("/en/helpdesk/contact/", FORM).status_code == 302
    assert len(smtp.to("ana@example.org")) == 2
    assert client.post("/en/helpdesk/contact/", FORM).status_code == 429


@pytest.mark.parametrize("field", ["subject", "name"])
def test_single_line_fields_refuse_line_breaks(client, field):
    """Finding 6: a CR/LF in a ticket subject was accepted, then every mail of the ticket
    failed ("Header values can't contain newlines")."""
    for value in ("Help\r\nBcc: victim@example.org", "Help\nme", "Help\u2028me"):
        response = client.post("/en/helpdesk/contact/", {**FORM, field: value})
        assert response.status_code == 200
        assert "single line" in response.content.decode()
    assert not ContactRequest.objects.exists()


def test_services_refuse_line_breaks_too(french_user):
    from helpdesk.errors import HelpdeskError
    from helpdesk.services.contact import contact_request_submit
    from helpdesk.services.tickets import ticket_create

    with pytest.raises(HelpdeskError):
        ticket_create(
            category="technical",
            subject="Down\r\nBcc: x@example.org",
            description="d",
            language="fr",
            requester=french_user,
        )
    with pytest.raises(HelpdeskError):
        contact_request_submit(
            name="Ana\nBcc: x@example.org",
            email="ana@example.org",
            category="training",
            subject="s",
            description="d",
            language="en",
            client="127.0.0.1",
        )
    assert not Ticket.objects.filter(requester_email=french_user.email).exists()
    assert not ContactRequest.objects.exists()


def test_unknown_token_is_a_clear_404(client):
    response = client.post("/en/helpdesk/contact/confirm/nope/")
    assert response.status_code == 404
    assert "not valid or has expired" in response.content.decode()
