"""Every state change of the helpdesk lands in Wagtail's audit log with its actor and, where
a value changed, before and after."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from cms.models import Party
from helpdesk.models import NationalSite, Ticket
from helpdesk.services.award import (
    award_judging_start,
    award_results_compute,
    award_scores_save,
)
from helpdesk.services.sla_escalation import tickets_escalate_overdue
from helpdesk.services.tickets import (
    ticket_merge,
    ticket_reply,
    ticket_status_set,
    ticket_update,
)
from helpdesk.services.tracker import national_site_update
from tests.audit_log import actions_named_in, logged, registered
from tests.helpdesk.test_award import call, enter  # noqa: F401 - the award call fixture
from tests.helpdesk.test_tickets import new_ticket

pytestmark = pytest.mark.django_db


def entries(instance) -> dict[str, tuple[str | None, dict]]:
    """action -> (actor, data) of the latest entry of each action."""
    return {action: (user, data) for action, user, data in logged(instance)}


def test_a_tickets_life_is_logged_with_who_and_each_value_before_and_after(
    french_user, staff_user, smtp, django_capture_on_commit_callbacks
):
    upload = SimpleUploadedFile("plan.pdf", b"%PDF-1.4 plan", content_type="application/pdf")
    with django_capture_on_commit_callbacks(execute=True):
        ticket = new_ticket(french_user, files=[upload])
    ticket_update(ticket=ticket, actor=staff_user, priority="high", category="hosting")
    ticket_update(ticket=ticket, actor=staff_user, assignee=staff_user)
    ticket_reply(ticket=ticket, author=staff_user, body="Note", internal=True, by_staff=True)
    ticket_reply(ticket=ticket, author=staff_user, body="Bonjour", by_staff=True)
    ticket_status_set(ticket=ticket, status="resolved", actor=staff_user)
    found = entries(ticket)
    assert found["helpdesk.ticket.created"] == ("marie", {"before": "", "after": "web"})
    assert found["helpdesk.ticket.attachment"] == ("marie", {"before": "", "after": "plan.pdf"})
    assert found["helpdesk.ticket.priority"] == ("agent", {"before": "normal", "after": "high"})
    assert found["helpdesk.ticket.category"] == (
        "agent",
        {"before": "bioland", "after": "hosting"},
    )
    assert found["helpdesk.ticket.assigned"][0] == "agent"
    assert found["helpdesk.ticket.note"][0] == "agent"
    assert found["helpdesk.ticket.reply"][0] == "agent"
    assert found["helpdesk.ticket.status"][0] == "agent"
    assert found["helpdesk.ticket.status"][1]["after"] == "resolved"
    # The queued e-mails were sent by the worker: logged, with no person as actor.
    assert found["helpdesk.ticket.mailed"][0] is None


def test_merging_and_escalating_are_logged(french_user, staff_user):
    first, second = new_ticket(french_user), new_ticket(french_user, subject="Encore")
    ticket_merge(source=second, target=first, actor=staff_user)
    assert entries(second)["helpdesk.ticket.merged"] == (
        "agent",
        {"before": second.reference, "after": first.reference},
    )
    Ticket.objects.filter(pk=first.pk).update(
        first_response_due=timezone.now() - datetime.timedelta(hours=1)
    )
    assert tickets_escalate_overdue() == 1
    assert entries(first)["helpdesk.ticket.escalated"][0] is None


def test_a_national_site_change_records_only_the_changed_fields(french_user):
    france = Party.objects.get(code="FR")
    national_site_update(party=france, user=french_user, status="planned")
    national_site_update(party=france, user=french_user, url="https://chm.fr.example")
    national_site_update(party=france, user=french_user, url="https://chm.fr.example")
    site = NationalSite.objects.get(party=france)
    history = logged(site)
    assert len(history) == 2  # the save that changed nothing is not logged
    action, actor, data = history[-1]
    assert (action, actor) == ("helpdesk.national_site.update", "marie")
    assert data == {"before": {"url": ""}, "after": {"url": "https://chm.fr.example"}}


def test_an_award_call_is_logged_from_entry_to_results(call, french_user, staff_user):  # noqa: F811
    entry = enter(french_user, call, description="Premier texte")
    enter(french_user, call, description="Second texte")
    assert entries(entry)["helpdesk.award.entry_submit"] == (
        "marie",
        {
            "before": {
                "category": "existing",
                "site_url": "https://chm.example",
                "description": "Premier texte",
                "audience": "Everyone",
                "languages": ["en"],
                "answer_language": "en",
            },
            "after": {
                "category": "existing",
                "site_url": "https://chm.example",
                "description": "Second texte",
                "audience": "Everyone",
                "languages": ["en"],
                "answer_language": "en",
            },
        },
    )
    call.jury.add(staff_user)
    award_judging_start(call=call, actor=staff_user)
    award_scores_save(
        call=call, juror=staff_user, scores={(entry.pk, c.pk): 3 for c in call.criteria.all()}
    )
    award_results_compute(call=call, actor=staff_user)
    found = entries(call)
    assert found["helpdesk.award.judging_start"] == (
        "agent",
        {"before": {"status": "open"}, "after": {"status": "judging"}},
    )
    assert found["helpdesk.award.scores_save"] == ("agent", {"scores": 2})
    assert found["helpdesk.award.publish"][0] == "agent"
    assert found["helpdesk.award.publish"][1]["after"]["status"] == "published"


def test_every_registered_helpdesk_action_was_seen_above():
    assert registered("helpdesk.") <= actions_named_in(__file__, "helpdesk.")
