"""Public-site tag: the "machine-translated, not yet reviewed" notice."""

from django import template
from django.template.loader import render_to_string

from translation import selectors

register = template.Library()


@register.simple_tag(takes_context=True)
def machine_translation_notice(context) -> str:
    """Render the notice when the page in context is a published, partly unreviewed translation."""
    page = context.get("page") or context.get("self")
    if page is None or not hasattr(page, "translation_key") or not getattr(page, "live", True):
        return ""
    request = context.get("request")
    if request is not None and getattr(request, "is_preview", False):
        return ""
    if not selectors.instance_unreviewed(page):
        return ""
    return render_to_string("translation/includes/machine_notice_body.html", request=request)
