"""Deadline reminders set per notification: dates, lead time, categories, who is skipped."""

import datetime

import pytest
from django.utils import timezone

from notifications import services
from notifications.models import Delivery, Reminder, Response
from notifications.services.reminders import reminder_due_dates
from tests.notifications.conftest import make_focal_point, make_notification

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 3, 10)


def issued(**kwargs):
    notification = make_notification(languages=("en", "fr"), **kwargs)
    notification = services.notification_issue(
        notification_id=notification.pk, issue_date=TODAY, dispatch=False
    )
    services.deliveries_send(delivery_ids=services.deliveries_create(notification=notification))
    return notification


def notified_days_ago(notification, days: int) -> None:
    Delivery.objects.filter(notification=notification).update(
        sent_at=timezone.now() - datetime.timedelta(days=days)
    )


def test_reminder_windows_follow_the_notifications_own_settings():
    notification = make_notification(
        action_required_by=TODAY + datetime.timedelta(days=5),
        deadline=TODAY + datetime.timedelta(days=20),
    )
    assert reminder_due_dates(notification, TODAY) == [TODAY + datetime.timedelta(days=5)]
    notification.reminder_days_before = 30
    assert reminder_due_dates(notification, TODAY) == [
        TODAY + datetime.timedelta(days=5),
        TODAY + datetime.timedelta(days=20),
    ]
    notification.reminder_dates = ["deadline"]
    assert reminder_due_dates(notification, TODAY) == [TODAY + datetime.timedelta(days=20)]
    notification.reminder_dates = []
    assert reminder_due_dates(notification, TODAY) == []


def test_a_party_that_responded_is_not_reminded(smtp_server, media_root):
    france = make_focal_point("FR", language="fr")
    kenya = make_focal_point("KE")
    notification = issued(action_required_by=TODAY + datetime.timedelta(days=3))
    notified_days_ago(notification, 10)
    Response.objects.create(notification=notification, party=france.party, text="Notre réponse")
    before = len(smtp_server.recipients())
    assert services.reminders_send(today=TODAY) == 1
    assert smtp_server.recipients()[before:] == [kenya.primary_email]
    skipped = Reminder.objects.get(delivery__focal_point=france)
    assert skipped.status == Reminder.Status.SKIPPED_RESPONDED
    sent = Reminder.objects.get(delivery__focal_point=kenya)
    assert (sent.status, sent.due_date, sent.smtp_code) == (
        "sent",
        notification.action_required_by,
        250,
    )
    assert services.reminders_send(today=TODAY) == 0  # once per date


def test_recently_notified_recipients_wait_and_categories_are_chosen(smtp_server, media_root):
    make_focal_point("FR", categories=("CBD-FP1",))
    sbstta = make_focal_point("KE", categories=("SBSTTA-FP",))
    notification = issued(
        categories=("CBD-FP1", "SBSTTA-FP"),
        action_required_by=TODAY + datetime.timedelta(days=3),
        deadline=TODAY + datetime.timedelta(days=6),
    )
    # Issued inside the window: nobody is reminded right after the notification itself.
    assert services.reminders_send(today=TODAY) == 0
    notified_days_ago(notification, 4)
    notification.reminder_categories = ["SBSTTA-FP"]
    notification.save()
    before = len(smtp_server.recipients())
    assert services.reminders_send(today=TODAY) == 1  # the action date; the deadline waits
    assert smtp_server.recipients()[before:] == [sbstta.primary_email]
    message = smtp_server.messages()[-1]
    assert "2026" in message.get_body(("plain",)).get_content()
    # Reminded a moment ago: the deadline's reminder waits for the minimum interval.
    assert services.reminders_send(today=TODAY) == 0
    Delivery.objects.filter(notification=notification).update(
        reminder_sent_at=timezone.now() - datetime.timedelta(days=4)
    )
    assert services.reminders_send(today=TODAY) == 1
    # Each reminder's subject names the date it reminds of.
    first, second = (str(m["Subject"]) for m in smtp_server.messages()[-2:])
    assert "action required by March 13, 2026" in first
    assert "deadline March 16, 2026" in second and "March 13" not in second
    assert sorted(
        Reminder.objects.filter(delivery__focal_point=sbstta).values_list("due_date", flat=True)
    ) == [notification.action_required_by, notification.deadline]
