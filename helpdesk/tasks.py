"""django-q2 tasks: thin, taking ids, each calling one service. All idempotent."""

from helpdesk.services import inbound, mail, sla_escalation, tracker


def ticket_mail_send(mail_id: int) -> bool:
    return mail.ticket_mail_send(mail_id)


def tickets_escalate() -> int:
    return sla_escalation.tickets_escalate_overdue()


def mailbox_poll() -> int:
    return inbound.mailbox_poll()


def tracker_links_check() -> int:
    return tracker.national_sites_check_links()
