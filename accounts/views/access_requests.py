"""The public "request access" form and the verification list."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.translation import get_language, gettext
from django.views.decorators.http import require_POST

from accounts.errors import AccountsError
from accounts.forms import AccessRequestForm
from accounts.selectors import access_requests_visible
from accounts.services.access_requests import (
    access_request_reject,
    access_request_submit,
    access_request_verify,
)
from accounts.services.roles import user_is_accounts_staff
from cms.client_address import client_address
from cms.models import Party
from cms.ratelimit import rate_limit_hit


def access_request(request):
    initial = {}
    party = Party.objects.filter(code=request.GET.get("party", "").upper()[:2]).first()
    if party is not None:
        initial["party"] = party
    form = AccessRequestForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if data["website"]:
            return redirect("access_request_sent")
        key = f"accounts:access-request:{client_address(request)}"
        if rate_limit_hit(key, settings.ACCOUNTS_FORM_RATE, 3600) is not None:
            form.add_error(None, gettext("Too many requests. Please try again in an hour."))
            return render(request, "accounts/access_request.html", {"form": form}, status=429)
        try:
            access_request_submit(
                party=data["party"],
                name=data["name"],
                email=data["email"],
                position=data["position"],
                role=data["role"],
                message=data["message"],
                language=get_language(),
            )
        except AccountsError as error:
            form.add_error(None, str(error))
        else:
            return redirect("access_request_sent")
    return render(request, "accounts/access_request.html", {"form": form})


def access_request_sent(request):
    return render(request, "accounts/access_request_sent.html")


@login_required
def access_requests(request):
    profile = getattr(request.user, "profile", None)
    if not user_is_accounts_staff(request.user) and not (
        profile is not None and profile.is_authorized_for_party
    ):
        raise PermissionDenied
    listed = access_requests_visible(request.user)[:500]
    return render(request, "accounts/access_requests.html", {"requests": listed})


@login_required
@require_POST
def access_request_decide(request, request_id: int, decision: str):
    decide = access_request_verify if decision == "verify" else access_request_reject
    try:
        decided = decide(request_id=request_id, by=request.user)
    except AccountsError as error:
        messages.error(request, str(error))
    else:
        if decided.status == decided.Status.VERIFIED:
            text = gettext("Verified: %(name)s was invited to set a password.")
        else:
            text = gettext("Rejected: %(name)s was told.")
        messages.success(request, text % {"name": decided.name})
    return redirect("access_requests")
