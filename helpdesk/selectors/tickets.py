"""Reads of the helpdesk. Party scoping lives here: every Party-facing read goes through
`tickets_for_user` / `ticket_for_user`, so no view can forget it."""

import datetime
from collections.abc import Mapping

from django.conf import settings
from django.db.models import Q, QuerySet
from django.utils import timezone

from cms.models import Party, UserProfile
from cms.numbers import DATABASE_INT_MAX, whole_number
from helpdesk.models import Attachment, Category, FollowUp, Ticket, TicketEvent
from helpdesk.sla import BusinessHours

PARTY_ROLES = (UserProfile.PartyRole.AUTHORIZED, UserProfile.PartyRole.FOCAL_POINT)
# Statuses in which the resolution clock runs (it pauses while waiting on the Party).
SLA_RUNNING = frozenset({Ticket.Status.NEW, Ticket.Status.OPEN})


def business_hours() -> BusinessHours:
    start, end = settings.HELPDESK_BUSINESS_HOURS
    return BusinessHours(time_zone=settings.HELPDESK_TIME_ZONE, start_hour=start, end_hour=end)


def party_for_user(user) -> Party | None:
    """The Party a signed-in user acts for on the helpdesk (authorized users and focal
    points), or None."""
    if not getattr(user, "is_authenticated", False):
        return None
    profile = getattr(user, "profile", None)
    if profile is None or profile.party_id is None or profile.party_role not in PARTY_ROLES:
        return None
    return profile.party


def user_is_staff(user) -> bool:
    return bool(getattr(user, "is_authenticated", False)) and user.has_perm("helpdesk.work_ticket")


def tickets_for_user(user) -> QuerySet[Ticket]:
    party = party_for_user(user)
    if party is None:
        return Ticket.objects.none()
    return Ticket.objects.filter(party=party).select_related("party")


def ticket_for_user(user, pk: int) -> Ticket | None:
    return tickets_for_user(user).filter(pk=pk).first()


def tickets_overdue(now: datetime.datetime | None = None) -> QuerySet[Ticket]:
    """Tickets past their first-response due time, or past their resolution due time while
    the resolution clock runs."""
    now = now or timezone.now()
    return Ticket.objects.filter(merged_into__isnull=True).filter(
        Q(first_responded_at__isnull=True, first_response_due__lte=now)
        | Q(status__in=SLA_RUNNING, resolution_due__lte=now)
    )


def tickets_for_staff(user, filters: Mapping[str, str]) -> QuerySet[Ticket]:
    """The staff queue, filtered as the ticket list's form asks (unknown values ignored).

    ``filters``: category, status ("all", or one status; default: not closed), priority,
    assignee ("me" / "none"), sla ("overdue"), q (subject, e-mail or CHM-123).
    """
    tickets = Ticket.objects.select_related("party", "assignee").filter(merged_into__isnull=True)
    if filters.get("category") in Category.values:
        tickets = tickets.filter(category=filters["category"])
    if filters.get("status") in Ticket.Status.values:
        tickets = tickets.filter(status=filters["status"])
    elif filters.get("status") != "all":
        tickets = tickets.exclude(status=Ticket.Status.CLOSED)
    if filters.get("priority") in Ticket.Priority.values:
        tickets = tickets.filter(priority=filters["priority"])
    if filters.get("assignee") == "me":
        tickets = tickets.filter(assignee=user)
    elif filters.get("assignee") == "none":
        tickets = tickets.filter(assignee__isnull=True)
    if filters.get("sla") == "overdue":
        tickets = tickets.filter(pk__in=tickets_overdue().values("pk"))
    query = (filters.get("q") or "").strip()
    if query:
        number = query.upper().removeprefix("CHM-")
        condition = Q(subject__icontains=query) | Q(requester_email__icontains=query)
        if whole_number(number) is not None:
            condition |= Q(pk=whole_number(number))
        tickets = tickets.filter(condition)
    return tickets


def ticket_public_followups(ticket: Ticket) -> QuerySet[FollowUp]:
    """The only follow-ups a requester may ever see: public ones."""
    return (
        ticket.followups.filter(visibility=FollowUp.Visibility.PUBLIC)
        .select_related("author")
        .prefetch_related("attachments")
    )


def attachment_for_user(user, ticket_pk: int, pk: int) -> Attachment | None:
    """An attachment the user may download: staff any; a Party user only their Party's,
    and never one attached to an internal note."""
    if max(ticket_pk, pk) > DATABASE_INT_MAX:  # a 20-digit id in the URL overflows the column
        return None
    attachment = (
        Attachment.objects.filter(pk=pk, ticket_id=ticket_pk)
        .select_related("ticket", "followup")
        .first()
    )
    if attachment is None:
        return None
    if user_is_staff(user):
        return attachment
    party = party_for_user(user)
    if party is None or attachment.ticket.party_id != party.pk or not attachment.is_public:
        return None
    return attachment


def ticket_events(ticket: Ticket) -> QuerySet[TicketEvent]:
    return ticket.events.select_related("actor")
