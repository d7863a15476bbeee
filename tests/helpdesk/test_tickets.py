"""Filing, replying, transitions, merging and the audit log (services)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from helpdesk.errors import HelpdeskError
from helpdesk.models import FollowUp, Ticket, TicketEvent
from helpdesk.services.tickets import (
    ticket_create,
    ticket_merge,
    ticket_reply,
    ticket_status_set,
    ticket_update,
)

pytestmark = pytest.mark.django_db


def new_ticket(user, **kwargs):
    values = {
        "category": "bioland",
        "subject": "Demande de site Bioland",
        "description": "Nous souhaitons un site Bioland.",
        "language": "fr",
    }
    values.update(kwargs)
    return ticket_create(requester=user, **values)


def test_a_party_user_files_a_ticket_for_their_party(french_user):
    ticket = new_ticket(french_user)
    assert ticket.party.code == "FR"
    assert ticket.requester_email == "marie@example.org"
    assert ticket.status == Ticket.Status.NEW
    assert ticket.reference == f"CHM-{ticket.pk}"
    assert ticket.first_response_due > ticket.created_at
    assert ticket.events.filter(action=TicketEvent.Action.CREATED).exists()


def test_a_user_without_a_party_cannot_file(make_user):
    outsider = make_user()
    with pytest.raises(HelpdeskError):
        new_ticket(outsider)
    assert not Ticket.objects.filter(subject="Demande de site Bioland").exists()


def test_contributors_are_not_party_users_for_the_helpdesk(make_user):
    contributor = make_user("FR", role="contributor")
    with pytest.raises(HelpdeskError):
        new_ticket(contributor)


def test_empty_subject_is_refused_and_nothing_is_written(french_user):
    before = Ticket.objects.count()
    with pytest.raises(HelpdeskError):
        new_ticket(french_user, subject="   ")
    assert Ticket.objects.count() == before


def test_transitions_are_enforced_and_reopen_is_allowed(french_user, staff_user):
    ticket = new_ticket(french_user)
    ticket_status_set(ticket=ticket, status="open", actor=staff_user)
    ticket_status_set(ticket=ticket, status="waiting", actor=staff_user)
    ticket_status_set(ticket=ticket, status="resolved", actor=staff_user)
    ticket_status_set(ticket=ticket, status="closed", actor=staff_user)
    with pytest.raises(HelpdeskError):
        ticket_status_set(ticket=ticket, status="waiting", actor=staff_user)
    with pytest.raises(HelpdeskError):
        ticket_status_set(ticket=ticket, status="new", actor=staff_user)
    ticket_status_set(ticket=ticket, status="open", actor=staff_user)
    ticket.refresh_from_db()
    assert ticket.status == "open"
    statuses = list(ticket.events.filter(action="status").values_list("old_value", "new_value"))
    assert statuses == [
        ("new", "open"),
        ("open", "waiting"),
        ("waiting", "resolved"),
        ("resolved", "closed"),
        ("closed", "open"),
    ]


def test_requester_reply_reopens_a_ticket_waiting_on_the_party(french_user, staff_user):
    ticket = new_ticket(french_user)
    ticket_status_set(ticket=ticket, status="waiting", actor=staff_user)
    ticket_reply(ticket=ticket, author=french_user, body="Voici les informations.")
    ticket.refresh_from_db()
    assert ticket.status == "open"


def test_only_staff_write_internal_notes(french_user):
    ticket = new_ticket(french_user)
    with pytest.raises(HelpdeskError):
        ticket_reply(ticket=ticket, author=french_user, body="secret", internal=True)
    assert not ticket.followups.exists()


def test_staff_public_reply_stops_the_first_response_clock(french_user, staff_user):
    ticket = new_ticket(french_user)
    ticket_reply(ticket=ticket, author=staff_user, body="Note", internal=True, by_staff=True)
    ticket.refresh_from_db()
    assert ticket.first_responded_at is None  # an internal note is not an answer
    ticket_reply(ticket=ticket, author=staff_user, body="Bonjour", by_staff=True)
    ticket.refresh_from_db()
    assert ticket.first_responded_at is not None
    actions = list(ticket.events.values_list("action", flat=True))
    assert "note" in actions and "reply" in actions


def test_update_logs_priority_category_and_assignee(french_user, staff_user):
    ticket = new_ticket(french_user)
    due_before = ticket.resolution_due
    ticket_update(
        ticket=ticket, actor=staff_user, priority="urgent", assignee=staff_user, category="hosting"
    )
    ticket.refresh_from_db()
    assert ticket.resolution_due < due_before  # urgent: 8 business hours, not 40
    logged = {e.action: (e.old_value, e.new_value) for e in ticket.events.all()}
    assert logged["priority"] == ("normal", "urgent")
    assert logged["category"] == ("bioland", "hosting")
    assert logged["assigned"][1] == "agent"


def test_merge_moves_the_conversation_and_closes_the_duplicate(french_user, staff_user):
    first = new_ticket(french_user, subject="Site Bioland")
    duplicate = new_ticket(french_user, subject="Encore le site Bioland", description="Relance")
    ticket_reply(ticket=duplicate, author=french_user, body="Des nouvelles ?")
    ticket_merge(source=duplicate, target=first, actor=staff_user)
    duplicate.refresh_from_db()
    assert duplicate.status == "closed" and duplicate.merged_into == first
    bodies = list(first.followups.values_list("body", flat=True))
    assert "Des nouvelles ?" in bodies
    assert any("Relance" in body for body in bodies)
    assert first.events.filter(action="merged").exists()
    with pytest.raises(HelpdeskError):
        ticket_reply(ticket=duplicate, author=french_user, body="again")


def test_tickets_of_different_parties_are_never_merged(french_user, kenyan_user, staff_user):
    french = new_ticket(french_user)
    kenyan = new_ticket(kenyan_user, subject="Hosting", language="en")
    with pytest.raises(HelpdeskError):
        ticket_merge(source=kenyan, target=french, actor=staff_user)
    assert not french.followups.exists()


def test_attachment_is_stored_outside_public_media(french_user, settings):
    upload = SimpleUploadedFile("plan.pdf", b"%PDF-1.4 test", content_type="application/pdf")
    ticket = new_ticket(french_user, files=[upload])
    attachment = ticket.attachments.get()
    path = attachment.file.path
    assert path.startswith(str(settings.PRIVATE_MEDIA_ROOT))
    assert not path.startswith(str(settings.MEDIA_ROOT))
    assert attachment.original_name == "plan.pdf"
    assert "plan" not in path  # stored under a random name


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("page.html", b"<html><script>alert(1)</script></html>"),
        ("fake.pdf", b"<html>not a pdf</html>"),
        ("tool.exe", b"MZ"),
        ("picture.svg", b"<svg onload=alert(1)>"),
    ],
)
def test_dangerous_or_mislabelled_attachments_are_refused(french_user, name, content):
    with pytest.raises(HelpdeskError):
        new_ticket(french_user, files=[SimpleUploadedFile(name, content)])
    assert not Ticket.objects.filter(requester=french_user).exists()


def test_too_large_attachment_is_refused(french_user, settings):
    settings.HELPDESK_ATTACHMENT_MAX_MB = 1
    big = SimpleUploadedFile("big.txt", b"a" * (1024 * 1024 + 1))
    with translation.override("en"), pytest.raises(HelpdeskError, match="1 MB"):
        new_ticket(french_user, files=[big])


def test_followups_keep_their_visibility(french_user, staff_user):
    ticket = new_ticket(french_user)
    ticket_reply(ticket=ticket, author=staff_user, body="interne", internal=True, by_staff=True)
    assert ticket.followups.get().visibility == FollowUp.Visibility.INTERNAL
