"""Keeping what the demo SMTP sink receives, so staff can read it in the admin."""

import email
import email.policy

from notifications.models import SinkMessage


def sink_message_store(mail_from: str, recipient: str, data: bytes) -> SinkMessage:
    parsed = email.message_from_bytes(data, policy=email.policy.default)
    return SinkMessage.objects.create(
        mail_from=mail_from or "",
        recipient=recipient,
        subject=str(parsed.get("Subject", ""))[:998],
        message_id=str(parsed.get("Message-ID", ""))[:200],
        language=str(parsed.get("Content-Language", ""))[:10],
        raw=data,
    )
