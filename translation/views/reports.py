"""Status report (page × language) with filters and CSV export."""

from __future__ import annotations

import csv

from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from wagtail.models import Locale, Page

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
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="translation-status.csv"'
        response.write("\ufeff")
        writer = csv.writer(response)
        writer.writerow(["page", "url", *[loc.language_code for loc in locales]])
        for page, cells in rows:
            writer.writerow([page.title, page.url_path, *[c.state for c in cells]])
        return response
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
