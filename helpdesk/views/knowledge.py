"""Help-article suggestions while the requester types a subject."""

from django.http import JsonResponse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from helpdesk.selectors.knowledge import article_suggestions


def suggest(request):
    """Matching articles as JSON; an English stand-in carries its language and a label
    ("In English") so the page can say so next to its title."""
    results = []
    for item in article_suggestions(request.GET.get("q", "")[:200], get_language()):
        results.append(
            {
                "title": item.page.title,
                "url": item.page.url,
                "summary": item.page.intro[:200],
                "language": item.language,
                "fallback": item.fallback,
                "note": _("In English: not yet translated") if item.fallback else "",
            }
        )
    return JsonResponse({"results": results})
