"""The issue screen: a summary per language, a refusal, a confirmation, then issue."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.urls import reverse

from notifications.models import Notification
from tests.notifications.conftest import make_focal_point, make_notification

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer(client):
    user = get_user_model().objects.create_superuser("officer", "officer@example.org", "x")
    client.force_login(user)
    return user


def _rows(response) -> dict[str, dict[str, str]]:
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    return {
        row["data-language"]: {
            "state": row["data-state"],
            "recipients": row.select_one("[data-testid=recipients]").get_text(strip=True),
            "choice": bool(row.select("input[name=english_notice]")),
            "actions": [link["data-action"] for link in row.select("a[data-action]")],
        }
        for row in soup.select("tr[data-language]")
    }


def test_summary_refusal_confirmation_then_issue(
    client, officer, django_capture_on_commit_callbacks
):
    make_focal_point("FR", language="fr")
    make_focal_point("MX", language="es")
    make_focal_point("AR", language="es")
    notification = make_notification(languages=("en", "fr"))
    url = reverse("notifications_admin:issue", args=[notification.pk])

    summary = _rows(client.get(url))
    # Machine translation is offered only where a job could write something: French is
    # published (a person's text), Spanish and Russian have no text yet.
    assert summary["fr"] == {
        "state": "published",
        "recipients": "1",
        "choice": False,
        "actions": [],
    }
    assert summary["es"] == {
        "state": "missing",
        "recipients": "2",
        "choice": True,
        "actions": ["machine-translate"],
    }
    assert summary["ru"] == {
        "state": "missing",
        "recipients": "0",
        "choice": False,
        "actions": ["machine-translate"],
    }
    deliveries = client.get(reverse("notifications_admin:deliveries", args=[notification.pk]))
    assert url in deliveries.content.decode()  # the way to issue starts on its own page
    preview = client.get(
        reverse("notifications_admin:letter-preview", args=[notification.pk, "fr"])
    )
    assert "Nomination des correspondants" in preview.content.decode()

    refused = client.post(url, {}, follow=True)
    assert "No published text for Spanish" in refused.content.decode()
    confirm = client.post(url, {"english_notice": ["es"]})
    text = confirm.content.decode()
    assert "issued and sent to 3 focal points" in text
    assert "Spanish: 2 people, in English with a notice" in text
    assert Notification.objects.get(pk=notification.pk).status == "approved"  # not yet

    with django_capture_on_commit_callbacks(execute=False):
        done = client.post(url, {"english_notice": ["es"], "confirm": "1"})
    assert done.status_code == 302
    notification.refresh_from_db()
    assert notification.status == "issued" and notification.english_notice_languages == ["es"]
    assert client.get(url).status_code == 200  # the summary stays readable afterwards
