"""Every state change of the notifications app lands in Wagtail's audit log with its actor
and the values before and after."""

import datetime

import pytest
from django.contrib.auth import get_user_model

from notifications import services
from notifications.models import Notification
from tests.audit_log import actions_named_in, logged, registered
from tests.notifications.conftest import make_focal_point, make_notification

pytestmark = pytest.mark.django_db


@pytest.fixture
def secretariat():
    return get_user_model().objects.create_superuser("secretariat", "s@example.org", "x")


def entries(instance) -> list[tuple[str, str | None, dict]]:
    return logged(instance)


def test_a_notifications_life_is_logged_with_who_and_its_status_before_and_after(secretariat):
    make_focal_point("FR", language="fr")
    notification = make_notification(languages=("en", "fr"), status=Notification.Status.DRAFT)
    services.notification_approve(notification_id=notification.pk, user=secretariat)
    services.notification_issue(
        notification_id=notification.pk,
        user=secretariat,
        issue_date=datetime.date(2014, 8, 26),
        dispatch=False,
    )
    services.deliveries_translation_create(
        notification_id=notification.pk, language="fr", user=secretariat
    )
    services.notification_withdraw(
        notification_id=notification.pk, user=secretariat, reason="Sent in error"
    )
    assert entries(notification) == [
        (
            "notifications.approve",
            "secretariat",
            {"before": {"status": "draft"}, "after": {"status": "approved"}},
        ),
        (
            "notifications.issue",
            "secretariat",
            {
                "english_notice": [],
                "before": {"status": "approved", "number": ""},
                "after": {"status": "issued", "number": "2014-001"},
            },
        ),
        ("notifications.translation_sent", "secretariat", {"language": "fr", "recipients": 0}),
        (
            "notifications.withdraw",
            "secretariat",
            {
                "before": {"status": "issued"},
                "after": {"status": "withdrawn", "withdrawal_reason": "Sent in error"},
            },
        ),
    ]


def test_a_draft_deleted_is_logged_with_who(secretariat):
    notification = make_notification(status=Notification.Status.DRAFT)
    services.notification_delete(notification_id=notification.pk, user=secretariat)
    from wagtail.models import ModelLogEntry

    entry = ModelLogEntry.objects.get(action="wagtail.delete", object_id=str(notification.pk))
    assert entry.user == secretariat and entry.deleted


def test_a_focal_points_life_is_logged_with_who_and_each_field_before_and_after(secretariat):
    from cms.models import Party

    party = Party.objects.get(code="SN")
    data = {"categories": ["CBD-FP1"], "first_name": "Awa", "last_name": "Ndiaye"}
    focal_point = services.focal_point_nominate(
        user=secretariat, party_id=party.pk, data=data | {"emails": ["awa@example.org"]}
    )
    services.focal_point_update(
        user=secretariat, focal_point_id=focal_point.pk, data={"organisation": "Ministry"}
    )
    for step in (services.focal_point_verify, services.focal_point_activate):
        step(user=secretariat, focal_point_id=focal_point.pk)
    services.focal_point_retire(user=secretariat, focal_point_id=focal_point.pk)
    found = entries(focal_point)
    assert [action for action, _user, _data in found] == [
        "notifications.focal_point.nominated",
        "notifications.focal_point.updated",
        "notifications.focal_point.verified",
        "notifications.focal_point.activated",
        "notifications.focal_point.retired",
    ]
    assert {user for _action, user, _data in found} == {"secretariat"}
    assert found[0][2]["after"]["last_name"] == "Ndiaye"
    assert found[1][2] == {"before": {"organisation": ""}, "after": {"organisation": "Ministry"}}
    assert found[4][2] == {"before": {"status": "active"}, "after": {"status": "retired"}}


def test_every_registered_notifications_action_was_seen_above():
    assert registered("notifications.") <= actions_named_in(__file__, "notifications.")
