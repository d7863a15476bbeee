"""PO and XLIFF download and upload for one object and language."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils.http import content_disposition_header

from translation.forms import ImportFileForm
from translation.services import exchange, exchange_import
from translation.services.memory import ImportFormatError
from translation.views.review import _context


def export(request: HttpRequest, source_id: int, language: str, fmt: str) -> HttpResponse:
    source, locale = _context(request, source_id, language)
    if fmt == "po":
        file = exchange.po_export(source=source, locale=locale, user=request.user)
    elif fmt == "xliff":
        file = exchange.xliff_export(source=source, locale=locale)
    else:
        raise Http404
    response = HttpResponse(file.content, content_type=file.content_type)
    response["Content-Disposition"] = content_disposition_header(True, file.name)
    return response


def upload(request: HttpRequest, source_id: int, language: str) -> HttpResponse:
    source, locale = _context(request, source_id, language)
    form = ImportFileForm(request.POST or None, request.FILES or None)
    report = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            report = exchange_import.translations_import(
                user=request.user,
                source=source,
                locale=locale,
                data=upload.read(),
                name=upload.name,
            )
        except (ImportFormatError, PermissionDenied) as exc:
            form.add_error("file", str(exc))
        else:
            form = ImportFileForm()
    return TemplateResponse(
        request,
        "translation/upload.html",
        {"form": form, "source": source, "language": language, "report": report},
    )
