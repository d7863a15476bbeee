from django import template
from django.utils.translation import get_language
from wagtail.models import Locale, Site

from cms.models import HomePage

register = template.Library()


@register.simple_tag(takes_context=True)
def main_menu_items(context):
    """The home page's children shown in menus, in the visitor's language."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None:
        return []
    locale = Locale.objects.filter(language_code=get_language()).first()
    home = HomePage.objects.filter(translation_key=site.root_page.translation_key)
    home = home.filter(locale=locale).first() if locale else None
    home = home or site.root_page
    return home.get_children().live().public().in_menu()
