"""Provider webhooks through Anymail's real Mailgun endpoint update the same deliveries."""

import base64
import datetime
import hashlib
import hmac
import json
import time

import pytest

from notifications import services
from notifications.models import Delivery, SuppressedAddress
from tests.notifications.conftest import make_focal_point, make_notification

pytestmark = pytest.mark.django_db

SIGNING_KEY = "test-signing-key"


@pytest.fixture
def anymail_settings(settings):
    settings.ANYMAIL = {
        "WEBHOOK_SECRET": "hook:secret",
        "MAILGUN_WEBHOOK_SIGNING_KEY": SIGNING_KEY,
    }


def post_event(client, message_id: str, event: dict):
    timestamp, token = str(int(time.time())), "a" * 50
    signature = hmac.new(
        SIGNING_KEY.encode(), (timestamp + token).encode(), hashlib.sha256
    ).hexdigest()
    payload = {
        "signature": {"timestamp": timestamp, "token": token, "signature": signature},
        "event-data": {
            "timestamp": time.time(),
            "id": "evt",
            "recipient": "someone@example.org",
            "message": {"headers": {"message-id": message_id.strip("<>")}},
            **event,
        },
    }
    auth = base64.b64encode(b"hook:secret").decode()
    return client.post(
        "/anymail/mailgun/tracking/",
        data=json.dumps(payload),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Basic {auth}",
    )


def sent_delivery() -> Delivery:
    focal_point = make_focal_point("NO")
    notification = make_notification()
    services.notification_issue(
        notification_id=notification.pk, issue_date=datetime.date(2030, 1, 5), dispatch=False
    )
    services.deliveries_create(notification=notification)
    delivery = Delivery.objects.get(focal_point=focal_point)
    Delivery.objects.filter(pk=delivery.pk).update(status="sent")
    return delivery


def test_delivered_event_marks_delivery_delivered(client, anymail_settings):
    delivery = sent_delivery()
    response = post_event(client, delivery.message_id, {"event": "delivered"})
    assert response.status_code == 200
    delivery.refresh_from_db()
    assert delivery.status == "delivered" and delivery.delivered_at is not None


def test_permanent_failure_event_bounces_and_suppresses(client, anymail_settings):
    delivery = sent_delivery()
    response = post_event(
        client,
        delivery.message_id,
        {
            "event": "failed",
            "severity": "permanent",
            "reason": "bounce",
            "delivery-status": {"code": 550, "message": "No such mailbox", "description": ""},
        },
    )
    assert response.status_code == 200
    delivery.refresh_from_db()
    assert delivery.status == "bounced"
    assert SuppressedAddress.objects.filter(email=delivery.email.lower()).exists()


def test_webhook_without_valid_signature_changes_nothing(client, anymail_settings):
    delivery = sent_delivery()
    global SIGNING_KEY
    key, SIGNING_KEY = SIGNING_KEY, "forged"
    try:
        response = post_event(client, delivery.message_id, {"event": "delivered"})
    finally:
        SIGNING_KEY = key
    assert response.status_code == 400
    delivery.refresh_from_db()
    assert delivery.status == "sent"


@pytest.mark.parametrize("provider", ["sendgrid", "postmark", "amazon_ses", "mandrill"])
def test_providers_we_do_not_use_have_no_webhook(client, provider):
    """Only our provider's webhook is mounted; the others answered every request with 500.
    Now the address is like any unknown one: sent to the language's 404 page."""
    response = client.post(
        f"/anymail/{provider}/tracking/", data="{}", content_type="application/json", follow=True
    )
    assert response.status_code == 404
