"""English with a notice, then the translation to exactly those who got English."""

import datetime
import email
import email.policy

import pytest
from django.utils import translation
from wagtail.models import Locale

from notifications import selectors, services
from notifications.models import Delivery, NotificationText
from tests.notifications.conftest import TITLES, make_focal_point, make_notification

pytestmark = pytest.mark.django_db

NOTICE = (
    "An official translation will follow. Until then, this notification is sent to you in English."
)


def _send(notification):
    services.deliveries_send(delivery_ids=services.deliveries_create(notification=notification))


def _parsed(raw: bytes):
    return email.message_from_bytes(raw, policy=email.policy.default)


def test_english_with_notice_then_the_translation_to_those_who_got_english(
    smtp_server, media_root, client
):
    from django.contrib.auth import get_user_model

    staff = get_user_model().objects.create_superuser("officer", "officer@example.org", "x")
    french = make_focal_point("FR", language="fr")
    spanish = make_focal_point("MX", language="es")
    notification = make_notification(languages=("en", "fr"))

    with pytest.raises(services.NotificationsError, match="No published text for Spanish"):
        services.notification_issue(notification_id=notification.pk, user=staff)
    notification.refresh_from_db()
    assert (notification.status, notification.number) == ("approved", None)

    notification = services.notification_issue(
        notification_id=notification.pk,
        user=staff,
        issue_date=datetime.date(2014, 8, 26),
        dispatch=False,
        english_notice=["es", "ru"],  # Russian has nobody: nothing recorded for it
    )
    assert notification.english_notice_languages == ["es"]
    _send(notification)
    mails = dict(smtp_server.raw)
    spanish_mail = _parsed(mails[spanish.primary_email])
    assert spanish_mail["Subject"] == f"CBD Notification 2014-001: {TITLES['en']}"
    with translation.override("es"):
        notice = translation.gettext(NOTICE)
    assert notice != NOTICE
    assert notice in spanish_mail.get_body(("plain",)).get_content()
    assert 'lang="es"' in spanish_mail.get_body(("html",)).get_content()
    [pdf] = spanish_mail.iter_attachments()
    assert pdf.get_filename().endswith("-en.pdf")
    assert notice not in _parsed(mails[french.primary_email]).get_body(("plain",)).get_content()
    page = client.get("/es/notifications/2014-001/").content.decode()
    with translation.override("es"):
        assert (
            translation.gettext(
                "An official translation will follow. Until then, this notification is shown in English."
            )
            in page
        )

    # The Spanish translation is published: the notice goes, one click sends it.
    english = notification.texts.get(locale__language_code="en")
    spanish_text = NotificationText(
        notification=notification,
        locale=Locale.objects.get(language_code="es"),
        translation_key=english.translation_key,
        title=TITLES["es"],
        body="<p>Texto en español.</p>",
        live=False,
    )
    spanish_text.save()
    spanish_text.save_revision(user=staff).publish(user=staff)
    notification.refresh_from_db()
    assert notification.english_notice_languages == []
    assert [
        (code, people) for code, _name, people in selectors.translations_to_send(notification)
    ] == [("es", 1)]

    ids = services.deliveries_translation_create(
        notification_id=notification.pk, language="es", user=staff
    )
    services.deliveries_send(delivery_ids=ids)
    assert len(smtp_server.raw) == 3  # one more message, to the Spanish focal point only
    recipient, raw = smtp_server.raw[-1]
    assert recipient == spanish.primary_email
    follow_up = _parsed(raw)
    with translation.override("es"):
        expected = translation.gettext("CBD Notification %(number)s: %(title)s") % {
            "number": "2014-001",
            "title": TITLES["es"],
        }
    assert follow_up["Subject"] == expected
    assert follow_up["Content-Language"] == "es"
    [pdf] = follow_up.iter_attachments()
    assert pdf.get_filename().endswith("-es.pdf")
    assert (
        Delivery.objects.get(pk=ids[0]).message_id
        != Delivery.objects.get(focal_point=spanish, kind="notification").message_id
    )
    # A second click sends nothing more.
    assert (
        services.deliveries_translation_create(
            notification_id=notification.pk, language="es", user=staff
        )
        == []
    )
    assert selectors.translations_to_send(notification) == []
