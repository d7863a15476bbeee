"""Account mail (invitations, access-request answers, password resets) in the recipient's
language, rendered in the request and sent by a worker once the request's writes commit:
a mail server that is down never turns a page into an error, and a rolled-back write sends
nothing."""

from django.template.loader import render_to_string
from django.utils import translation

from cms.queue import enqueue


def account_mail_queue(*, subject: str, body: str, to: str) -> None:
    """Queue one rendered mail for the worker (accounts.tasks.account_mail_send)."""
    enqueue("accounts.tasks.account_mail_send", subject, body, to, group="accounts")


def account_mail_send_on_commit(
    *, to: str, language: str, subject: str, template: str, context: dict
) -> None:
    """Render now in `language`, queue the sending once the transaction commits.

    `subject` is a lazy or plain message id, translated here.
    """
    with translation.override(language):
        body = render_to_string(template, context)
        subject_line = str(subject)
    account_mail_queue(subject=subject_line, body=body, to=to)
