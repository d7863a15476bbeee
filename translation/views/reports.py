"""Status report (page × language) with filters and CSV export."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from wagtail.models import Locale, Page

from cms.csv_export import csv_response
from translation.reports import STATES, status_matrix


def status_report(request: HttpRequest) -> HttpResponse:
    source_code = request.GET.get("source") or "en"
    source_locale = Locale.objects.filter(language_code=source_code).first() or Locale.get_default()
    locales = list(Locale.objects.exclude(pk=source_locale.pk).order_by("language_code"))
    language = request.GET.get("language")
    if language:
        locales = [loc for loc in locales if loc.language_code == language] or locales
    state = request.GET.get("state") if request.GET.get("state") in STATES else None
    pages = Page.objects.filter(locale=source_locale, depth__gt=1).order_by("path")
    query = request.GET.get("q", "").strip()
    if query:
        pages = pages.filter(title__icontains=query)
    rows = status_matrix(pages=pages, locales=locales, state=state)
    if request.GET.get("format") == "csv":
        return csv_response(
            "translation-status.csv",
            ["page", "url", *[loc.language_code for loc in locales]],
            ([page.title, page.url_path, *[c.state for c in cells]] for page, cells in rows),
        )
    return TemplateResponse(
        request,
        "translation/report.html",
        {
            "rows": rows,
            "locales": locales,
            "all_locales": Locale.objects.order_by("language_code"),
            "source_locale": source_locale,
            "states": STATES.items(),
            "state": state,
            "language": language,
            "query": query,
        },
    )
