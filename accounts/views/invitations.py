"""Inviting people (staff for any Party, national authorized users for their own) and
accepting an invitation."""

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language, gettext
from django.views.decorators.http import require_POST

from accounts.errors import AccountsError
from accounts.forms import InvitationAcceptForm, InvitationForm
from accounts.models import Invitation
from accounts.selectors import invitations_visible
from accounts.services.invitations import (
    invitation_accept,
    invitation_create,
    invitation_for_token,
    invitation_revoke,
)
from accounts.services.roles import user_is_accounts_staff
from cms.models import Party


def _parties_for(user):
    if user_is_accounts_staff(user):
        return Party.objects.all()
    profile = getattr(user, "profile", None)
    if profile is not None and profile.is_authorized_for_party:
        return Party.objects.filter(pk=profile.party_id)
    return Party.objects.none()


@login_required
def invitations(request):
    parties = _parties_for(request.user)
    if not parties.exists():
        raise PermissionDenied
    form = InvitationForm(
        request.POST or None, parties=parties, initial={"language": get_language()}
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            invitation, _link = invitation_create(
                email=data["email"],
                name=data["name"],
                language=data["language"],
                party=data["party"],
                role=data["role"],
                by=request.user,
            )
        except AccountsError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request, gettext("Invitation sent to %(email)s.") % {"email": invitation.email}
            )
            return redirect("invitations")
    state = request.GET.get("state", "")
    listed = list(invitations_visible(request.user)[:500])
    if state in Invitation.Status.values:
        listed = [item for item in listed if item.state == state]
    context = {
        "form": form,
        "invitations": listed,
        "states": Invitation.Status.choices,
        "state": state,
    }
    return render(request, "accounts/invitations.html", context)


@login_required
@require_POST
def invitation_revoke_view(request, invitation_id: int):
    try:
        invitation = invitation_revoke(invitation_id=invitation_id, by=request.user)
    except AccountsError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            gettext("The invitation to %(email)s was revoked.") % {"email": invitation.email},
        )
    return redirect("invitations")


def _name_parts(name: str) -> dict:
    """A first guess the invitee corrects: the first word, then the rest."""
    first, _space, last = name.strip().partition(" ")
    return {"first_name": first, "last_name": last}


def invitation_accept_view(request, token: str):
    invitation = invitation_for_token(token)
    if invitation is None:
        return render(request, "accounts/invitation_invalid.html", status=404)
    form = InvitationAcceptForm(
        request.POST or None,
        email=invitation.email,
        initial=_name_parts(invitation.name),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            user = invitation_accept(
                token=token,
                first_name=data["first_name"],
                last_name=data["last_name"],
                password=data["password1"],
            )
        except AccountsError as error:
            form.add_error(None, str(error))
        else:
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            # Straight on to the second factor, in the language of the invitation.
            return redirect(f"{reverse('two_factor_setup')}?next={reverse('account')}")
    context = {"form": form, "invitation": invitation}
    return render(request, "accounts/invitation_accept.html", context)
