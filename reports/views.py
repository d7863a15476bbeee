"""Public pages: the list of published national reports and NBSAPs (searchable, in the
reader's language) and one report's page; files served only to those who may see them."""

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils.translation import get_language

from cms.selectors import parties_sorted
from reports.files import file_response
from reports.models import AICHI_TARGETS, Report, ReportFile
from reports.selectors import reports_search, reports_visible_to

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
