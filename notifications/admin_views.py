"""Staff screens in the Wagtail admin: issue, withdraw, deliveries, verification."""

from django.contrib.admin.views.decorators import staff_member_required
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.admin import messages

from notifications import selectors, services
from notifications.models import Delivery, Notification
from notifications.tasks import deliveries_enqueue

ACTIONS = {
    "approve": services.notification_approve,
    "issue": services.notification_issue,
    "withdraw": services.notification_withdraw,
}
FOCAL_POINT_ACTIONS = {
    "verify": services.focal_point_verify,
    "activate": services.focal_point_activate,
}


@staff_member_required
@require_POST
def notification_action(request, pk: int, action: str):
    service = ACTIONS.get(action)
    if service is None or not request.user.has_perm("notifications.change_notification"):
        messages.error(request, _("You are not allowed to do that."))
        return redirect("wagtailsnippets_notifications_notification:list")
    kwargs = {"notification_id": pk, "user": request.user}
    if action == "withdraw":
        kwargs["reason"] = request.POST.get("reason", "")[:2000]
    try:
        notification = service(**kwargs)
    except services.NotificationsError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            _("Notification %(number)s: %(status)s.")
            % {
                "number": notification.number or notification.pk,
                "status": notification.get_status_display(),
            },
        )
    return redirect("notifications_admin:deliveries", pk=pk)


@staff_member_required
def notification_deliveries(request, pk: int):
    notification = get_object_or_404(Notification, pk=pk)
    status = request.GET.get("status", "")
    deliveries = notification.deliveries.select_related("focal_point__party").order_by("pk")
    if status in Delivery.Status.values:
        deliveries = deliveries.filter(status=status)
    return TemplateResponse(
        request,
        "notifications/admin/deliveries.html",
        {
            "notification": notification,
            "counts": selectors.notification_delivery_counts(notification),
            "statuses": Delivery.Status.choices,
            "deliveries": deliveries[:500],
            "status": status,
        },
    )


@staff_member_required
@require_POST
def notification_resend(request, pk: int):
    if not request.user.has_perm("notifications.change_notification"):
        messages.error(request, _("You are not allowed to do that."))
        return redirect("notifications_admin:deliveries", pk=pk)
    ids = services.deliveries_resend(
        notification_id=pk,
        user=request.user,
        include_unconfirmed=request.POST.get("include_unconfirmed") == "1",
    )
    transaction.on_commit(lambda: deliveries_enqueue(ids))
    messages.success(request, _("%(count)s deliveries queued again.") % {"count": len(ids)})
    return redirect("notifications_admin:deliveries", pk=pk)


@staff_member_required
@require_POST
def focal_point_action(request, pk: int, action: str):
    service = FOCAL_POINT_ACTIONS.get(action)
    if service is None or not request.user.has_perm("notifications.change_focalpoint"):
        messages.error(request, _("You are not allowed to do that."))
    else:
        try:
            focal_point = service(user=request.user, focal_point_id=pk)
        except services.NotificationsError as error:
            messages.error(request, error.message)
        else:
            messages.success(
                request,
                _("%(name)s: %(status)s.")
                % {"name": focal_point.full_name, "status": focal_point.get_status_display()},
            )
    return redirect("wagtailsnippets_notifications_focalpoint:list")
