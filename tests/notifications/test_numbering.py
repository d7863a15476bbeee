import datetime

import pytest

from notifications import services
from notifications.models import Notification
from tests.notifications.conftest import make_notification

pytestmark = pytest.mark.django_db


def issue(notification, day=datetime.date(2031, 3, 1)):
    return services.notification_issue(notification_id=notification.pk, issue_date=day)


def test_numbers_follow_each_other_and_restart_each_year():
    numbers = [issue(make_notification()).number for _ in range(3)]
    next_year = issue(make_notification(), datetime.date(2032, 1, 2)).number
    assert numbers == ["2031-001", "2031-002", "2031-003"]
    assert next_year == "2032-001"


def test_issuing_twice_is_refused_and_changes_nothing():
    notification = issue(make_notification())
    with pytest.raises(services.NotificationsError, match="already been issued"):
        issue(notification)
    notification.refresh_from_db()
    assert notification.number == "2031-001"
    assert issue(make_notification()).number == "2031-002"


def test_draft_cannot_be_issued_and_takes_no_number():
    draft = make_notification(status=Notification.Status.DRAFT)
    with pytest.raises(services.NotificationsError, match="approved"):
        issue(draft)
    assert Notification.objects.get(pk=draft.pk).number is None
    assert issue(make_notification()).number == "2031-001"


def test_withdrawn_number_is_never_reused():
    first = issue(make_notification())
    services.notification_withdraw(notification_id=first.pk, reason="Sent in error")
    assert issue(make_notification()).number == "2031-002"
    first.refresh_from_db()
    assert (first.status, first.number) == (Notification.Status.WITHDRAWN, "2031-001")


def test_approve_needs_published_text():
    draft = make_notification(status=Notification.Status.DRAFT, languages=(), unpublished=("en",))
    with pytest.raises(services.NotificationsError, match="no published text"):
        services.notification_approve(notification_id=draft.pk)
    ready = make_notification(status=Notification.Status.DRAFT)
    assert services.notification_approve(notification_id=ready.pk).status == "approved"


def test_lookup_number_is_trimmed_and_upper_cased():
    assert services.notification_number_normalise(" 2014-107 ") == "2014-107"


def test_an_issued_or_withdrawn_notification_cannot_be_deleted_by_anyone():
    from django.contrib.auth import get_user_model
    from django.db import transaction
    from django.db.models import ProtectedError

    superuser = get_user_model().objects.create_superuser("root", "root@example.org", "x")
    issued = issue(make_notification())
    withdrawn = services.notification_withdraw(
        notification_id=issue(make_notification()).pk, user=superuser, reason="error"
    )
    for notification in (issued, withdrawn):
        with pytest.raises(services.NotificationsError, match="cannot be deleted"):
            services.notification_delete(notification_id=notification.pk, user=superuser)
        with pytest.raises(ProtectedError), transaction.atomic():
            notification.delete()  # a shell, a script: the database-side guard holds too
        with pytest.raises(ProtectedError), transaction.atomic():
            Notification.objects.filter(pk=notification.pk).delete()
    assert Notification.objects.filter(pk__in=[issued.pk, withdrawn.pk]).count() == 2
    assert issued.texts.exists()

    draft = make_notification(status=Notification.Status.DRAFT)
    services.notification_delete(notification_id=draft.pk, user=superuser)
    assert not Notification.objects.filter(pk=draft.pk).exists()
