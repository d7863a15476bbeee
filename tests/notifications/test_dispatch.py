import datetime
import subprocess

import pytest
from django.utils import timezone

from notifications import services
from notifications.models import Delivery, SuppressedAddress
from tests.notifications.conftest import TITLES, make_focal_point, make_notification

pytestmark = pytest.mark.django_db


def issued(english_notice=(), **kwargs):
    notification = make_notification(**kwargs)
    return services.notification_issue(
        notification_id=notification.pk,
        issue_date=datetime.date(2014, 8, 26),
        dispatch=False,
        english_notice=english_notice,
    )


def dispatch(notification):
    ids = services.deliveries_create(notification=notification)
    return services.deliveries_send(delivery_ids=ids)


def test_each_focal_point_gets_one_message_in_their_language(smtp_server, media_root):
    people = {
        lang: make_focal_point(code, language=lang)
        for lang, code in [
            ("en", "GB"),
            ("fr", "FR"),
            ("ar", "EG"),
            ("zh-hans", "CN"),
            ("ru", "RU"),
        ]
    }
    make_focal_point("DE", categories=("CHM-FP",))  # not targeted
    make_focal_point("IT", status="retired")  # no longer receives anything
    notification = issued(
        languages=("en", "fr", "ar", "zh-hans"), unpublished=("ru",), english_notice=["ru"]
    )

    outcome = dispatch(notification)

    assert outcome == {"sent": 5}
    by_recipient = dict(zip(smtp_server.recipients(), smtp_server.messages(), strict=True))
    assert sorted(by_recipient) == sorted(fp.primary_email for fp in people.values())
    for lang, focal_point in people.items():
        message = by_recipient[focal_point.primary_email]
        shown = "en" if lang == "ru" else lang  # Russian not published: English instead
        assert TITLES[shown] in message["Subject"]
        assert message["Content-Language"] == shown
        delivery = Delivery.objects.get(focal_point=focal_point)
        assert message["Message-ID"] == delivery.message_id
        assert (delivery.status, delivery.language) == ("sent", shown)
        text = message.get_body(("plain",)).get_content()
        html = message.get_body(("html",)).get_content()
        # The link opens the recipient's language (English there, with the notice).
        assert f"/{lang}/notifications/2014-001/" in text and "2014-001" in html
        [pdf] = [part for part in message.iter_attachments()]
        assert pdf.get_content_type() == "application/pdf"
        assert pdf.get_filename() == f"ntf-2014-001-{notification.slug}-{shown}.pdf"
    # Dispatching again sends nothing more.
    assert dispatch(notification) == {}
    assert len(smtp_server.recipients()) == 5


def test_letter_is_rendered_once_per_language(smtp_server, media_root):
    for index in range(4):
        make_focal_point("FR", language="fr", email_address=f"fr{index}@example.org")
    notification = issued(languages=("en", "fr"))
    dispatch(notification)
    assert notification.letters.count() == 1  # only French was needed
    letter = notification.letters.get()
    rendered_at = letter.rendered_at
    services.letters_prepare(notification=notification)
    letter.refresh_from_db()
    assert letter.rendered_at == rendered_at  # cached, not rendered again
    assert notification.letters.count() == 2


def test_temporary_refusal_is_deferred_and_retried(smtp_server, media_root):
    focal_point = make_focal_point("BR", email_address="busy@example.org")
    smtp_server.answers["busy@example.org"] = "451 4.3.0 Mailbox busy, try later"
    notification = issued()
    assert dispatch(notification) == {"deferred": 1}
    delivery = Delivery.objects.get(focal_point=focal_point)
    assert delivery.smtp_code == 451 and delivery.next_attempt_at > timezone.now()
    # Not due yet: nothing is sent.
    assert services.deliveries_send(delivery_ids=[delivery.pk]) == {}
    # Once the back-off has passed and the server accepts, it goes out.
    del smtp_server.answers["busy@example.org"]
    Delivery.objects.filter(pk=delivery.pk).update(next_attempt_at=timezone.now())
    found = services.deliveries_reconcile()
    assert found["due"] == [delivery.pk]
    assert services.deliveries_send(delivery_ids=found["due"]) == {"sent": 1}
    assert smtp_server.recipients() == ["busy@example.org"]


