"""Staff views in the Wagtail admin: the ticket queue and the ticket desk."""

from functools import wraps

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from cms.admin_access import admin_forbidden
from cms.csv_export import csv_response, spreadsheet_time
from cms.numbers import whole_number
from helpdesk import selectors
from helpdesk.errors import HelpdeskError
from helpdesk.forms import StaffReplyForm, TicketPropertiesForm
from helpdesk.models import TRANSITIONS, Category, Ticket
from helpdesk.services.sla import sla_state
from helpdesk.services.tickets import ticket_merge, ticket_reply, ticket_status_set, ticket_update


def staff_only(view):
    """Helpdesk staff only; anyone else with admin access gets the admin's 403 page (not
    Wagtail's silent redirect to the dashboard that a PermissionDenied gives)."""

    @wraps(view)
    def checked(request, *args, **kwargs):
        if not selectors.user_is_staff(request.user):
            return admin_forbidden(request)
        return view(request, *args, **kwargs)

    return checked


@staff_only
def ticket_index(request):
    tickets = selectors.tickets_for_staff(request.user, request.GET)
    if request.GET.get("format") == "csv":
        return _tickets_csv(tickets)
    rows = [(ticket, sla_state(ticket)) for ticket in tickets[:500]]
    return TemplateResponse(
        request,
        "helpdesk/admin/ticket_index.html",
        {
            "rows": rows,
            "header_title": _("Helpdesk tickets"),
            "page_title": _("Helpdesk tickets"),
            "categories": Category.choices,
            "statuses": Ticket.Status.choices,
            "priorities": Ticket.Priority.choices,
            "params": request.GET,
        },
    )


def _tickets_csv(tickets) -> HttpResponse:
    """Every ticket of the filtered list (not only the 500 shown), labels in the user's
    language, times in ISO 8601 UTC so that spreadsheets sort them."""
    sla_labels = {"overdue": _("Overdue"), "due": _("Due soon")}
    header = [
        _("Reference"), _("Subject"), _("Party"), _("Requester"), _("Queue"), _("Status"),
        _("Priority"), _("Assigned to"), _("Created"), _("SLA"), _("Due"),
    ]  # fmt: skip
    rows = (
        [
            ticket.reference,
            ticket.subject,
            ticket.party.name if ticket.party else "",
            ticket.requester_email,
            ticket.get_category_display(),
            ticket.get_status_display(),
            ticket.get_priority_display(),
            ticket.assignee.get_username() if ticket.assignee else "",
            spreadsheet_time(ticket.created_at),
            sla_labels.get(sla_state(ticket), ""),
            spreadsheet_time(
                ticket.resolution_due if ticket.first_responded_at else ticket.first_response_due
            ),
        ]
        for ticket in tickets.order_by("pk").iterator()
    )
    return csv_response("helpdesk-tickets.csv", header, rows)


@staff_only
def ticket_desk(request, pk: int):
    ticket = get_object_or_404(
        Ticket.objects.select_related("party", "requester", "assignee"), pk=pk
    )
    reply_form = StaffReplyForm()
    properties_form = TicketPropertiesForm(instance=ticket)
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "reply":
                reply_form = StaffReplyForm(request.POST, request.FILES)
                if reply_form.is_valid():
                    _staff_reply(request, ticket, reply_form.cleaned_data)
                    return redirect("helpdesk_admin:ticket", pk=ticket.pk)
            elif action == "properties":
                properties_form = TicketPropertiesForm(
                    request.POST, instance=Ticket.objects.get(pk=pk)
                )
                if properties_form.is_valid():
                    data = properties_form.cleaned_data
                    ticket_update(
                        ticket=ticket,
                        actor=request.user,
                        category=data["category"],
                        priority=data["priority"],
                        assignee=data["assignee"],
                    )
                    messages.success(request, _("Ticket updated."))
                    return redirect("helpdesk_admin:ticket", pk=ticket.pk)
            elif action == "status":
                ticket_status_set(
                    ticket=ticket, status=request.POST.get("status", ""), actor=request.user
                )
                messages.success(request, _("Status changed."))
                return redirect("helpdesk_admin:ticket", pk=ticket.pk)
            elif action == "merge":
                number = request.POST.get("target", "").upper().removeprefix("CHM-").strip()
                target = Ticket.objects.filter(pk=whole_number(number) or 0).first()
                if target is None:
                    raise HelpdeskError(
                        _("There is no ticket %(ref)s.") % {"ref": request.POST.get("target", "")}
                    )
                ticket_merge(source=ticket, target=target, actor=request.user)
                messages.success(request, _("Merged into %(ref)s.") % {"ref": target.reference})
                return redirect("helpdesk_admin:ticket", pk=target.pk)
        except (HelpdeskError, ValueError) as error:
            messages.error(request, str(error))
            ticket.refresh_from_db()
    return TemplateResponse(
        request,
        "helpdesk/admin/ticket_desk.html",
        {
            "ticket": ticket,
            "header_title": f"{ticket.reference} {ticket.subject}",
            "page_title": f"{ticket.reference} {ticket.subject}",
            "followups": ticket.followups.select_related("author").prefetch_related("attachments"),
            "attachments": ticket.attachments.filter(followup__isnull=True),
            "events": selectors.ticket_events(ticket),
            "reply_form": reply_form,
            "properties_form": properties_form,
            "transitions": [
                (s, Ticket.Status(s).label)
                for s in Ticket.Status.values
                if s in TRANSITIONS[ticket.status]
            ],
            "sla": sla_state(ticket),
        },
    )


def _staff_reply(request, ticket: Ticket, data: dict) -> None:
    body = data["body"]
    if not body.strip() and data["canned"] is not None:
        # The canned text in the requester's language, not the staff member's.
        from helpdesk.services.mail import requester_language

        body = data["canned"].body_in(requester_language(ticket))
    ticket_reply(
        ticket=ticket,
        author=request.user,
        body=body,
        internal=data["internal"],
        by_staff=True,
        files=data["files"],
        source="admin",
    )
    if data["status"]:
        ticket.refresh_from_db()
        ticket_status_set(ticket=ticket, status=data["status"], actor=request.user)
    messages.success(
        request,
        _("Internal note added.") if data["internal"] else _("Reply sent to the requester."),
    )
