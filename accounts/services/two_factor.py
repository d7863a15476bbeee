"""Two-factor sign-in: an authenticator app (TOTP) plus ten one-time recovery codes.

Verification goes device by device through django-otp's `verify_token`, which applies its
throttling (each wrong code doubles the wait) inside a transaction.
"""

import django_otp
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.log_actions import log

from accounts.errors import AccountsError


def _loggable(user):
    """`request.user` arrives wrapped twice in lazy objects (auth, then django-otp), which
    Wagtail's audit log does not recognise as a user: log against the stored row."""
    return get_user_model().objects.get(pk=user.pk)


RECOVERY_CODES = 10


def two_factor_enabled(user) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def two_factor_required(user) -> bool:
    """Staff who can open the Wagtail admin must use a second factor."""
    return settings.ACCOUNTS_ADMIN_REQUIRES_2FA and user.has_perm("wagtailadmin.access_admin")


def totp_device_start(*, user) -> TOTPDevice:
    """A new, unconfirmed authenticator for `user` (an earlier unconfirmed one is dropped)."""
    TOTPDevice.objects.filter(user=user, confirmed=False).delete()
    return TOTPDevice.objects.create(user=user, name="authenticator", confirmed=False)


def totp_device_pending(*, user) -> TOTPDevice:
    """The authenticator being set up (the one whose QR code the person scanned)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or totp_device_start(user=user)


def totp_device_confirm(*, request, token: str) -> list[str]:
    """Confirm the pending authenticator with a first code; returns fresh recovery codes.

    The new authenticator replaces any earlier one, so a lost phone stops working, and
    this session counts as signed in with it.
    """
    user = request.user
    with transaction.atomic():
        device = TOTPDevice.objects.select_for_update().filter(user=user, confirmed=False).first()
        if device is None:
            raise AccountsError(_("Start again: scan the new code with your app."))
        if not device.verify_token(token.strip().replace(" ", "")):
            raise AccountsError(_("That code is not right. Enter the code your app shows now."))
        TOTPDevice.objects.filter(user=user, confirmed=True).delete()
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        codes = _recovery_codes_replace(user)
        log(device.user, "chm.two_factor.enable", user=device.user)
    django_otp.login(request, device)
    return codes


def recovery_codes_regenerate(*, user) -> list[str]:
    with transaction.atomic():
        codes = _recovery_codes_replace(user)
        log(_loggable(user), "chm.two_factor.codes", user=user)
    return codes


def _recovery_codes_replace(user) -> list[str]:
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name="recovery codes", confirmed=True)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create([StaticToken(device=device, token=code) for code in codes])
    return codes


def two_factor_verify(*, request, token: str) -> bool:
    """Check a code from the app or a recovery code; mark the session verified on success."""
    token = token.strip().replace(" ", "")
    user = request.user
    # Six digits are for the app, anything else a recovery code: a wrong code then counts
    # against (and throttles) only the kind of factor it was meant for.
    kind = TOTPDevice if len(token) == 6 and token.isdecimal() else StaticDevice
    for device in kind.objects.filter(user=user, confirmed=True):
        verified = django_otp.verify_token(user, device.persistent_id, token)
        if verified is not None:
            django_otp.login(request, verified)
            if isinstance(verified, StaticDevice):
                log(verified.user, "chm.two_factor.recovery_code_used", user=verified.user)
            return True
    return False


def two_factor_remaining_codes(user) -> int:
    return StaticToken.objects.filter(device__user=user).count()


def two_factor_reset(*, user, by) -> None:
    """Remove every second factor of `user` (lost phone and codes); they set it up anew.

    Only for staff who manage users, the person themself, or `by=None` (the command line).
    """
    if by is not None and by != user and not by.has_perm("auth.change_user"):
        raise AccountsError(_("You may not change this person's sign-in."))
    with transaction.atomic():
        TOTPDevice.objects.filter(user=user).delete()
        StaticDevice.objects.filter(user=user).delete()
        log(_loggable(user), "chm.two_factor.reset", user=by)