def test_permanent_refusal_fails_and_suppresses_until_cleared(smtp_server, media_root):
    make_focal_point("KE", email_address="gone@example.org")
    make_focal_point("KE", email_address="fine@example.org")
    smtp_server.answers["gone@example.org"] = "550 5.1.1 No such user"
    first = issued()
    assert dispatch(first) == {"failed": 1, "sent": 1}
    assert SuppressedAddress.objects.filter(email="gone@example.org").exists()
    # The server would now accept it, but the address stays suppressed.
    del smtp_server.answers["gone@example.org"]
    second = issued()
    assert dispatch(second) == {"suppressed": 1, "sent": 1}
    assert services.deliveries_resend(notification_id=second.pk) == []
    # A person clears it and resends to the failed ones.
    assert services.suppression_clear(email="gone@example.org")
    ids = services.deliveries_resend(notification_id=second.pk)
    assert services.deliveries_send(delivery_ids=ids) == {"sent": 1}
    assert smtp_server.recipients().count("gone@example.org") == 1


def test_row_left_sending_becomes_unconfirmed_and_is_not_resent(smtp_server, media_root):
    focal_point = make_focal_point("JP")
    notification = issued()
    [delivery_id] = services.deliveries_create(notification=notification)
    # What a worker killed after handing the message to SMTP leaves behind.
    an_hour_ago = timezone.now() - datetime.timedelta(hours=1)
    Delivery.objects.filter(pk=delivery_id).update(
        status="sending", claimed_at=an_hour_ago, send_started_at=an_hour_ago
    )
    found = services.deliveries_reconcile()
    assert found["unconfirmed"] == [delivery_id]
    assert services.deliveries_send(delivery_ids=[delivery_id]) == {}
    assert smtp_server.recipients() == []
    assert Delivery.objects.get(pk=delivery_id).status == "unconfirmed"
    # Staff may decide to resend explicitly.
    ids = services.deliveries_resend(notification_id=notification.pk, include_unconfirmed=True)
    services.deliveries_send(delivery_ids=ids)
    assert smtp_server.recipients() == [focal_point.primary_email]


def test_claimed_rows_never_handed_to_smtp_are_sent_after_a_crash(smtp_server, media_root):
    people = [make_focal_point("PE", email_address=f"pe{i}@example.org") for i in range(3)]
    notification = issued()
    ids = services.deliveries_create(notification=notification)
    an_hour_ago = timezone.now() - datetime.timedelta(hours=1)
    # A worker claimed the whole batch, handed the first message to SMTP, then died.
    Delivery.objects.filter(pk__in=ids).update(status="sending", claimed_at=an_hour_ago, attempts=1)
    Delivery.objects.filter(pk=ids[0]).update(send_started_at=an_hour_ago)
    found = services.deliveries_reconcile()
    assert found["unconfirmed"] == [ids[0]]
    assert found["released"] == ids[1:] and found["due"] == ids[1:]
    assert services.deliveries_send(delivery_ids=found["due"]) == {"sent": 2}
    assert sorted(Delivery.objects.filter(pk__in=ids[1:]).values_list("attempts", flat=True)) == [
        1,
        1,
    ]
    assert sorted(smtp_server.recipients()) == [p.primary_email for p in people[1:]]


def test_issued_notification_whose_dispatch_task_was_lost_is_dispatched_again(
    smtp_server, media_root
):
    people = [make_focal_point("PE", email_address=f"lost{i}@example.org") for i in range(2)]
    notification = issued()  # issued, but its dispatch task never ran (the broker lost it)
    later = timezone.now() + datetime.timedelta(hours=1)
    assert services.notifications_undispatched() == []  # not yet overdue
    assert services.notifications_undispatched(now=later) == [notification.pk]

    ids = services.notification_dispatch(notification=notification)
    assert len(ids) == 2
    assert services.notifications_undispatched(now=later) == []
    # Dispatching again (a duplicate task) creates nothing twice.
    assert services.notification_dispatch(notification=notification) == ids
    assert services.deliveries_send(delivery_ids=ids) == {"sent": 2}
    assert sorted(smtp_server.recipients()) == sorted(p.primary_email for p in people)


