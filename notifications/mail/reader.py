"""Reading a stored message as a mail client would: decoded headers, parts, attachments."""

import email
import email.policy
from dataclasses import dataclass, field
from email.message import EmailMessage

HEADERS = ("From", "To", "Subject", "Date", "Message-ID", "Content-Language")


@dataclass(frozen=True)
class Attachment:
    index: int
    filename: str
    content_type: str
    size: int


@dataclass
class ReadMessage:
    headers: list[tuple[str, str]]
    language: str
    text: str = ""
    html: str = ""
    attachments: list[Attachment] = field(default_factory=list)


def message_parse(raw: bytes) -> EmailMessage:
    return email.message_from_bytes(raw, policy=email.policy.default)


def message_read(raw: bytes) -> ReadMessage:
    message = message_parse(raw)
    read = ReadMessage(
        headers=[(name, str(message[name])) for name in HEADERS if message[name] is not None],
        language=str(message.get("Content-Language", "")),
    )
    plain = message.get_body(("plain",))
    html = message.get_body(("html",))
    read.text = plain.get_content() if plain is not None else ""
    read.html = html.get_content() if html is not None else ""
    read.attachments = [
        Attachment(
            index=index,
            filename=part.get_filename() or f"attachment-{index}",
            content_type=part.get_content_type(),
            size=len(part.get_payload(decode=True) or b""),
        )
        for index, part in enumerate(message.iter_attachments())
    ]
    return read


def attachment_get(raw: bytes, index: int) -> tuple[Attachment, bytes] | None:
    for position, part in enumerate(message_parse(raw).iter_attachments()):
        if position == index:
            data = part.get_payload(decode=True) or b""
            name = part.get_filename() or f"attachment-{index}"
            return Attachment(index, name, part.get_content_type(), len(data)), data
    return None
