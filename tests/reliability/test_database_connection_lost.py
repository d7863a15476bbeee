"""PostgreSQL drops the connection in the middle of a request and in the middle of a task.

The drop is real: a trigger makes the server end the backend that runs the statement
(`pg_terminate_backend(pg_backend_pid())`, what an administrator or a failover does), once,
at a chosen write. The request must answer a clear error in the visitor's language and leave
nothing half-saved; the task must succeed when it runs again on a fresh connection.
"""

from __future__ import annotations

from contextlib import contextmanager

import pytest
from django.contrib.auth.models import User
from django.db import connection
from wagtail.models import Locale

from cms.models import Party, UserProfile
from helpdesk.models import Ticket, TicketEvent, TicketMail
from notifications import services
from notifications.mail.sink import sink_start
from notifications.models import Delivery
from notifications.tasks import deliveries_send_task
from tests.notifications.conftest import Mailbox, make_focal_point, make_notification

# Transactional: the drop ends the server-side transaction, so each test must commit what it
# sets up for "nothing half-saved" to mean anything.
pytestmark = [
    pytest.mark.reliability,
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
]

LANGUAGES = ("ar", "en", "es", "fr", "ru", "zh-hans")


@contextmanager
def connection_dropped_once_at(table: str, when: str = "BEFORE INSERT"):
    """The first `when` statement on `table` ends its own connection, server-side.

    A sequence counts the firings: sequences are not transactional, so the count survives
    the rollback and the second attempt goes through.
    """
    statements = [
        "CREATE SEQUENCE chm_drop_once",
        """CREATE FUNCTION chm_drop_connection_once() RETURNS trigger AS $$
           BEGIN
             IF nextval('chm_drop_once') = 1 THEN
               PERFORM pg_terminate_backend(pg_backend_pid());
             END IF;
             RETURN NEW;
           END $$ LANGUAGE plpgsql""",
        f"""CREATE TRIGGER chm_drop_connection_once {when} ON "{table}"
            FOR EACH ROW EXECUTE FUNCTION chm_drop_connection_once()""",
    ]
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)
    try:
        yield
    finally:
        connection.close()  # the dropped one, if the test left it open
        with connection.cursor() as cursor:
            fired = cursor.execute("SELECT last_value, is_called FROM chm_drop_once").fetchone()
            cursor.execute(f'DROP TRIGGER chm_drop_connection_once ON "{table}"')
            cursor.execute("DROP FUNCTION chm_drop_connection_once()")
            cursor.execute("DROP SEQUENCE chm_drop_once")
        assert fired[1], f"the connection was never dropped: no {when} on {table}"


def reference_data() -> None:
    """What the data migrations made; a transactional test before this one flushed it."""
    for code in LANGUAGES:
        Locale.objects.get_or_create(language_code=code)
    Party.objects.get_or_create(
        code="FR", defaults={"region": "weog", "names": {"en": "France", "fr": "France"}}
    )


def test_request_that_loses_the_database_says_so_and_saves_nothing(client):
    reference_data()
    user = User.objects.create_user("marie-db", "marie-db@example.org", "pw-for-tests-123")
    UserProfile.objects.create(
        user=user,
        preferred_language="fr",
        party=Party.objects.get(code="FR"),
        party_role=UserProfile.PartyRole.AUTHORIZED,
    )
    client.force_login(user)
    # The ticket row is written, then the connection dies at its first event row.
    with connection_dropped_once_at(TicketEvent._meta.db_table):
        response = client.post(
            "/fr/helpdesk/new/",
            {"category": "other", "subject": "Site national", "description": "Aide, svp."},
        )
    assert response.status_code == 503
    assert response["Retry-After"]
    body = response.content.decode()
    assert 'lang="fr"' in body
    assert "Rien de ce que vous avez envoyé n’a été enregistré" in body
    # Nothing half-saved: no ticket, no event, no e-mail queued.
    assert not Ticket.objects.exists()
    assert not TicketEvent.objects.exists()
    assert not TicketMail.objects.exists()

    # The same form sent again, with the database back, files the ticket once.
    response = client.post(
        "/fr/helpdesk/new/",
        {"category": "other", "subject": "Site national", "description": "Aide, svp."},
    )
    assert response.status_code == 302
    assert Ticket.objects.get().subject == "Site national"


def test_task_that_loses_the_database_succeeds_on_retry(settings, tmp_path):
    reference_data()
    settings.MEDIA_ROOT = tmp_path / "media"
    people = [make_focal_point("FR", language="fr") for _ in range(12)]
    notification = services.notification_issue(
        notification_id=make_notification(languages=("en", "fr")).pk, dispatch=False
    )
    ids = services.deliveries_create(notification=notification)
    mailbox = Mailbox()
    controller = sink_start(mailbox.store)
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", controller.port
    try:
        # The worker's claim (its first write) loses the connection; the task reconnects
        # and runs again.
        with connection_dropped_once_at(Delivery._meta.db_table, when="BEFORE UPDATE"):
            result = deliveries_send_task(ids)
    finally:
        controller.stop()
    assert result == {"sent": 12}
    assert set(Delivery.objects.filter(pk__in=ids).values_list("status", flat=True)) == {"sent"}
    recipients = mailbox.recipients()
    assert sorted(recipients) == sorted(person.primary_email for person in people)
