"""Writes on the focal points registry: the portal, the Wagtail admin's create and edit
screens and the Secretariat's verify/activate/retire buttons all come through here.

Every change leaves a `FocalPointChange` row (the open-data "changed since" feed and the
admin's history panel read it) and an entry in Wagtail's audit log with before and after."""

from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from notifications.models import Category, FocalPoint, FocalPointChange
from notifications.services.errors import NotificationsError

EDITABLE_FIELDS = (
    "categories",
    *FocalPoint.CONTACT_FIELDS,
    "publish_email",
    "publish_phone",
    "publish_address",
)


def user_may_manage_party(user, party_id: int) -> bool:
    """Staff manage every Party; a national authorized user only their own."""
    if user is None or not user.is_authenticated:
        return False
    if user.is_staff:
        return True
    profile = getattr(user, "profile", None)
    return bool(profile and profile.is_authorized_for_party and profile.party_id == party_id)


def _require_party(user, party_id: int) -> None:
    if not user_may_manage_party(user, party_id):
        raise NotificationsError(_("You may only manage the focal points of your own Party."))


def _require_staff(user) -> None:
    if user is None or not user.is_staff:
        raise NotificationsError(_("Only the Secretariat can verify focal points."))


def _clean(data: dict[str, Any]) -> dict[str, Any]:
    cleaned = {key: data[key] for key in EDITABLE_FIELDS if key in data}
    if "categories" in cleaned:
        unknown = set(cleaned["categories"]) - set(Category.values)
        if unknown or not cleaned["categories"]:
            raise NotificationsError(_("Choose at least one valid category."))
    if "emails" in cleaned and not [e for e in cleaned["emails"] if e]:
        raise NotificationsError(_("Give at least one e-mail address."))
    # The public directory links these: only web addresses, never javascript: or data:.
    for website in cleaned.get("websites") or []:
        try:
            URLValidator(schemes=["http", "https"])(website)
        except ValidationError:
            raise NotificationsError(
                _("“%(address)s” is not a web address (http:// or https://).")
                % {"address": website}
            ) from None
    return cleaned


def _log(focal_point: FocalPoint, user, action: str, changes: dict[str, list]) -> None:
    """`changes` maps each changed field to [before, after]."""
    FocalPointChange.objects.create(
        focal_point=focal_point, user=user, action=action, changes=changes
    )
    log(
        instance=focal_point,
        action=f"notifications.focal_point.{action}",
        user=user,
        data={
            "before": {key: pair[0] for key, pair in changes.items()},
            "after": {key: pair[1] for key, pair in changes.items()},
        },
    )


def focal_point_nominate(*, user, party_id: int, data: dict[str, Any]) -> FocalPoint:
    """A Party (or the Secretariat) nominates a focal point; it waits for verification."""
    _require_party(user, party_id)
    cleaned = _clean(data)
    with transaction.atomic():
        focal_point = FocalPoint.objects.create(
            party_id=party_id,
            status=FocalPoint.Status.NOMINATED,
            nominated_at=timezone.now(),
            nominated_by=user,
            **cleaned,
        )
        after = {"party_id": party_id, "status": focal_point.status, **cleaned}
        _log(focal_point, user, "nominated", {k: [None, v] for k, v in after.items()})
    return focal_point


def focal_point_update(
    *, user, focal_point_id: int, data: dict[str, Any], party_id: int | None = None
) -> FocalPoint:
    """Change the editable fields; `party_id` moves the focal point to another Party, which
    the user must be allowed to manage too. Nothing is logged when nothing changed."""
    with transaction.atomic():
        focal_point = FocalPoint.objects.select_for_update().get(pk=focal_point_id)
        _require_party(user, focal_point.party_id)
        if focal_point.status == FocalPoint.Status.RETIRED:
            raise NotificationsError(_("A retired focal point cannot be changed."))
        cleaned = _clean(data)
        if party_id is not None:
            _require_party(user, party_id)
            cleaned["party_id"] = party_id
        changes = {
            key: [getattr(focal_point, key), value]
            for key, value in cleaned.items()
            if getattr(focal_point, key) != value
        }
        for key, value in cleaned.items():
            setattr(focal_point, key, value)
        focal_point.save()
        if changes:
            _log(focal_point, user, "updated", changes)
    return focal_point


def _transition(
    *,
    user,
    focal_point_id: int,
    allowed_from: tuple[str, ...],
    to: str,
    stamp: str,
    staff_only: bool,
    refusal,
) -> FocalPoint:
    with transaction.atomic():
        focal_point = FocalPoint.objects.select_for_update().get(pk=focal_point_id)
        if staff_only:
            _require_staff(user)
        else:
            _require_party(user, focal_point.party_id)
        if focal_point.status not in allowed_from:
            raise NotificationsError(refusal)
        before = focal_point.status
        focal_point.status = to
        setattr(focal_point, f"{stamp}_at", timezone.now())
        setattr(focal_point, f"{stamp}_by", user)
        focal_point.save()
        _log(focal_point, user, stamp, {"status": [before, to]})
    return focal_point


def focal_point_verify(*, user, focal_point_id: int) -> FocalPoint:
    return _transition(
        user=user,
        focal_point_id=focal_point_id,
        allowed_from=(FocalPoint.Status.NOMINATED,),
        to=FocalPoint.Status.VERIFIED,
        stamp="verified",
        staff_only=True,
        refusal=_("Only a nominated focal point can be verified."),
    )


def focal_point_activate(*, user, focal_point_id: int) -> FocalPoint:
    """Only a verified nomination becomes active (and starts receiving notifications)."""
    return _transition(
        user=user,
        focal_point_id=focal_point_id,
        allowed_from=(FocalPoint.Status.VERIFIED,),
        to=FocalPoint.Status.ACTIVE,
        stamp="activated",
        staff_only=True,
        refusal=_("Only a verified focal point can be activated."),
    )


def focal_point_retire(*, user, focal_point_id: int) -> FocalPoint:
    return _transition(
        user=user,
        focal_point_id=focal_point_id,
        allowed_from=(
            FocalPoint.Status.NOMINATED,
            FocalPoint.Status.VERIFIED,
            FocalPoint.Status.ACTIVE,
        ),
        to=FocalPoint.Status.RETIRED,
        stamp="retired",
        staff_only=False,
        refusal=_("This focal point is already retired."),
    )
