"""Help-article suggestions while the requester types a subject."""

import re

from django.http import JsonResponse
from django.utils.translation import get_language
from wagtail.models import Locale

from helpdesk.models import HelpArticlePage

WORD = re.compile(r"\w{3,}", re.UNICODE)
MAX_SUGGESTIONS = 5


def article_suggestions(query: str, language: str) -> list[HelpArticlePage]:
    """Live articles in the language, best first: each query word found in the title
    counts 3, in keywords 2, in the summary 1. (A few dozen articles: done in Python.)"""
    words = {word.lower() for word in WORD.findall(query or "")}
    if not words:
        return []
    locale = Locale.objects.filter(language_code=language).first()
    if locale is None:
        return []
    scored = []
    for article in HelpArticlePage.objects.live().public().filter(locale=locale):
        title, keywords, intro = (
            article.title.lower(),
            article.keywords.lower(),
            article.intro.lower(),
        )
        score = sum(3 * (w in title) + 2 * (w in keywords) + (w in intro) for w in words)
        if score:
            scored.append((score, article.title, article))
    scored.sort(key=lambda item: (-item[0], item[1]))
    return [article for _score, _title, article in scored[:MAX_SUGGESTIONS]]


def suggest(request):
    articles = article_suggestions(request.GET.get("q", "")[:200], get_language())
    return JsonResponse(
        {"results": [{"title": a.title, "url": a.url, "summary": a.intro[:200]} for a in articles]}
    )
