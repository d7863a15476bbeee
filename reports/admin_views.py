"""The Secretariat's review screens: submitted reports first, then publish, return to the
Party, or withdraw. Each button calls one service."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from reports import services
from reports.models import Report
from reports.permissions import user_is_secretariat

ACTIONS = {
    "publish": services.report_publish,
    "return": services.report_return,
    "withdraw": services.report_withdraw,
}


def _require_secretariat(request) -> None:
    if not user_is_secretariat(request.user):
        raise PermissionDenied


def report_index(request):
    _require_secretariat(request)
    status = request.GET.get("status", Report.Status.SUBMITTED)
    if status not in Report.Status.values:
        status = Report.Status.SUBMITTED
    reports = Report.objects.filter(status=status).select_related("party").order_by("-updated_at")
    return render(
        request,
        "reports/admin/index.html",
        {
            "rows": [(report, report.title_in(get_language())) for report in reports[:500]],
            "status": status,
            "statuses": Report.Status.choices,
            "header_title": _("National reports and NBSAPs"),
            "page_title": _("National reports and NBSAPs"),
        },
    )


@require_http_methods(["GET", "POST"])
def report_review(request, pk: int):
    _require_secretariat(request)
    report = get_object_or_404(Report.objects.select_related("party"), pk=pk)
    if request.method == "POST":
        action = ACTIONS.get(request.POST.get("action", ""))
        if action is None:
            messages.error(request, _("Unknown action."))
        else:
            try:
                kwargs = {"user": request.user, "report": report}
                if action is not services.report_publish:
                    kwargs["reason"] = request.POST.get("reason", "")[:1000]
                report = action(**kwargs)
                messages.success(
                    request, _("Saved: %(status)s") % {"status": report.get_status_display()}
                )
            except (ValidationError, PermissionDenied) as error:
                messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
        return redirect("reports_admin:review", pk=report.pk)
    title = report.title_in(get_language())
    return render(
        request,
        "reports/admin/review.html",
        {
            "report": report,
            "files": report.files.all(),
            "header_title": title,
            "page_title": title,
        },
    )


urlpatterns = [
    path("", report_index, name="index"),
    path("<int:pk>/", report_review, name="review"),
]
