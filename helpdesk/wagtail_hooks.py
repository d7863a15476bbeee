"""Admin integration: ticket desk, award jury, snippets for queues, canned replies and
award calls, and the helpdesk menu."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.admin.panels import ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from helpdesk import admin_award, admin_views
from helpdesk.forms import AwardCallForm
from helpdesk.models import AwardCall, CannedReply, Queue, TicketEvent
from helpdesk.selectors import user_is_staff
from helpdesk.selectors.award import award_calls_for_juror

admin_urlpatterns = [
    path("tickets/", admin_views.ticket_index, name="tickets"),
    path("tickets/<int:pk>/", admin_views.ticket_desk, name="ticket"),
    path("award/", admin_award.award_jury_index, name="award_juries"),
    path("award/<int:pk>/jury/", admin_award.award_jury, name="award_jury"),
    path("award/<int:pk>/publish/", admin_award.award_publish, name="award_publish"),
]


@hooks.register("register_log_actions")
def register_helpdesk_log_actions(actions):
    # A ticket's audit entries mirror its own history (TicketEvent), labelled alike.
    for action, label in TicketEvent.Action.choices:
        actions.register_action(f"helpdesk.ticket.{action}", label, label)
    for action, label in (
        ("national_site.update", _("National CHM record changed")),
        ("award.entry_submit", _("Award entry submitted")),
        ("award.scores_save", _("Award scores saved")),
        ("award.judging_start", _("Jury started")),
        ("award.publish", _("Award results published")),
    ):
        actions.register_action(f"helpdesk.{action}", label, label)


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("helpdesk/", include((admin_urlpatterns, "helpdesk_admin")))]


class StaffMenuItem(MenuItem):
    def is_shown(self, request):
        return user_is_staff(request.user)


class JuryMenuItem(MenuItem):
    """Shown to staff and to invited experts who sit on a jury (they have no other menu)."""

    def is_shown(self, request):
        return user_is_staff(request.user) or award_calls_for_juror(request.user).exists()


class CannedReplyViewSet(SnippetViewSet):
    model = CannedReply
    icon = "comment"
    menu_label = _("Canned replies")
    list_display = ["title"]
    add_to_admin_menu = False


class QueueViewSet(SnippetViewSet):
    model = Queue
    icon = "list-ul"
    list_display = ["category", "lead"]


class AwardCallViewSet(SnippetViewSet):
    model = AwardCall
    icon = "pick"
    list_display = ["__str__", "deadline", "status"]
    edit_handler = ObjectList(AwardCall.panels, base_form_class=AwardCallForm)


register_snippet(CannedReplyViewSet)
register_snippet(QueueViewSet)
register_snippet(AwardCallViewSet)


@hooks.register("register_admin_menu_item")
def register_helpdesk_menu():
    items = [
        StaffMenuItem(_("Tickets"), reverse("helpdesk_admin:tickets"), icon_name="help", order=100),
        StaffMenuItem(
            _("Overdue"),
            reverse("helpdesk_admin:tickets") + "?sla=overdue",
            icon_name="warning",
            order=110,
        ),
        StaffMenuItem(
            _("National CHM tracker"), "/en/helpdesk/tracker/", icon_name="site", order=120
        ),
    ]
    return SubmenuMenuItem(_("Helpdesk"), Menu(items=items), icon_name="help", order=250)


@hooks.register("register_admin_menu_item")
def register_award_jury_menu():
    return JuryMenuItem(
        _("Award jury"), reverse("helpdesk_admin:award_juries"), icon_name="pick", order=260
    )
