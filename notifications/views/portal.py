"""The Party portal: national authorized users manage their own Party's focal points and
answer notifications. Every lookup is scoped to the user's Party."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from notifications import selectors, services
from notifications.forms import FocalPointForm, ResponseForm
from notifications.models import FocalPoint


def _party_id(request) -> int:
    """The Party the user acts for; 404 for anyone who is not a national authorized user
    (so the portal reveals nothing to them)."""
    profile = getattr(request.user, "profile", None)
    if not profile or not profile.is_authorized_for_party:
        raise Http404
    return profile.party_id


def _own_focal_point(request, pk: int) -> FocalPoint:
    # Another Party's id answers 404 exactly like a missing one.
    return get_object_or_404(FocalPoint, pk=pk, party_id=_party_id(request))


@login_required
def portal_home(request):
    party_id = _party_id(request)
    focal_points = FocalPoint.objects.filter(party_id=party_id).order_by("status", "last_name")
    return render(
        request,
        "notifications/portal/home.html",
        {"party": request.user.profile.party, "focal_points": focal_points},
    )


@login_required
def focal_point_create(request):
    party_id = _party_id(request)
    form = FocalPointForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.focal_point_nominate(
                user=request.user, party_id=party_id, data=form.cleaned_data
            )
        except services.NotificationsError as error:
            form.add_error(None, error.message)
        else:
            messages.success(
                request, _("The nomination was sent to the Secretariat for verification.")
            )
            return redirect("notifications:portal")
    return render(request, "notifications/portal/form.html", {"form": form, "focal_point": None})


@login_required
def focal_point_edit(request, pk: int):
    focal_point = _own_focal_point(request, pk)
    form = FocalPointForm(request.POST or None, instance=focal_point)
    if request.method == "POST" and form.is_valid():
        try:
            services.focal_point_update(
                user=request.user, focal_point_id=focal_point.pk, data=form.cleaned_data
            )
        except services.NotificationsError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The focal point was updated."))
            return redirect("notifications:portal")
    return render(
        request, "notifications/portal/form.html", {"form": form, "focal_point": focal_point}
    )


@login_required
@require_POST
def focal_point_retire(request, pk: int):
    focal_point = _own_focal_point(request, pk)
    try:
        services.focal_point_retire(user=request.user, focal_point_id=focal_point.pk)
    except services.NotificationsError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The focal point was retired."))
    return redirect("notifications:portal")


@login_required
def response_create(request, number: str):
    party_id = _party_id(request)
    notification = selectors.notification_public_get(number)
    if notification is None:
        raise Http404
    form = ResponseForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.response_submit(
                user=request.user,
                notification_id=notification.pk,
                party_id=party_id,
                text=form.cleaned_data["text"],
                language=get_language(),
                files=form.cleaned_data["files"],
            )
        except services.NotificationsError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Your response was published."))
            return redirect("notifications:detail", number=notification.number)
    return render(
        request,
        "notifications/portal/respond.html",
        {"form": form, "notification": notification},
    )
