import smtplib

import pytest
from django.db import close_old_connections

from cms.search.indexing import PendingSearchGroups
from notifications.demo import demo_notifications_load
from notifications.mail.sink import sink_start
from notifications.models import Delivery, FocalPoint, Notification, SinkMessage
from notifications.services.mail_sink import sink_message_store

pytestmark = pytest.mark.django_db


def test_demo_issues_2014_107_in_six_languages_once(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        assert demo_notifications_load() is True
    assert demo_notifications_load() is False
    notification = Notification.objects.get(number="2014-107")
    assert notification.reference == "SCBD/SAM/NR/LC/83832"
    assert str(notification.issue_date) == "2014-08-26"
    languages = set(
        notification.texts.filter(live=True).values_list("locale__language_code", flat=True)
    )
    assert languages == {"ar", "en", "es", "fr", "ru", "zh-hans"}
    assert FocalPoint.objects.filter(status="active").count() >= 7
    # The dispatch task is enqueued after commit (beside the search index's own callback).
    assert len([c for c in callbacks if not isinstance(c, PendingSearchGroups)]) == 1
    assert not Delivery.objects.exists()  # the worker creates them


@pytest.mark.django_db(transaction=True)
def test_mail_sink_keeps_each_message_with_its_language():
    def store(mail_from, recipient, data):
        close_old_connections()
        sink_message_store(mail_from, recipient, data)

    controller = sink_start(store)
    try:
        with smtplib.SMTP("127.0.0.1", controller.port) as connection:
            connection.sendmail(
                "a@example.org",
                ["b@example.org"],
                b"Subject: Notification\r\nContent-Language: fr\r\nMessage-ID: <x@y>\r\n\r\nBonjour",
            )
    finally:
        controller.stop()
    message = SinkMessage.objects.get()
    assert (message.recipient, message.language, message.subject) == (
        "b@example.org",
        "fr",
        "Notification",
    )
    assert bytes(message.raw).rstrip().endswith(b"Bonjour")
