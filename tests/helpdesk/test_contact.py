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


def test_a_ticket_exists_only_after_the_address_is_confirmed(client, smtp):
    before = Ticket.objects.count()
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


def test_rate_limit_per_address(client, smtp, settings):
    settings.HELPDESK_CONTACT_RATE = 2
    for _attempt in range(2):
        assert client.post("/fr/helpdesk/contact/", FORM).status_code == 302
    response = client.post("/fr/helpdesk/contact/", FORM)
    assert response.status_code == 429
    assert "Trop de messages" in response.content.decode()
    assert ContactRequest.objects.count() == 2


def test_unknown_token_is_a_clear_404(client):
    response = client.post("/en/helpdesk/contact/confirm/nope/")
    assert response.status_code == 404
    assert "not valid or has expired" in response.content.decode()
