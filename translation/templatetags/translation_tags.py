"""Public-site tag: the "machine-translated, not yet reviewed" notice, and the draft banner
on previews of translations."""

from django import template
from django.template.loader import render_to_string

from translation import selectors

register = template.Library()


@register.simple_tag(takes_context=True)
def machine_translation_notice(context) -> str:
    """Render the notice when the page in context is a published, partly unreviewed
    translation; a preview (of a draft, live or not) gets the draft banner instead."""
    page = context.get("page") or context.get("self")
    if page is None or not hasattr(page, "translation_key"):
        return ""
    request = context.get("request")
    if request is not None and getattr(request, "is_preview", False):
        return _draft_banner(page, request)
    if not getattr(page, "live", True) or not selectors.instance_unreviewed(page):
        return ""
    return render_to_string("translation/includes/machine_notice_body.html", request=request)


def _draft_banner(page, request) -> str:
    """A preview of a translation says it is a draft, how much of it no person reviewed,
    and when a demonstration model wrote it."""
    facts = selectors.draft_preview_facts(page)
    if facts is None:
        return ""
    return render_to_string("translation/includes/draft_banner.html", facts, request=request)
