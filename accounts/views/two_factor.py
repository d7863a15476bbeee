"""Setting up, using and managing the second factor."""

from base64 import b32encode
from urllib.parse import urlencode

import segno
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from accounts.errors import AccountsError
from accounts.forms import CodeForm
from accounts.services.two_factor import (
    recovery_codes_regenerate,
    totp_device_confirm,
    totp_device_pending,
    totp_device_start,
    two_factor_enabled,
    two_factor_remaining_codes,
    two_factor_required,
    two_factor_reset,
)
from accounts.services.two_factor import (
    two_factor_verify as code_verify,
)


def _next(request, default: str = "account") -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    # Only a path on this site: `redirect()` reads anything without a slash as a view name
    # (`?next=1` was a NoReverseMatch, a 500).
    if target.startswith("/") and url_has_allowed_host_and_scheme(
        target, {request.get_host()}, request.is_secure()
    ):
        return target
    return reverse(default)


def _secret_text(device) -> str:
    """The key in groups of four, for typing into an app that cannot scan."""
    secret = b32encode(device.bin_key).decode()
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


@login_required
def two_factor_setup(request):
    """Scan a QR code, type the first code, write down the recovery codes."""
    if two_factor_enabled(request.user) and not request.user.is_verified():
        return redirect(f"{reverse('two_factor_verify')}?{urlencode({'next': _next(request)})}")
    form = CodeForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            try:
                codes = totp_device_confirm(request=request, token=form.cleaned_data["code"])
            except AccountsError as error:
                form.add_error("code", str(error))
            else:
                context = {"codes": codes, "next": _next(request)}
                return render(request, "accounts/two_factor_codes.html", context)
        device = totp_device_pending(user=request.user)
    else:
        device = totp_device_start(user=request.user)
    context = {
        "form": form,
        "qr": segno.make(device.config_url, error="m").svg_data_uri(scale=5, border=2),
        "secret": _secret_text(device),
        "next": _next(request),
        "required": two_factor_required(request.user),
    }
    return render(request, "accounts/two_factor_setup.html", context)


@login_required
def two_factor_verify(request):
    if request.user.is_verified() or not two_factor_enabled(request.user):
        return redirect(_next(request))
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if code_verify(request=request, token=form.cleaned_data["code"]):
            return redirect(_next(request))
        form.add_error(
            "code", gettext("That code is not right. Enter the code your app shows now.")
        )
    return render(
        request, "accounts/two_factor_verify.html", {"form": form, "next": _next(request)}
    )


@login_required
def two_factor_manage(request):
    context = {
        "enabled": two_factor_enabled(request.user),
        "remaining": two_factor_remaining_codes(request.user),
        "required": two_factor_required(request.user),
    }
    return render(request, "accounts/two_factor_manage.html", context)


@login_required
@require_POST
def two_factor_codes(request):
    codes = recovery_codes_regenerate(user=request.user)
    return render(
        request, "accounts/two_factor_codes.html", {"codes": codes, "next": _next(request)}
    )


@login_required
@require_POST
def two_factor_disable(request):
    if two_factor_required(request.user):
        messages.error(
            request,
            gettext("Staff with access to the administration must keep two-factor sign-in."),
        )
        return redirect("two_factor_manage")
    two_factor_reset(user=request.user, by=request.user)
    messages.success(request, gettext("Two-factor sign-in is off."))
    return redirect("two_factor_manage")