def test_batches_over_one_connection_record_every_answer(smtp_server, media_root, settings):
    settings.NOTIFICATIONS_CLAIM_BATCH = 4
    settings.NOTIFICATIONS_RECORD_EVERY = 3
    for i in range(10):
        make_focal_point("NO", email_address=f"no{i}@example.org")
    smtp_server.answers["no4@example.org"] = "451 4.3.0 Mailbox busy, try later"
    smtp_server.answers["no7@example.org"] = "550 5.1.1 No such user"
    notification = issued()
    assert dispatch(notification) == {"sent": 8, "deferred": 1, "failed": 1}
    assert sorted(smtp_server.recipients()) == sorted(
        f"no{i}@example.org" for i in range(10) if i not in (4, 7)
    )
    states = dict(Delivery.objects.values_list("email", "status"))
    assert states["no4@example.org"] == "deferred" and states["no7@example.org"] == "failed"
    assert SuppressedAddress.objects.filter(email="no7@example.org").exists()
    assert Delivery.objects.filter(status="sending").count() == 0


def test_smtp_server_down_defers_everything(settings, media_root):
    from notifications.mail.sink import free_port

    settings.EMAIL_PORT = free_port()  # nothing listens there
    make_focal_point("MX")
    notification = issued()
    assert dispatch(notification) == {"deferred": 1}


def test_pdf_letters_contain_arabic_and_chinese_titles(media_root):
    notification = issued(languages=("en", "ar", "zh-hans"))
    services.letters_prepare(notification=notification)
    for language in ("ar", "zh-hans"):
        letter = notification.letters.get(language=language)
        text = subprocess.run(
            ["pdftotext", "-enc", "UTF-8", letter.file.path, "-"],
            capture_output=True,
            check=True,
            text=True,
        ).stdout
        assert TITLES[language] in " ".join(text.split()), text[:500]
        assert "2014-001" in text


def test_reminder_sent_once_per_recipient(smtp_server, media_root):
    make_focal_point("AR", language="es")
    make_focal_point("CL", language="fr")
    today = timezone.localdate()
    notification = issued(
        languages=("en", "es", "fr"), action_required_by=today + datetime.timedelta(days=3)
    )
    dispatch(notification)
    # Notified a week ago (a reminder never follows the notification itself at once).
    Delivery.objects.filter(notification=notification).update(
        sent_at=timezone.now() - datetime.timedelta(days=7)
    )
    before = len(smtp_server.recipients())
    assert services.reminders_send(today=today) == 2
    assert services.reminders_send(today=today) == 0
    reminders = smtp_server.messages()[before:]
    assert len(reminders) == 2
    subjects = sorted(m["Subject"] for m in reminders)
    assert any("Rappel" in s for s in subjects) and any("Recordatorio" in s for s in subjects)


def test_each_message_is_stamped_in_one_statement_and_the_session_left_as_it_was(
    smtp_server, media_root
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for i in range(4):
        make_focal_point("NO", email_address=f"stamp{i}@example.org")
    ids = services.deliveries_create(notification=issued())
    with CaptureQueriesContext(connection) as captured:
        assert services.deliveries_send(delivery_ids=ids) == {"sent": 4}
    statements = [query["sql"] for query in captured.captured_queries]
    assert sum(sql.startswith("UPDATE") and "SET send_started_at" in sql for sql in statements) == 4
    # On PostgreSQL the stamps skip the WAL flush for the session, not per message (it was
    # a SET LOCAL in a transaction of its own around each stamp: four round trips).
    assert sum("synchronous_commit TO OFF" in sql for sql in statements) <= 1
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SHOW synchronous_commit")
            assert cursor.fetchone()[0] == "on"
