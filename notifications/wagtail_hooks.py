"""The notifications app in the Wagtail admin: snippets, listing buttons, staff screens."""

from django.urls import include, path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList, Panel
from wagtail.admin.ui.menus import MenuItem
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet, SnippetViewSetGroup

from cms.csv_export import SpreadsheetSafeExportMixin
from notifications import admin_issue, admin_mailbox, admin_views, selectors
from notifications.admin_chooser import NotificationChooserViewSet
from notifications.admin_forms import FocalPointAdminForm, NotificationAdminForm
from notifications.admin_snippet_views import (
    FocalPointCopyView,
    FocalPointCreateView,
    FocalPointEditView,
    NotificationDeleteView,
    NotificationIndexView,
)
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
from notifications.permissions import NotificationPermissionPolicy, ReadOnlyPermissionPolicy

register_permission_policy(Notification, NotificationPermissionPolicy(Notification))
register_permission_policy(SinkMessage, ReadOnlyPermissionPolicy(SinkMessage))


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


class NotificationStatusPanel(Panel):
    """Read-only, at the top of the notification's own page: status, number, and the way
    to its deliveries and to issuing."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "notifications/admin/notification_status_panel.html"

        def is_shown(self) -> bool:
            return bool(self.instance and self.instance.pk)

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["notification"] = self.instance
            return context


class FocalPointViewSet(SnippetViewSet):
    model = FocalPoint
    icon = "group"
    index_view_class = FocalPointIndexView
    add_view_class = FocalPointCreateView
    copy_view_class = FocalPointCopyView
    edit_view_class = FocalPointEditView
    list_display = ["__str__", "party", "categories", "status", "preferred_language"]
    list_filter = ["status", "preferred_language", "party"]
    search_fields = ["first_name", "last_name", "organisation"]
    list_export = [
        "party.code",
        "categories",
        "status",
        *FocalPoint.CONTACT_FIELDS,
        "verified_at",
        "activated_at",
        "retired_at",
    ]
    export_headings = {"party.code": gettext_lazy("Party")}
    export_filename = "focal-points"
    # The form must be given to the edit handler: a viewset's base_form_class alone is
    # ignored, and the JSON lists then showed as raw JSON.
    edit_handler = ObjectList(
        base_form_class=FocalPointAdminForm,
        children=[
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
        ],
    )


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
    index_view_class = NotificationIndexView
    delete_view_class = NotificationDeleteView
    chooser_viewset_class = NotificationChooserViewSet
    list_display = ["__str__", "status", "issue_date", "reference"]
    list_filter = ["status", "year"]
    search_fields = ["number", "reference"]
    edit_handler = ObjectList(
        base_form_class=NotificationAdminForm,
        children=[
            NotificationStatusPanel(heading=gettext_lazy("Status")),
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
        ],
    )


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
    """Read-only: headers, text and HTML parts, attachments (admin_mailbox)."""

    model = SinkMessage
    icon = "mail"
    list_display = ["subject", "recipient", "language", "received_at"]
    list_filter = ["language"]
    search_fields = ["recipient", "subject"]
    inspect_view_enabled = True
    inspect_view_class = admin_mailbox.SinkMessageInspectView
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
        path("<int:pk>/issue/", admin_issue.notification_issue, name="issue"),
        path(
            "<int:pk>/letter/<str:language>/",
            admin_issue.notification_letter_preview,
            name="letter-preview",
        ),
        path(
            "<int:pk>/translation/<str:language>/send/",
            admin_issue.notification_translation_send,
            name="translation-send",
        ),
        path(
            "<int:pk>/<slug:action>/", admin_views.notification_action, name="notification-action"
        ),
        path(
            "mailbox/<int:pk>/attachment/<int:index>/",
            admin_mailbox.sink_attachment,
            name="mail-attachment",
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


@hooks.register("register_log_actions")
def notification_log_actions(actions):
    actions.register_action(
        "notifications.approve", gettext_lazy("Approve"), gettext_lazy("Notification approved")
    )
    actions.register_action(
        "notifications.issue", gettext_lazy("Issue and send"), gettext_lazy("Issued and sent")
    )
    actions.register_action(
        "notifications.withdraw", gettext_lazy("Withdraw"), gettext_lazy("Notification withdrawn")
    )
    actions.register_action(
        "notifications.translation_sent",
        gettext_lazy("Translation sent"),
        gettext_lazy("Translation sent to those who received English"),
    )
    # One per focal point service; data holds the changed fields before and after.
    for action, label, message in FOCAL_POINT_LOG_ACTIONS:
        actions.register_action(f"notifications.focal_point.{action}", label, message)


FOCAL_POINT_LOG_ACTIONS = (
    ("nominated", gettext_lazy("Nominate focal point"), gettext_lazy("Focal point nominated")),
    ("updated", gettext_lazy("Change focal point"), gettext_lazy("Focal point changed")),
    ("verified", gettext_lazy("Verify focal point"), gettext_lazy("Focal point verified")),
    ("activated", gettext_lazy("Activate focal point"), gettext_lazy("Focal point activated")),
    ("retired", gettext_lazy("Retire focal point"), gettext_lazy("Focal point retired")),
)
