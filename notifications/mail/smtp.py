"""One SMTP connection, one recipient per message, with the server's own answer.

Django's SMTP backend drops refused recipients silently when another was accepted
(FINDINGS.md), so we talk to smtplib directly and keep each recipient's reply code.
"""

import smtplib
from dataclasses import dataclass

from django.conf import settings


@dataclass(frozen=True)
class SmtpAnswer:
    code: int | None  # None: the connection failed, no answer from the server
    text: str

    @property
    def accepted(self) -> bool:
        return self.code is not None and 200 <= self.code < 300

    @property
    def temporary(self) -> bool:
        return self.code is None or 400 <= self.code < 500

    @property
    def permanent(self) -> bool:
        return self.code is not None and self.code >= 500


class PreQuoted(bytes):
    """A message already dot-stuffed and CRLF-terminated for DATA (RFC 5321 §4.5.2).

    The body of a notification is the same for every recipient of a language, so it is
    stuffed once when prepared instead of once per message (a 200 KB message costs ~2 ms
    of regex in smtplib each time).
    """

    @classmethod
    def of(cls, data: bytes) -> "PreQuoted":
        quoted = smtplib._quote_periods(data)  # noqa: SLF001 (smtplib's own stuffing)
        return cls(quoted if quoted.endswith(b"\r\n") else quoted + b"\r\n")


class _SMTP(smtplib.SMTP):
    def data(self, msg):
        if not isinstance(msg, PreQuoted):
            return super().data(msg)
        # smtplib's DATA, minus the stuffing already done once per language.
        self.putcmd("data")
        code, reply = self.getreply()
        if code != 354:
            raise smtplib.SMTPDataError(code, reply)
        self.send(msg + b".\r\n")
        return self.getreply()


class SmtpSession:
    def __init__(self) -> None:
        self.connection: _SMTP | None = None

    def open(self) -> None:
        self.close()
        connection = _SMTP(settings.EMAIL_HOST, settings.EMAIL_PORT, timeout=settings.EMAIL_TIMEOUT)
        if settings.EMAIL_USE_TLS:
            connection.starttls()
        if settings.EMAIL_HOST_USER:
            connection.login(settings.EMAIL_HOST_USER, settings.EMAIL_HOST_PASSWORD)
        self.connection = connection

    def close(self) -> None:
        if self.connection is not None:
            try:
                self.connection.quit()
            except (smtplib.SMTPException, OSError):
                self.connection.close()
            self.connection = None

    def __enter__(self) -> "SmtpSession":
        self.open()
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def send(self, *, sender: str, recipient: str, data: bytes) -> SmtpAnswer:
        if self.connection is None:
            return SmtpAnswer(None, "not connected")
        try:
            self.connection.sendmail(sender, [recipient], data)
        except smtplib.SMTPRecipientsRefused as error:
            code, text = error.recipients.get(recipient, (None, b""))
            return SmtpAnswer(code, _text(text))
        except (smtplib.SMTPSenderRefused, smtplib.SMTPDataError) as error:
            return SmtpAnswer(error.smtp_code, _text(error.smtp_error))
        except (smtplib.SMTPException, OSError) as error:
            self.connection = None
            return SmtpAnswer(None, str(error) or error.__class__.__name__)
        return SmtpAnswer(250, "OK")


def _text(value) -> str:
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)
