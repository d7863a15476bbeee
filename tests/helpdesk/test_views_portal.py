"""The Party portal: own Party only, public replies only, safe downloads."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from helpdesk.services.tickets import ticket_create, ticket_reply

pytestmark = pytest.mark.django_db


@pytest.fixture
def french_ticket(french_user, staff_user):
    ticket = ticket_create(
        requester=french_user,
        category="technical",
        subject="Le site ne répond plus",
        description="Erreur 502 depuis hier.",
        language="fr",
        files=[SimpleUploadedFile("capture.png", b"\x89PNG\r\n\x1a\n....")],
    )
    ticket_reply(
        ticket=ticket,
        author=staff_user,
        body="SECRET NOTE about the server",
        internal=True,
        by_staff=True,
        files=[SimpleUploadedFile("internal.txt", b"root password list")],
    )
    ticket_reply(
        ticket=ticket, author=staff_user, body="Nous redémarrons le serveur.", by_staff=True
    )
    return ticket


def test_party_user_sees_own_ticket_without_internal_notes(client, french_user, french_ticket):
    client.force_login(french_user)
    response = client.get(f"/fr/helpdesk/tickets/{french_ticket.pk}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Nous redémarrons le serveur." in html
    assert "SECRET NOTE" not in html
    assert "internal.txt" not in html
    assert "capture.png" in html
    assert "Technical problem" not in html and "Problème technique" in html


def test_ticket_list_shows_only_own_party(client, french_ticket, kenyan_user):
    client.force_login(kenyan_user)
    response = client.get("/en/helpdesk/")
    assert response.status_code == 200
    assert "Le site ne répond plus" not in response.content.decode()


def test_another_partys_ids_give_404_everywhere(client, french_ticket, kenyan_user):
    client.force_login(kenyan_user)
    attachment = french_ticket.attachments.get(original_name="capture.png")
    for url in (
        f"/en/helpdesk/tickets/{french_ticket.pk}/",
        f"/en/helpdesk/tickets/{french_ticket.pk}.json",
        f"/en/helpdesk/tickets/{french_ticket.pk}/attachments/{attachment.pk}/",
    ):
        assert client.get(url).status_code == 404, url
    response = client.post(f"/en/helpdesk/tickets/{french_ticket.pk}/", {"body": "intrusion"})
    assert response.status_code == 404
    assert not french_ticket.followups.filter(body="intrusion").exists()


def test_json_endpoint_has_no_internal_notes(client, french_user, french_ticket):
    client.force_login(french_user)
    data = json.loads(client.get(f"/fr/helpdesk/tickets/{french_ticket.pk}.json").content)
    assert [f["body"] for f in data["followups"]] == ["Nous redémarrons le serveur."]
    assert "SECRET" not in json.dumps(data)


def test_internal_attachment_is_never_served_to_the_party(client, french_user, french_ticket):
    client.force_login(french_user)
    internal = french_ticket.attachments.get(original_name="internal.txt")
    assert (
        client.get(
            f"/fr/helpdesk/tickets/{french_ticket.pk}/attachments/{internal.pk}/"
        ).status_code
        == 404
    )


def test_download_is_an_attachment_never_rendered(client, french_user, french_ticket):
    client.force_login(french_user)
    attachment = french_ticket.attachments.get(original_name="capture.png")
    response = client.get(f"/fr/helpdesk/tickets/{french_ticket.pk}/attachments/{attachment.pk}/")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Type"] == "image/png"
    assert b"".join(response.streaming_content).startswith(b"\x89PNG")


def test_staff_can_download_internal_attachments(client, staff_user, french_ticket):
    client.force_login(staff_user)
    internal = french_ticket.attachments.get(original_name="internal.txt")
    response = client.get(f"/en/helpdesk/tickets/{french_ticket.pk}/attachments/{internal.pk}/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")


def test_anonymous_visitors_are_sent_to_sign_in(client, french_ticket):
    response = client.get(f"/fr/helpdesk/tickets/{french_ticket.pk}/")
    assert response.status_code == 302 and "/account/login/" in response["Location"]


def test_users_without_a_party_are_refused_clearly(client, make_user):
    client.force_login(make_user())
    response = client.get("/es/helpdesk/new/")
    assert response.status_code == 403
    assert "formulario de contacto" in response.content.decode()


def test_filing_a_ticket_in_arabic_from_the_portal(client, make_user):
    user = make_user("EG", language="ar")
    client.force_login(user)
    response = client.post(
        "/ar/helpdesk/new/",
        {"category": "training", "subject": "تدريب على بيولاند", "description": "نحتاج إلى تدريب."},
    )
    assert response.status_code == 302
    ticket = user.helpdesk_tickets.get()
    assert ticket.language == "ar" and ticket.party.code == "EG"
    page = client.get(response["Location"])
    assert 'dir="rtl"' in page.content.decode()


def test_bad_attachment_gives_a_message_in_the_users_language(client, french_user):
    client.force_login(french_user)
    response = client.post(
        "/fr/helpdesk/new/",
        {
            "category": "other",
            "subject": "Test",
            "description": "x",
            "files": [SimpleUploadedFile("x.html", b"<html></html>")],
        },
    )
    assert response.status_code == 200
    assert "ce type de fichier n’est pas accepté" in response.content.decode()
    assert not french_user.helpdesk_tickets.exists()


def test_party_reply_from_the_portal(client, french_user, french_ticket):
    client.force_login(french_user)
    response = client.post(f"/fr/helpdesk/tickets/{french_ticket.pk}/", {"body": "Merci !"})
    assert response.status_code == 302
    assert french_ticket.followups.filter(
        body="Merci !", visibility="public", by_staff=False
    ).exists()


def test_right_to_left_override_in_a_subject_stays_inside_its_own_text(client, french_user):
    """U+202E in a subject must not reverse the reference, status or dates beside it."""
    client.force_login(french_user)
    subject = "report\u202egpj.exe"
    response = client.post(
        "/fr/helpdesk/new/", {"category": "other", "subject": subject, "description": "x"}
    )
    assert response.status_code == 302
    detail = client.get(response["Location"]).content.decode()
    assert f"<bdi>{subject}</bdi>" in detail
    listing = client.get("/fr/helpdesk/").content.decode()
    assert f"<bdi>{subject}</bdi>" in listing
