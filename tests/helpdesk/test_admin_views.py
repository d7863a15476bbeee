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


def test_the_filtered_queue_downloads_as_csv_in_the_staff_members_language(
    client, staff_user, ticket, kenyan_user
):
    import csv
    import io

    from wagtail.users.models import UserProfile as AdminProfile

    hostile = ticket_create(
        requester=kenyan_user,
        category="hosting",
        subject='=HYPERLINK("http://evil.example/","Open")',
        description="x",
        language="en",
    )
    profile = AdminProfile.get_for_user(staff_user)
    profile.preferred_language = "fr"
    profile.save()
    client.force_login(staff_user)
    html = client.get("/admin/helpdesk/tickets/?category=hosting").content.decode()
    assert "category=hosting&amp;format=csv" in html  # the download keeps the filters

    response = client.get("/admin/helpdesk/tickets/?category=hosting&format=csv")
    assert response["Content-Type"].startswith("text/csv")
    assert "helpdesk-tickets.csv" in response["Content-Disposition"]
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    header, *rows = list(csv.reader(io.StringIO(text[1:])))
    assert header[:3] == ["Référence", "Objet", "Partie"]
    assert [row[0] for row in rows] == [hostile.reference]  # filtered like the list
    assert rows[0][1].startswith("'=HYPERLINK")  # plain text in a spreadsheet, not a formula
    assert rows[0][8].endswith("+00:00")  # created, ISO 8601


def test_party_users_cannot_download_the_queue(client, french_user, ticket):
    client.force_login(french_user)
    response = client.get("/admin/helpdesk/tickets/?format=csv")
    assert response.status_code in (302, 403)
    assert b"Bioland" not in response.content
