"""The Secretariat's screens in the Wagtail admin and the audit log's action names."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from reports import admin_views
from reports.permissions import user_is_secretariat


@hooks.register("register_log_actions")
def register_report_actions(actions):
    actions.register_action("reports.submit", _("Submit report"), _("Report submitted"))
    actions.register_action("reports.return", _("Return report"), _("Report returned to the Party"))
    actions.register_action("reports.publish", _("Publish report"), _("Report published"))
    actions.register_action("reports.withdraw", _("Withdraw report"), _("Report withdrawn"))
    actions.register_action("reports.file_add", _("Add file"), _("File added"))
    actions.register_action("reports.file_remove", _("Remove file"), _("File removed"))


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("reports/", include((admin_views.urlpatterns, "reports_admin")))]


class SecretariatMenuItem(MenuItem):
    def is_shown(self, request):
        return user_is_secretariat(request.user)


@hooks.register("register_admin_menu_item")
def register_reports_menu():
    return SecretariatMenuItem(
        _("National reports"), reverse("reports_admin:index"), icon_name="doc-full", order=260
    )
