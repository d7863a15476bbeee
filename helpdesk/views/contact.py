"""The anonymous contact form and its e-mail confirmation."""

from django.shortcuts import redirect, render
from django.utils.translation import get_language

from cms.client_address import client_address
from helpdesk.errors import HelpdeskError
from helpdesk.forms import ContactForm
from helpdesk.services.contact import (
    ContactRateLimited,
    contact_request_confirm,
    contact_request_submit,
)


def contact(request):
    form = ContactForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if data["website"]:
            # A bot filled the trap: answer as if all went well, keep nothing.
            return redirect("helpdesk:contact_sent")
        try:
            contact_request_submit(
                name=data["name"],
                email=data["email"],
                category=data["category"],
                subject=data["subject"],
                description=data["description"],
                language=get_language(),
                client=client_address(request),
            )
        except HelpdeskError as error:
            form.add_error(None, str(error))
            status = 429 if isinstance(error, ContactRateLimited) else 400
            return render(request, "helpdesk/contact.html", {"form": form}, status=status)
        return redirect("helpdesk:contact_sent")
    return render(request, "helpdesk/contact.html", {"form": form})


def contact_sent(request):
    return render(request, "helpdesk/contact_sent.html")


def contact_confirm(request, token: str):
    if request.method != "POST":
        # Link scanners in mail clients follow GET links: confirming takes a click.
        return render(request, "helpdesk/contact_confirm.html", {"token": token})
    try:
        ticket = contact_request_confirm(token=token)
    except HelpdeskError as error:
        return render(request, "helpdesk/contact_confirm.html", {"error": str(error)}, status=404)
    return render(request, "helpdesk/contact_confirm.html", {"ticket": ticket})
