"""django-q2 tasks: thin, taking ids, each calling one service. All idempotent."""

from cms.database_retry import retry_on_database_disconnect
from helpdesk.services import award, contact, inbound, mail, sla_escalation, tracker


@retry_on_database_disconnect
def ticket_mail_send(mail_id: int) -> bool:
    return mail.ticket_mail_send(mail_id)


@retry_on_database_disconnect
def tickets_escalate() -> int:
    return sla_escalation.tickets_escalate_overdue()


@retry_on_database_disconnect
def mailbox_poll() -> int:
    return inbound.mailbox_poll()


@retry_on_database_disconnect
def tracker_links_check() -> int:
    return tracker.national_sites_check_links()


@retry_on_database_disconnect
def award_answers_translate(entry_id: int, language: str) -> str:
    return award.award_answers_translate(entry_id=entry_id, language=language)


@retry_on_database_disconnect
def contact_confirmation_send(contact_id: int) -> bool:
    return contact.contact_confirmation_send(contact_id)
