"""PO and XLIFF download and upload for one object and language."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from translation.forms import ImportFileForm
from translation.services import exchange
from translation.services.memory import ImportFormatError
from translation.views.review import _context


def export(request: HttpRequest, source_id: int, language: str, fmt: str) -> HttpResponse:
    source, locale = _context(request, source_id, language)
    name = f"{source.object_id}-{language}"
    if fmt == "po":
        response = HttpResponse(
            exchange.po_export(source=source, locale=locale),
            content_type="text/x-gettext-translation; charset=utf-8",
        )
        response["Content-Disposition"] = f'attachment; filename="{name}.po"'
    else:
        response = HttpResponse(
            exchange.xliff_export(source=source, locale=locale),
            content_type="application/x-xliff+xml; charset=utf-8",
        )
        response["Content-Disposition"] = f'attachment; filename="{name}.xlf"'
    return response


def upload(request: HttpRequest, source_id: int, language: str) -> HttpResponse:
    source, locale = _context(request, source_id, language)
    form = ImportFileForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        data = upload.read()
        importer = (
            exchange.xliff_import
            if upload.name.lower().endswith((".xlf", ".xliff"))
            else exchange.po_import
        )
        try:
            count = importer(user=request.user, source=source, locale=locale, data=data)
        except (ImportFormatError, PermissionDenied) as exc:
            form.add_error("file", str(exc))
        else:
            messages.success(request, _("%(count)s segments imported.") % {"count": count})
            return redirect("translation_review", source.pk, language)
    return TemplateResponse(
        request, "translation/upload.html", {"form": form, "source": source, "language": language}
    )
