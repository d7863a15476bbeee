"""Public pages: the list of published national reports and NBSAPs (searchable, in the
reader's language) and one report's page; files served only to those who may see them.

The Party's pages (`mine/…`): its national authorized users draft a report, attach files
per language and submit it, through the same services as the API."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cms.models import Party
from cms.selectors import parties_sorted
from reports import services
from reports.files import file_response
from reports.forms import ReportFileForm, ReportForm
from reports.models import AICHI_TARGETS, Report, ReportFile
from reports.permissions import user_party
from reports.selectors import reports_of_party, reports_search, reports_visible_to

PAGE_SIZE = 20


def _decimal(value: str) -> int | None:
    value = (value or "").strip()
    return int(value) if value.isascii() and value.isdecimal() and len(value) < 4 else None


def _shown(report: Report, language: str) -> dict:
    shown_in = report.display_language(language)
    return {
        "report": report,
        "title": report.title_in(language),
        "summary": report.summary_in(language),
        "language": shown_in,
        "fallback": shown_in != language,
    }


def report_list(request):
    language = get_language()
    query = request.GET.get("q", "").replace("\x00", "").strip()[:200]
    party = request.GET.get("party", "").strip()[:2]
    kind = request.GET.get("kind", "")
    kind = kind if kind in Report.Kind.values else ""
    cycle = _decimal(request.GET.get("cycle", ""))
    target = _decimal(request.GET.get("target", ""))
    reports = reports_search(
        query=query,
        party_code=party,
        kind=kind,
        cycle=cycle if cycle in Report.Cycle.values else None,
        aichi_target=target if target in AICHI_TARGETS else None,
    )
    page = Paginator(reports, PAGE_SIZE).get_page(request.GET.get("page"))
    params = request.GET.copy()
    params.pop("page", None)
    return render(
        request,
        "reports/list.html",
        {
            "page_obj": page,
            "items": [_shown(report, language) for report in page.object_list],
            "query": query,
            "party": party.upper(),
            "kind": kind,
            "cycle": cycle,
            "target": target,
            "parties": parties_sorted(language),
            "kinds": Report.Kind.choices,
            "cycles": Report.Cycle.choices,
            "targets": list(AICHI_TARGETS),
            "querystring": params.urlencode(),
            "own_party": user_party(request.user),
        },
    )


def report_detail(request, pk: int):
    report = get_object_or_404(reports_visible_to(request.user), pk=pk)
    context = _shown(report, get_language())
    context["files"] = report.files.all()
    return render(request, "reports/detail.html", context)


def report_file(request, pk: int):
    item = get_object_or_404(ReportFile.objects.select_related("report"), pk=pk)
    if not reports_visible_to(request.user).filter(pk=item.report_id).exists():
        raise Http404
    try:
        handle = item.file.open("rb")
    except (FileNotFoundError, OSError):
        raise Http404 from None
    response = file_response(handle, item.filename)
    response["Content-Language"] = item.language
    if item.report.status != Report.Status.PUBLISHED:
        response["Cache-Control"] = "private, no-store"
    return response


def _own_party(request) -> Party:
    """The Party the user acts for; 404 for anyone else, so these pages reveal nothing."""
    party = user_party(request.user)
    if party is None:
        raise Http404
    return party


def _own_report(request, pk: int) -> Report:
    # Another Party's report answers 404 exactly like a missing one.
    return get_object_or_404(reports_of_party(_own_party(request)), pk=pk)


def _add_errors(form, error: ValidationError) -> None:
    if not hasattr(error, "error_dict"):
        form.add_error(None, error.messages)
        return
    for field, problems in error.message_dict.items():
        form.add_error(field if field in form.fields else None, problems)


@login_required
def party_reports(request):
    party = _own_party(request)
    language = get_language()
    reports = reports_of_party(party)
    return render(
        request,
        "reports/party/list.html",
        {"party": party, "items": [_shown(report, language) for report in reports]},
    )


@login_required
def party_report_create(request):
    party = _own_party(request)
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            report = services.report_create(user=request.user, party=party, **form.service_values())
        except ValidationError as error:
            _add_errors(form, error)
        except PermissionDenied as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Draft saved. Attach the report's files, then submit it."))
            return redirect("reports:party-edit", pk=report.pk)
    return render(request, "reports/party/edit.html", {"form": form, "report": None})


@login_required
def party_report_edit(request, pk: int):
    report = _own_report(request, pk)
    editable = report.status == Report.Status.DRAFT
    if request.method == "POST" and editable:
        form = ReportForm(request.POST)
        if form.is_valid():
            try:
                services.report_update(user=request.user, report=report, **form.service_values())
            except ValidationError as error:
                _add_errors(form, error)
            except PermissionDenied as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, _("Draft saved."))
                return redirect("reports:party-edit", pk=report.pk)
    else:
        form = ReportForm(initial=ReportForm.initial_for(report))
    return _edit_page(request, report, form, ReportFileForm())


def _edit_page(request, report: Report, form, file_form, status: int = 200):
    return render(
        request,
        "reports/party/edit.html",
        {
            "form": form,
            "file_form": file_form,
            "report": report,
            "files": report.files.all(),
            "editable": report.status == Report.Status.DRAFT,
        },
        status=status,
    )


@login_required
@require_POST
def party_file_add(request, pk: int):
    report = _own_report(request, pk)
    file_form = ReportFileForm(request.POST, request.FILES)
    if file_form.is_valid():
        try:
            services.report_file_add(
                user=request.user,
                report=report,
                language=file_form.cleaned_data["language"],
                upload=file_form.cleaned_data["file"],
            )
        except (ValidationError, PermissionDenied) as error:
            file_form.add_error(None, _messages_of(error))
        else:
            messages.success(request, _("File added"))
            return redirect("reports:party-edit", pk=report.pk)
    form = ReportForm(initial=ReportForm.initial_for(report))
    return _edit_page(request, report, form, file_form, status=400)


def _messages_of(error: Exception) -> list[str]:
    return error.messages if isinstance(error, ValidationError) else [str(error)]


@login_required
@require_POST
def party_file_remove(request, pk: int):
    item = get_object_or_404(ReportFile, pk=pk, report__party=_own_party(request))
    try:
        services.report_file_remove(user=request.user, item=item)
    except (ValidationError, PermissionDenied) as error:
        messages.error(request, " ".join(_messages_of(error)))
    else:
        messages.success(request, _("File removed"))
    return redirect("reports:party-edit", pk=item.report_id)


@login_required
@require_POST
def party_report_submit(request, pk: int):
    report = _own_report(request, pk)
    try:
        services.report_submit(user=request.user, report=report)
    except (ValidationError, PermissionDenied) as error:
        messages.error(request, " ".join(_messages_of(error)))
        return redirect("reports:party-edit", pk=report.pk)
    messages.success(request, _("Submitted to the Secretariat, which publishes it."))
    return redirect("reports:party-list")
