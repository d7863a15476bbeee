"""The notifications app in the Wagtail admin: snippets, listing buttons, staff screens."""

from django.urls import include, path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, Panel
from wagtail.admin.ui.menus import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet, SnippetViewSetGroup

from cms.csv_export import SpreadsheetSafeExportMixin
from notifications import admin_views, selectors
from notifications.admin_forms import FocalPointAdminForm, NotificationAdminForm
from notifications.models import (
    Delivery,
    FocalPoint,
    FocalPointChange,
    Notification,
    NotificationText,
    SinkMessage,
    Subject,
    SuppressedAddress,
)


class FocalPointStatusPanel(Panel):
    """Read-only: status, who did each step and when, the audit trail, next actions."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "notifications/admin/focal_point_status_panel.html"

        def is_shown(self) -> bool:
            return bool(self.instance and self.instance.pk)

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            focal_point = self.instance
            context.update(
                focal_point=focal_point,
                steps=[
                    (_("Nominated"), focal_point.nominated_at, focal_point.nominated_by),
                    (_("Verified"), focal_point.verified_at, focal_point.verified_by),
                    (_("Activated"), focal_point.activated_at, focal_point.activated_by),
                    (_("Retired"), focal_point.retired_at, focal_point.retired_by),
                ],
                history=selectors.focal_point_history(focal_point),
                actions=[
                    (action, admin_views.FOCAL_POINT_ACTION_LABELS[action])
                    for action in selectors.focal_point_next_actions(focal_point)
                ],
                next=self.request.get_full_path() if self.request else "",
            )
            return context


class FocalPointIndexView(SpreadsheetSafeExportMixin, IndexView):
    pass


class FocalPointViewSet(SnippetViewSet):
    model = FocalPoint
    icon = "group"
    index_view_class = FocalPointIndexView
    base_form_class = FocalPointAdminForm
    list_display = ["__str__", "party", "categories", "status", "preferred_language"]
    list_filter = ["status", "preferred_language", "party"]
    search_fields = ["first_name", "last_name", "organisation"]
    list_export = [
        "party.code",
        "categories",
        "status",
        "title",
        "first_name",
        "last_name",
        "organisation",
        "department",
        "designation",
        "address",
        "phones",
        "emails",
        "websites",
        "preferred_language",
        "verified_at",
        "activated_at",
        "retired_at",
    ]
    export_headings = {"party.code": gettext_lazy("Party")}
    export_filename = "focal-points"
    panels = [
        FocalPointStatusPanel(heading=gettext_lazy("Status and history")),
        FieldPanel("party"),
        FieldPanel("categories"),
        MultiFieldPanel(
            [FieldPanel("title"), FieldPanel("first_name"), FieldPanel("last_name")],
            heading=gettext_lazy("Name"),
        ),
        FieldPanel("organisation"),
        FieldPanel("department"),
        FieldPanel("designation"),
        FieldPanel("address"),
        FieldPanel("phones"),
        FieldPanel("emails"),
        FieldPanel("websites"),
        FieldPanel("preferred_language"),
        MultiFieldPanel(
            [
                FieldPanel("publish_email"),
                FieldPanel("publish_phone"),
                FieldPanel("publish_address"),
            ],
            heading=gettext_lazy("Published in the directory"),
        ),
    ]


class FocalPointChangeViewSet(SnippetViewSet):
    model = FocalPointChange
    icon = "history"
    list_display = ["focal_point", "action", "user", "at"]
    list_filter = ["action"]
    add_to_admin_menu = False
    inspect_view_enabled = True


class NotificationViewSet(SnippetViewSet):
    model = Notification
    icon = "mail"
    base_form_class = NotificationAdminForm
    list_display = ["__str__", "status", "issue_date", "reference"]
    list_filter = ["status", "year"]
    search_fields = ["number", "reference"]
    panels = [
        FieldPanel("reference"),
        FieldPanel("slug"),
        FieldPanel("categories"),
        FieldPanel("subjects"),
        FieldPanel("meeting_codes"),
        FieldPanel("action_required_by"),
        FieldPanel("deadline"),
        MultiFieldPanel(
            [
                FieldPanel("reminder_dates"),
                FieldPanel("reminder_days_before"),
                FieldPanel("reminder_categories"),
            ],
            heading=gettext_lazy("Reminders"),
        ),
    ]


class NotificationTextViewSet(SnippetViewSet):
    model = NotificationText
    icon = "doc-full"
    list_display = ["title", "notification", "locale", "live"]
    search_fields = ["title"]


class SubjectViewSet(SnippetViewSet):
    model = Subject
    icon = "tag"


class DeliveryViewSet(SnippetViewSet):
    model = Delivery
    icon = "mail"
    list_display = ["email", "notification", "language", "status", "smtp_code", "sent_at"]
    list_filter = ["status", "language"]
    search_fields = ["email"]
    inspect_view_enabled = True
    create_view_enabled = False


class SuppressedAddressViewSet(SnippetViewSet):
    """Deleting a row clears the suppression."""

    model = SuppressedAddress
    icon = "warning"
    list_display = ["email", "reason", "created_at"]
    search_fields = ["email"]


class SinkMessageViewSet(SnippetViewSet):
    model = SinkMessage
    icon = "mail"
    list_display = ["recipient", "subject", "language", "received_at"]
    list_filter = ["language"]
    search_fields = ["recipient", "subject"]
    inspect_view_enabled = True
    inspect_view_fields = [
        "received_at",
        "mail_from",
        "recipient",
        "message_id",
        "language",
        "subject",
    ]
    create_view_enabled = False


class NotificationsGroup(SnippetViewSetGroup):
    menu_label = gettext_lazy("Notifications")
    menu_icon = "mail"
    menu_order = 300
    items = (
        NotificationViewSet,
        NotificationTextViewSet,
        FocalPointViewSet,
        FocalPointChangeViewSet,
        DeliveryViewSet,
        SuppressedAddressViewSet,
        SubjectViewSet,
        SinkMessageViewSet,
    )


register_snippet(NotificationsGroup)


@hooks.register("register_admin_urls")
def register_admin_urls():
    urls = [
        path("<int:pk>/deliveries/", admin_views.notification_deliveries, name="deliveries"),
        path("<int:pk>/resend/", admin_views.notification_resend, name="resend"),
        path(
            "<int:pk>/<slug:action>/", admin_views.notification_action, name="notification-action"
        ),
        path(
            "suppressed/<int:pk>/clear/",
            admin_views.suppression_clear,
            name="suppression-clear",
        ),
        path(
            "focal-points/<int:pk>/<slug:action>/",
            admin_views.focal_point_action,
            name="focal-point-action",
        ),
    ]
    return [path("notifications-staff/", include((urls, "notifications_admin")))]


@hooks.register("register_snippet_listing_buttons")
def notification_buttons(snippet, user, next_url=None):
    if isinstance(snippet, Notification):
        yield MenuItem(
            _("Deliveries and actions"),
            reverse("notifications_admin:deliveries", args=[snippet.pk]),
            icon_name="mail",
            priority=10,
        )
    elif isinstance(snippet, FocalPoint) and user.has_perm("notifications.change_focalpoint"):
        for priority, action in enumerate(selectors.focal_point_next_actions(snippet), start=10):
            yield MenuItem(
                admin_views.FOCAL_POINT_ACTION_LABELS[action],
                reverse("notifications_admin:focal-point-action", args=[snippet.pk, action]),
                icon_name="success" if action != "retire" else "cross",
                priority=priority,
            )
    elif isinstance(snippet, SuppressedAddress) and user.has_perm(
        "notifications.delete_suppressedaddress"
    ):
        yield MenuItem(
            _("Clear suppression"),
            reverse("notifications_admin:suppression-clear", args=[snippet.pk]),
            icon_name="undo",
            priority=10,
        )


@hooks.register("after_edit_snippet")
@hooks.register("after_create_snippet")
def focal_point_audit(request, instance):
    # Staff edits in the admin are recorded like portal edits.
    if isinstance(instance, FocalPoint):
        FocalPointChange.objects.create(
            focal_point=instance, user=request.user, action="edited in admin", changes={}
        )
