"""Staff remove a person's second factors (lost phone and recovery codes), from the user
admin, after checking who is asking by another channel than the account's e-mail."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext

from accounts.services.two_factor import two_factor_enabled, two_factor_reset


def two_factor_reset_view(request, user_id: int):
    if not request.user.has_perm("auth.change_user"):
        raise PermissionDenied
    person = get_object_or_404(get_user_model(), pk=user_id)
    if request.method == "POST":
        two_factor_reset(user=person, by=request.user)
        messages.success(
            request,
            gettext("Two-factor sign-in removed for %(user)s.") % {"user": person.get_username()},
        )
        return redirect("wagtailusers_users:edit", person.pk)
    context = {
        "person": person,
        "enabled": two_factor_enabled(person),
        "page_title": gettext("Remove two-factor sign-in"),
    }
    return TemplateResponse(request, "accounts/admin/two_factor_reset.html", context)
