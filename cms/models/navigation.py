"""Menus that editors manage in the admin, one per language (Snippets → Menus)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import TranslatableMixin

from cms.navigation import default_menu_data, service_choices

LABEL_HELP = _("Leave empty to show the standard name in the menu's language.")


class ServiceLinkBlock(blocks.StructBlock):
    service = blocks.ChoiceBlock(choices=service_choices, label=_("Service"))
    label = blocks.CharBlock(label=_("Label"), required=False, help_text=LABEL_HELP)

    class Meta:
        icon = "link"
        label = _("Site service")


class PageLinkBlock(blocks.StructBlock):
    page = blocks.PageChooserBlock(label=_("Page"))
    label = blocks.CharBlock(label=_("Label"), required=False, help_text=LABEL_HELP)

    class Meta:
        icon = "doc-empty"
        label = _("Page")


class ExternalLinkBlock(blocks.StructBlock):
    url = blocks.URLBlock(label=_("Web address"))
    label = blocks.CharBlock(label=_("Label"))

    class Meta:
        icon = "link-external"
        label = _("Other address")


class MenuLinksBlock(blocks.StreamBlock):
    service = ServiceLinkBlock()
    page = PageLinkBlock()
    link = ExternalLinkBlock()


class MenuGroupBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("Label"))
    links = MenuLinksBlock(label=_("Links"))

    class Meta:
        icon = "folder-open-inverse"
        label = _("Group of links")


class MenuItemsBlock(MenuLinksBlock):
    group = MenuGroupBlock()


class NavigationMenu(TranslatableMixin, models.Model):
    """The main menu of one language. A language without one shows the default menu
    (`cms.navigation.DEFAULT_MENU`), so every service stays reachable."""

    items = StreamField(
        MenuItemsBlock(), verbose_name=_("menu items"), blank=True, default=default_menu_data
    )

    panels = [FieldPanel("items")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("menu")
        verbose_name_plural = _("menus")

    def __str__(self) -> str:
        return str(_("Main menu ({language})")).format(language=self.locale.get_display_name())
