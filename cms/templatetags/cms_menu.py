from django import template
from django.utils.translation import get_language

from cms.selectors import menu_entries

register = template.Library()


@register.simple_tag
def main_menu_items():
    """The main menu in the visitor's language (the editors' menu or the default one)."""
    return menu_entries(get_language() or "en")
