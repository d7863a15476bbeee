from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button

from accounts.admin_views import two_factor_reset_view
from accounts.services.roles import user_is_accounts_staff

# Account actions in Wagtail's audit log: the same words name the action and its entry.
ACCOUNT_ACTIONS = (
    ("chm.party_role", _("Party and role changed")),
    ("chm.invitation.create", _("Invitation sent")),
    ("chm.invitation.accept", _("Invitation accepted")),
    ("chm.invitation.revoke", _("Invitation revoked")),
    ("chm.access_request.submit", _("Access requested")),
    ("chm.access_request.verified", _("Access request verified")),
    ("chm.access_request.rejected", _("Access request rejected")),
    ("chm.two_factor.enable", _("Two-factor sign-in set up")),
    ("chm.two_factor.codes", _("Recovery codes replaced")),
    ("chm.two_factor.recovery_code_used", _("Recovery code used")),
    ("chm.two_factor.reset", _("Two-factor sign-in removed")),
)


@hooks.register("register_log_actions")
def register_account_actions(actions):
    for action, label in ACCOUNT_ACTIONS:
        actions.register_action(action, label, label)


class StaffMenuItem(MenuItem):
    def is_shown(self, request):
        return user_is_accounts_staff(request.user)


@hooks.register("register_admin_menu_item")
def register_invitations_menu_item():
    # The same screens serve staff (every Party) and national authorized users (their own).
    return StaffMenuItem(_("Invitations"), reverse("invitations"), icon_name="mail", order=610)


@hooks.register("register_admin_menu_item")
def register_access_requests_menu_item():
    return StaffMenuItem(
        _("Access requests"), reverse("access_requests"), icon_name="user", order=611
    )


@hooks.register("register_admin_urls")
def register_account_admin_urls():
    return [
        path(
            "users/<int:user_id>/two-factor/reset/",
            two_factor_reset_view,
            name="accounts_two_factor_reset",
        )
    ]


@hooks.register("register_user_listing_buttons")
def user_two_factor_button(user, request_user):
    if request_user.has_perm("auth.change_user"):
        yield Button(
            _("Remove two-factor sign-in"),
            reverse("accounts_two_factor_reset", args=[user.pk]),
            icon_name="key",
            priority=90,
        )
