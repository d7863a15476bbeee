"""Worker side of account mail: the request only queues it (accounts.mail)."""

from django.core.mail import EmailMessage


def account_mail_send(subject: str, body: str, to: str) -> None:
    """Send one rendered account mail; a failure stays in the worker's record, retried by
    django-q2, and never reaches the person's page."""
    EmailMessage(
        subject=subject, body=body, to=[to], headers={"Auto-Submitted": "auto-generated"}
    ).send()
