"""Account mail (invitations, access-request answers) in the recipient's language."""

from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation


def account_mail_send_on_commit(
    *, to: str, language: str, subject: str, template: str, context: dict
) -> None:
    """Render now in `language`, send once the surrounding transaction commits.

    `subject` is a lazy or plain message id, translated here; nothing is sent for a write
    that is rolled back.
    """
    with translation.override(language):
        body = render_to_string(template, context)
        subject_line = str(subject)
    message = EmailMessage(
        subject=subject_line, body=body, to=[to], headers={"Auto-Submitted": "auto-generated"}
    )
    transaction.on_commit(message.send)
