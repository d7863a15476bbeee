"""Import translation memory (CSV) and glossary (TBX or CSV) files."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from translation import services
from translation.forms import ImportFileForm, MemoryImportForm


def _require(request: HttpRequest, perm: str) -> None:
    if not request.user.has_perm(perm):
        raise PermissionDenied


def glossary_import(request: HttpRequest) -> HttpResponse:
    _require(request, "translation.add_glossaryterm")
    form = ImportFileForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        data = upload.read()
        try:
            if upload.name.lower().endswith(".tbx") or data.lstrip().startswith(b"<"):
                count = services.glossary_import_tbx(data=data)
            else:
                count = services.glossary_import_csv(data=data)
        except services.ImportFormatError as exc:
            form.add_error("file", str(exc))
        else:
            messages.success(request, _("%(count)s glossary entries imported.") % {"count": count})
            return redirect("translation_glossary_import")
    return TemplateResponse(
        request, "translation/import.html", {"form": form, "title": _("Import glossary")}
    )


def memory_import(request: HttpRequest) -> HttpResponse:
    _require(request, "translation.add_memoryentry")
    form = MemoryImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            count = services.memory_import_csv(
                data=form.cleaned_data["file"].read(),
                source_language=form.cleaned_data["source_language"],
                target_language=form.cleaned_data["target_language"],
                user=request.user,
            )
        except services.ImportFormatError as exc:
            form.add_error("file", str(exc))
        else:
            messages.success(request, _("%(count)s memory entries imported.") % {"count": count})
            return redirect("translation_memory_import")
    return TemplateResponse(
        request, "translation/import.html", {"form": form, "title": _("Import translation memory")}
    )
