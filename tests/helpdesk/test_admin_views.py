"""The staff desk in the Wagtail admin: queue, replies and notes, status, merge, audit."""

import pytest

from helpdesk.models import Ticket
from helpdesk.services.tickets import ticket_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def ticket(french_user):
    return ticket_create(
        requester=french_user,
        category="bioland",
        subject="Site Bioland",
        description="Bonjour",
        language="fr",
    )


def test_party_users_cannot_open_the_desk(client, french_user, ticket):
    client.force_login(french_user)
    response = client.get(f"/admin/helpdesk/tickets/{ticket.pk}/")
    assert response.status_code in (302, 403)


def test_queue_filters_by_category_and_status(client, staff_user, ticket, kenyan_user):
    other = ticket_create(
        requester=kenyan_user,
        category="hosting",
        subject="DNS help",
        description="x",
        language="en",
    )
    client.force_login(staff_user)
    html = client.get("/admin/helpdesk/tickets/?category=bioland").content.decode()
    assert f'data-ticket="{ticket.pk}"' in html and f'data-ticket="{other.pk}"' not in html
    html = client.get(f"/admin/helpdesk/tickets/?q=CHM-{other.pk}").content.decode()
    assert f'data-ticket="{other.pk}"' in html and f'data-ticket="{ticket.pk}"' not in html


def test_staff_note_reply_status_and_audit_log(
    client, staff_user, ticket, django_capture_on_commit_callbacks, smtp
):
    client.force_login(staff_user)
    url = f"/admin/helpdesk/tickets/{ticket.pk}/"
    client.post(url, {"action": "reply", "body": "Vérifier le quota", "internal": "on"})
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"action": "reply", "body": "Votre site est prêt.", "status": "waiting"})
    response = client.post(url, {"action": "status", "status": "new"})  # not allowed
    ticket.refresh_from_db()
    assert ticket.status == Ticket.Status.WAITING
    html = client.get(url).content.decode()
    assert "is-internal" in html and "Vérifier le quota" in html
    audit = html.split('id="audit-log"', 1)[1]
    for action in ("Created", "Internal note", "Public reply", "Status changed", "E-mail sent"):
        assert action in audit
    assert response.status_code == 200
    assert "cannot go from" in response.content.decode()
    bodies = [m.get_content() for m in smtp.to("marie@example.org")]
    assert any("Votre site est prêt." in b for b in bodies)
    assert not any("quota" in b for b in bodies)


def test_canned_reply_goes_out_in_the_requesters_language(client, staff_user, ticket):
    from helpdesk.models import CannedReply

    canned = CannedReply.objects.create(
        title="Bioland",
        body_ar="ع",
        body_en="We will create your Bioland site.",
        body_es="e",
        body_fr="Nous allons créer votre site Bioland.",
        body_ru="р",
        body_zh_hans="中",
    )
    client.force_login(staff_user)
    client.post(
        f"/admin/helpdesk/tickets/{ticket.pk}/",
        {"action": "reply", "body": "", "canned": canned.pk},
    )
    assert ticket.followups.get().body == "Nous allons créer votre site Bioland."


def test_merge_from_the_desk(client, staff_user, ticket, french_user):
    duplicate = ticket_create(
        requester=french_user, category="bioland", subject="Doublon", description="x", language="fr"
    )
    client.force_login(staff_user)
    response = client.post(
        f"/admin/helpdesk/tickets/{duplicate.pk}/", {"action": "merge", "target": ticket.reference}
    )
    assert response.status_code == 302
    duplicate.refresh_from_db()
    assert duplicate.merged_into == ticket
