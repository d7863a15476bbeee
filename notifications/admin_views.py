"""Staff screens in the Wagtail admin: issue, withdraw, deliveries, verification."""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.text import capfirst
from django.utils.translation import get_language_info, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.admin import messages

from cms.admin_access import admin_permission_required
from cms.csv_export import csv_response, spreadsheet_time
from notifications import selectors, services
from notifications.models import Delivery, FocalPoint, Notification, SuppressedAddress
from notifications.services.dispatch import deliveries_enqueue

# Issuing has its own screen (admin_issue): a summary per language, then a confirmation.
ACTIONS = {
    "approve": services.notification_approve,
    "withdraw": services.notification_withdraw,
}
FOCAL_POINT_ACTIONS = {
    "verify": services.focal_point_verify,
    "activate": services.focal_point_activate,
    "retire": services.focal_point_retire,
}
FOCAL_POINT_ACTION_LABELS = {
    "verify": gettext_lazy("Verify"),
    "activate": gettext_lazy("Activate"),
    "retire": gettext_lazy("Retire"),
}


@admin_permission_required("notifications.change_notification")
@require_POST
def notification_action(request, pk: int, action: str):
    service = ACTIONS.get(action)
    if service is None:
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


@admin_permission_required("notifications.view_delivery")
def notification_deliveries(request, pk: int):
    notification = get_object_or_404(Notification, pk=pk)
    status = request.GET.get("status", "")
    deliveries = (
        notification.deliveries.select_related("focal_point__party")
        .prefetch_related("reminders")
        .order_by("pk")
    )
    if status in Delivery.Status.values:
        deliveries = deliveries.filter(status=status)
    if request.GET.get("format") == "csv":
        return _deliveries_csv(notification, deliveries)
    return TemplateResponse(
        request,
        "notifications/admin/deliveries.html",
        {
            "notification": notification,
            "counts": selectors.notification_delivery_counts(notification),
            "statuses": Delivery.Status.choices,
            "deliveries": deliveries[:500],
            "status": status,
            "reminder_dates": selectors.notification_reminder_dates(notification),
            "reminder_categories": notification.reminder_categories,
            "english_notice": [
                get_language_info(code)["name_translated"]
                for code in notification.english_notice_languages
            ],
            "translations_to_send": selectors.translations_to_send(notification),
        },
    )


def _deliveries_csv(notification: Notification, deliveries) -> HttpResponse:
    """The record of who was sent the notification, and what became of it: every delivery
    of the filtered list (the page shows 500), labels in the user's language."""

    def label(field: str) -> str:
        return capfirst(Delivery._meta.get_field(field).verbose_name)

    header = [
        _("E-mail"), _("Party"), _("Language"), _("Status"), label("attempts"),
        _("SMTP code"), label("sent_at"), label("delivered_at"), _("Last error"),
    ]  # fmt: skip
    rows = (
        [
            delivery.email,
            delivery.focal_point.party.code,
            delivery.language,
            delivery.get_status_display(),
            delivery.attempts,
            delivery.smtp_code or "",
            spreadsheet_time(delivery.sent_at),
            spreadsheet_time(delivery.delivered_at),
            delivery.last_error,
        ]
        for delivery in deliveries.iterator(chunk_size=2000)
    )
    name = notification.number or f"draft-{notification.pk}"
    return csv_response(f"deliveries-{name}.csv", header, rows)


@admin_permission_required("notifications.change_notification")
@require_POST
def notification_resend(request, pk: int):
    ids = services.deliveries_resend(
        notification_id=pk,
        user=request.user,
        include_unconfirmed=request.POST.get("include_unconfirmed") == "1",
    )
    deliveries_enqueue(ids)
    messages.success(request, _("%(count)s deliveries queued again.") % {"count": len(ids)})
    return redirect("notifications_admin:deliveries", pk=pk)


def _next_url(request, fallback: str) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return fallback


@admin_permission_required("notifications.change_focalpoint")
def focal_point_action(request, pk: int, action: str):
    """GET: confirm (who, what, history); POST: verify / activate / retire, recorded."""
    service = FOCAL_POINT_ACTIONS.get(action)
    listing = reverse("wagtailsnippets_notifications_focalpoint:list")
    if service is None:
        messages.error(request, _("You are not allowed to do that."))
        return redirect(listing)
    focal_point = get_object_or_404(FocalPoint.objects.select_related("party"), pk=pk)
    if request.method != "POST":
        return TemplateResponse(
            request,
            "notifications/admin/focal_point_confirm.html",
            {
                "focal_point": focal_point,
                "action": action,
                "action_label": FOCAL_POINT_ACTION_LABELS[action],
                "history": selectors.focal_point_history(focal_point),
                "next": _next_url(request, listing),
            },
        )
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
    return redirect(_next_url(request, listing))


@admin_permission_required("notifications.delete_suppressedaddress")
def suppression_clear(request, pk: int):
    """GET: confirm; POST: nothing is held back from this address any more (recorded)."""
    listing = reverse("wagtailsnippets_notifications_suppressedaddress:list")
    suppressed = get_object_or_404(SuppressedAddress, pk=pk)
    if request.method != "POST":
        return TemplateResponse(
            request, "notifications/admin/suppression_confirm.html", {"suppressed": suppressed}
        )
    services.suppression_clear(email=suppressed.email, user=request.user)
    messages.success(request, _("%(email)s is no longer suppressed.") % {"email": suppressed.email})
    return redirect(listing)
