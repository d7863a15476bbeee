"""The demo mail sink in the admin: a read-only mail reader."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.urls import reverse

from notifications import services
from notifications.services.mail_sink import sink_message_store
from tests.notifications.conftest import TITLES, make_focal_point, make_notification

pytestmark = pytest.mark.django_db


def test_staff_read_a_received_message_with_its_parts_and_attachment(
    client, smtp_server, media_root
):
    client.force_login(get_user_model().objects.create_superuser("dev", "dev@example.org", "x"))
    arabic = make_focal_point("EG", language="ar")
    notification = services.notification_issue(
        notification_id=make_notification(languages=("en", "ar")).pk,
        issue_date=datetime.date(2014, 8, 26),
        dispatch=False,
    )
    services.deliveries_send(delivery_ids=services.deliveries_create(notification=notification))
    [(recipient, raw)] = smtp_server.raw
    stored = sink_message_store("chm@example.org", recipient, raw)
    inspect = reverse("wagtailsnippets_notifications_sinkmessage:inspect", args=[stored.pk])
    edit = reverse("wagtailsnippets_notifications_sinkmessage:edit", args=[stored.pk])

    listing = client.get(reverse("wagtailsnippets_notifications_sinkmessage:list"))
    html = listing.content.decode()
    assert inspect in html and edit not in html
    assert client.get(edit).status_code in (302, 403)  # nothing to edit, nothing saved

    page = BeautifulSoup(client.get(inspect).content.decode(), "html.parser")
    headers = dict(
        zip(
            [dt.get_text(strip=True) for dt in page.select(".mail-headers dt")],
            [dd.get_text(strip=True) for dd in page.select(".mail-headers dd")],
            strict=True,
        )
    )
    assert headers["Subject"].endswith(TITLES["ar"])
    assert arabic.primary_email in headers["To"]
    assert "(ar)" in page.select_one("[data-testid=language]").get_text()
    assert TITLES["ar"] in page.select_one("pre.mail-text").get_text()
    frame = page.select_one("iframe.mail-html")
    assert frame.has_attr("sandbox") and not frame["sandbox"]  # everything forbidden
    assert "<h1>" in frame["srcdoc"]  # the HTML part, shown inside the sandbox only
    assert not page.select(".mail-message h1")
    [link] = page.select(".mail-attachments a")
    assert link.get_text(strip=True) == f"ntf-{notification.number}-{notification.slug}-ar.pdf"
    download = client.get(link["href"])
    assert download["Content-Disposition"].startswith("attachment;")
    assert download.content.startswith(b"%PDF")
