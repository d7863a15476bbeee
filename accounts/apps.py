from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from wagtail.users.apps import WagtailUsersAppConfig


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Accounts")
    default_auto_field = "django.db.models.BigAutoField"


class UsersConfig(WagtailUsersAppConfig):
    """Wagtail's user admin, with each person's Party and role on the form and the filters."""

    user_viewset = "accounts.admin_users.UserViewSet"
