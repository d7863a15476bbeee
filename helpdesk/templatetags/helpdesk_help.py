"""The help section's article list, read in the template: a page model that called the
selector would make models and selectors import each other."""

from django import template

from helpdesk.selectors.knowledge import HelpArticle, help_articles

register = template.Library()


@register.simple_tag
def section_articles(section) -> list[HelpArticle]:
    """The section's articles in its language, English stand-ins for untranslated ones."""
    return help_articles(section.locale.language_code, among=section)
