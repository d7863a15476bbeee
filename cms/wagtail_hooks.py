from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms.models import register_form_field_override
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from cms.models import NavigationMenu, Party
from cms.party_fields import PartyChoiceField


@hooks.register("register_log_actions")
def register_profile_log_actions(actions):
    actions.register_action(
        "cms.profile.update", _("Preferred language changed"), _("Preferred language changed")
    )


@hooks.register("before_serve_page")
def mark_wagtail_page(page, request, serve_args, serve_kwargs):
    # Only pages served by Wagtail go into the anonymous page cache.
    request.is_wagtail_page = True


class NavigationMenuViewSet(SnippetViewSet):
    model = NavigationMenu
    icon = "list-ul"
    menu_label = _("Menus")
    add_to_settings_menu = True
    list_display = ["__str__", "locale"]


register_snippet(NavigationMenuViewSet)


# Every Party drop-down in the admin lists names in the editor's language, sorted by them.
register_form_field_override(models.ForeignKey, to=Party, override={"form_class": PartyChoiceField})
