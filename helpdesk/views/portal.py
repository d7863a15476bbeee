"""The Party portal: a Party's users see and answer their own Party's tickets only."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from helpdesk import selectors
from helpdesk.errors import HelpdeskError
from helpdesk.forms import ReplyForm, TicketForm
from helpdesk.services.tickets import ticket_create, ticket_reply


def party_user_required(view):
    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        party = selectors.party_for_user(request.user)
        if party is None:
            return render(request, "helpdesk/not_party_user.html", status=403)
        request.party = party
        return view(request, *args, **kwargs)

    return wrapper


@party_user_required
def ticket_list(request):
    tickets = selectors.tickets_for_user(request.user)
    return render(
        request, "helpdesk/ticket_list.html", {"tickets": tickets, "party": request.party}
    )


@party_user_required
def ticket_new(request):
    form = TicketForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            ticket = ticket_create(
                requester=request.user,
                category=form.cleaned_data["category"],
                subject=form.cleaned_data["subject"],
                description=form.cleaned_data["description"],
                files=form.cleaned_data["files"],
                language=get_language(),
            )
        except HelpdeskError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request, _("Your request %(ref)s was sent.") % {"ref": ticket.reference}
            )
            return redirect("helpdesk:ticket_detail", pk=ticket.pk)
    return render(request, "helpdesk/ticket_new.html", {"form": form})


def _ticket_or_404(request, pk):
    ticket = selectors.ticket_for_user(request.user, pk)
    if ticket is None:
        raise Http404
    return ticket


@party_user_required
def ticket_detail(request, pk: int):
    ticket = _ticket_or_404(request, pk)
    form = ReplyForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            ticket_reply(
                ticket=ticket,
                author=request.user,
                body=form.cleaned_data["body"],
                files=form.cleaned_data["files"],
            )
        except HelpdeskError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Your message was added."))
            return redirect("helpdesk:ticket_detail", pk=ticket.pk)
    return render(
        request,
        "helpdesk/ticket_detail.html",
        {
            "ticket": ticket,
            "followups": selectors.ticket_public_followups(ticket),
            "attachments": [a for a in ticket.attachments.filter(followup__isnull=True)],
            "form": form,
        },
    )


@party_user_required
def ticket_json(request, pk: int):
    """The ticket as JSON for the Party's own tools: public follow-ups only."""
    ticket = _ticket_or_404(request, pk)
    return JsonResponse(
        {
            "reference": ticket.reference,
            "subject": ticket.subject,
            "description": ticket.description,
            "status": ticket.status,
            "category": ticket.category,
            "created_at": ticket.created_at.isoformat(),
            "followups": [
                {
                    "from_helpdesk": f.by_staff,
                    "body": f.body,
                    "created_at": f.created_at.isoformat(),
                }
                for f in selectors.ticket_public_followups(ticket)
            ],
        }
    )


@login_required
def attachment_download(request, pk: int, attachment_pk: int):
    attachment = selectors.attachment_for_user(request.user, pk, attachment_pk)
    if attachment is None:
        raise Http404
    response = FileResponse(
        attachment.file.open("rb"),
        as_attachment=True,
        filename=attachment.original_name,
        content_type=attachment.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, no-store"
    return response
