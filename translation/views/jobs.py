"""Request machine translation; list jobs with live progress; cancel and retry."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.admin.paginator import WagtailPaginator
from wagtail.models import Page
from wagtail.snippets.models import get_snippet_models

from cms.numbers import whole_number
from translation import selectors, services
from translation.forms import RequestForm
from translation.models import TranslationJob

REQUEST_PERMISSION = "translation.request_machine_translation"


def _require_requester(request: HttpRequest) -> None:
    if not request.user.has_perm(REQUEST_PERMISSION):
        raise PermissionDenied


def request_page(request: HttpRequest, page_id: int) -> HttpResponse:
    _require_requester(request)
    page = get_object_or_404(Page, pk=page_id).specific
    return _request(request, page, with_subpages=page.get_children_count() > 0)


def request_snippet(request: HttpRequest, app_label: str, model_name: str, pk: str) -> HttpResponse:
    _require_requester(request)
    model = next(
        (
            m
            for m in get_snippet_models()
            if m._meta.app_label == app_label and m._meta.model_name == model_name
        ),
        None,
    )
    if model is None or not hasattr(model, "translation_key"):
        raise PermissionDenied
    instance = get_object_or_404(model, pk=pk)
    return _request(request, instance, with_subpages=False)


def _request(request: HttpRequest, instance, *, with_subpages: bool) -> HttpResponse:
    form = RequestForm(
        request.POST or None,
        source_language=instance.locale.language_code,
        with_subpages=with_subpages,
    )
    if request.method == "POST" and form.is_valid():
        languages = form.cleaned_data["languages"]
        try:
            if form.cleaned_data.get("include_subpages"):
                jobs = services.jobs_request_subtree(
                    page=instance, user=request.user, languages=languages
                )
            else:
                job = services.job_request(
                    instance=instance, user=request.user, languages=languages
                )
                jobs = [job] if job else []
        except services.JobRequestError as exc:
            form.add_error(None, str(exc))
        else:
            if jobs:
                messages.success(request, _("Machine translation requested."))
            else:
                messages.warning(
                    request, _("Machine translation is already running for these languages.")
                )
            return redirect("translation_jobs")
    return TemplateResponse(request, "translation/request.html", {"form": form, "object": instance})


def job_list(request: HttpRequest) -> HttpResponse:
    jobs = selectors.jobs_visible(request.user)
    paginator = WagtailPaginator(jobs, 25)
    page = paginator.get_page(request.GET.get("p"))
    return TemplateResponse(
        request,
        "translation/jobs.html",
        {"jobs": page, "can_request": request.user.has_perm(REQUEST_PERMISSION)},
    )


def job_progress(request: HttpRequest) -> JsonResponse:
    """Live figures for the job list (polled by a few lines of JavaScript)."""
    ids = [whole_number(i) for i in request.GET.getlist("id")[:100]]
    ids = [i for i in ids if i is not None]
    jobs = selectors.jobs_visible(request.user).filter(pk__in=ids)
    return JsonResponse(
        {
            "jobs": [
                {
                    "id": job.pk,
                    "status": job.status,
                    "status_label": job.get_status_display(),
                    "percent": job.percent,
                    "done": job.segments_done,
                    "total": job.segments_total,
                    "targets": [
                        {
                            "language": t.locale.language_code,
                            "status": t.status,
                            "percent": t.percent,
                            "error": t.error,
                        }
                        for t in job.targets.all()
                    ],
                }
                for job in jobs
            ]
        }
    )


@require_POST
def job_cancel(request: HttpRequest, job_id: int) -> HttpResponse:
    _require_requester(request)
    job = get_object_or_404(TranslationJob, pk=job_id)
    services.job_cancel(job=job, user=request.user)
    messages.success(request, _("The job was cancelled."))
    return redirect("translation_jobs")


@require_POST
def job_retry(request: HttpRequest, job_id: int) -> HttpResponse:
    _require_requester(request)
    job = get_object_or_404(TranslationJob, pk=job_id)
    services.job_retry(job=job, user=request.user)
    messages.success(request, _("The job will run again."))
    return redirect("translation_jobs")
