"""Building notification e-mails.

Everything except the per-recipient headers is built once per (notification, language)
and kept as bytes, so the PDF is encoded once, not once per recipient.
"""

import datetime
import email.policy
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formataddr, formatdate, parseaddr

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.html import strip_tags

from cms.mail_headers import header_encode
from notifications.mail.smtp import PreQuoted
from notifications.models import Notification, NotificationLetter, NotificationText

_POLICY = email.policy.SMTP


def sender_address() -> str:
    return parseaddr(settings.DEFAULT_FROM_EMAIL)[1]


def message_id_domain() -> str:
    return sender_address().rpartition("@")[2] or "chm.example.org"


def notification_url(notification: Notification, language: str) -> str:
    with translation.override(language):
        path = reverse("notifications:detail", kwargs={"number": notification.number})
    return f"{settings.SITE_URL}{path}"


@dataclass(frozen=True)
class PreparedMessage:
    """A message for one language, lacking only To, Message-ID and Date."""

    language: str
    subject: str
    tail: PreQuoted  # headers common to every recipient, the blank line and the MIME body


def message_prepare(
    *,
    notification: Notification,
    text: NotificationText,
    letter: NotificationLetter | None,
    kind: str = "notification",
    notice_language: str = "",
    due_date: datetime.date | None = None,
) -> PreparedMessage:
    """`notice_language`: the English text goes to people of that language, with a notice
    in their language that an official translation will follow. `due_date`: the date a
    reminder reminds of (the action date or the deadline)."""
    language = text.locale.language_code
    context = {
        "notification": notification,
        "text": text,
        "url": notification_url(notification, notice_language or language),
        "language": language,
        "notice_language": notice_language,
        "due_date": due_date,
    }
    with translation.override(language):
        subject = render_to_string(f"notifications/email/{kind}_subject.txt", context)
        subject = " ".join(subject.splitlines()).strip()
        html = render_to_string(f"notifications/email/{kind}.html", context)
        context["body_text"] = html_to_text(text.body)
        plain = render_to_string(f"notifications/email/{kind}.txt", context)

    message = EmailMessage(policy=_POLICY)
    message["From"] = settings.DEFAULT_FROM_EMAIL
    message["X-CHM-Notification"] = notification.number or ""
    message.set_content(plain)
    message.add_alternative(html, subtype="html")
    if letter is not None:
        with letter.file.open("rb") as handle:
            pdf = handle.read()
        message.add_attachment(
            pdf,
            maintype="application",
            subtype="pdf",
            filename=notification.letter_filename(letter.language),
        )
    # Last: building the body moves Content-* headers into the first part.
    message["Content-Language"] = language
    tail = header_line("Subject", subject) + message.as_bytes()
    return PreparedMessage(language=language, subject=subject, tail=PreQuoted.of(tail))


def header_line(name: str, value: str) -> bytes:
    """`Name: value` + CRLF, decoding to exactly `value` (see cms.mail_headers)."""
    return f"{name}: {header_encode(name, value)}\r\n".encode("ascii")


def message_bytes(*, prepared: PreparedMessage, name: str, address: str, message_id: str) -> bytes:
    if name and not name.isascii():
        to = header_line("To", name)[:-2] + f" <{address}>\r\n".encode("ascii", "replace")
    else:  # formataddr quotes an ASCII name that holds a comma or a quote
        to = f"To: {formataddr((name, address))}\r\n".encode("ascii", "replace")
    head = f"Message-ID: {message_id}\r\nDate: {formatdate(usegmt=True)}\r\n"
    # Header lines never start with a dot, so head + stuffed tail is still stuffed.
    return PreQuoted(to + head.encode("ascii", "replace") + prepared.tail)


def html_to_text(html: str) -> str:
    # Paragraph and line breaks survive as blank lines; the rest of the markup goes.
    for tag in ("</p>", "<br>", "<br/>", "</li>", "</h2>", "</h3>", "</h4>"):
        html = html.replace(tag, tag + "\n\n" if tag == "</p>" else tag + "\n")
    text = strip_tags(html)
    lines = [line.strip() for line in text.splitlines()]
    out, blank = [], False
    for line in lines:
        if line:
            out.append(line)
            blank = False
        elif not blank:
            out.append("")
            blank = True
    return "\n".join(out).strip()
