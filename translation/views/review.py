"""The review screen: source beside translation, hints, approve/edit, preview, publish."""

from __future__ import annotations

from babel.numbers import format_decimal
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.models import Locale, Page
from wagtail_localize.models import TranslationSource

from cms.languages import babel_locale_name, language_direction
from translation import hints, selectors, services
from translation.models import GlossaryTerm, SegmentReview
from translation.models.memory import field_kind

FILTERS = ("unreviewed", "stale", "errors", "all")


def _context(request: HttpRequest, source_id: int, language: str):
    source = get_object_or_404(TranslationSource, pk=source_id)
    locale = Locale.objects.filter(language_code=language).first()
    if locale is None or locale.pk == source.locale_id:
        raise Http404
    if not (request.user.is_superuser or selectors.can_edit(request.user, language)):
        raise PermissionDenied
    return source, locale


def counter_text(reviewed: int, total: int) -> str:
    locale = babel_locale_name(get_language() or "en")
    return ngettext(
        "%(reviewed)s of %(total)s segment reviewed",
        "%(reviewed)s of %(total)s segments reviewed",
        total,
    ) % {
        "reviewed": format_decimal(reviewed, locale=locale),
        "total": format_decimal(total, locale=locale),
    }


def publish_context(request: HttpRequest, source, locale, segments=None, issues=None) -> dict:
    """What the publish area shows: a plain Publish, or why not and whether to override."""
    segments = segments if segments is not None else selectors.segments_for(source, locale)
    issues = issues if issues is not None else selectors.segments_issues(source, locale, segments)
    reviewed = sum(1 for s in segments if s.state == SegmentReview.State.REVIEWED)
    missing = sum(1 for s in segments if s.translation is None)
    errors = selectors.error_count(issues)
    complete = bool(segments) and reviewed == len(segments)
    blockers = []
    if not complete:
        blockers.append(counter_text(reviewed, len(segments)))
    if errors:
        locale_name = babel_locale_name(get_language() or "en")
        blockers.append(
            ngettext(
                "%(count)s segment has errors",
                "%(count)s segments have errors",
                errors,
            )
            % {"count": format_decimal(errors, locale=locale_name)}
        )
    may_override = (
        bool(segments)
        and not missing
        and (complete or selectors.can_publish_unreviewed(request.user))
    )
    return {
        "complete": complete,
        "error_segments": errors,
        "publish_blockers": blockers,
        "may_override": may_override,
        "source": source,
        "language": locale.language_code,
        "can_review": selectors.can_review(request.user, locale.language_code),
    }


def review(request: HttpRequest, source_id: int, language: str) -> HttpResponse:
    source, locale = _context(request, source_id, language)
    chosen = request.GET.get("filter", "all")
    chosen = chosen if chosen in FILTERS else "all"
    segments = selectors.segments_for(source, locale)
    issues = selectors.segments_issues(source, locale, segments)
    reviewed = sum(1 for s in segments if s.state == SegmentReview.State.REVIEWED)
    source_lang = source.locale.language_code
    terms = list(GlossaryTerm.objects.all())
    candidates = hints.memory_candidates(source_lang, language, [s.source_text for s in segments])
    rows = []
    for index, segment in enumerate(segments, start=1):
        if chosen == "unreviewed" and segment.state == SegmentReview.State.REVIEWED:
            continue
        if chosen == "stale" and segment.state != SegmentReview.State.STALE:
            continue
        found = issues.get(segment.uid, [])
        if chosen == "errors" and not any(issue.is_error for issue in found):
            continue
        glossary = hints.glossary_hints(
            terms, segment.source_text, segment.text, source_lang, language
        )
        rows.append(
            {
                "number": index,
                "segment": segment,
                "issues": found,
                "glossary": glossary,
                "source_parts": hints.source_parts(segment.source_text, glossary),
                "memory": [
                    m
                    for m in hints.memory_matches(
                        segment.source_text,
                        source_lang,
                        language,
                        candidates,
                        field_kind(segment.path),
                    )
                    if m.target_text != segment.text
                ],
            }
        )
    instance = source.get_source_instance()
    target = instance.get_translation_or_none(locale)
    can_review = selectors.can_review(request.user, language)
    return TemplateResponse(
        request,
        "translation/review.html",
        {
            "source": source,
            "instance": instance,
            "target": target,
            "locale": locale,
            "language": language,
            "direction": language_direction(language),
            "source_language": source_lang,
            "source_direction": language_direction(source_lang),
            "rows": rows,
            "filter": chosen,
            "filters": [
                ("unreviewed", _("Unreviewed")),
                ("stale", _("Stale")),
                ("errors", _("Segments with errors")),
                ("all", _("All")),
            ],
            "counter": counter_text(reviewed, len(segments)),
            "can_review": can_review,
            "is_page": isinstance(instance, Page),
            **publish_context(request, source, locale, segments, issues),
        },
    )


@require_POST
def segment(request: HttpRequest, source_id: int, language: str, translation_id: int):
    source, locale = _context(request, source_id, language)
    approve = "approve" in request.POST
    text = request.POST.get("text")
    try:
        review = services.segment_save(
            user=request.user, translation_id=translation_id, text=text, approve=approve
        )
    except (services.ReviewError, PermissionDenied) as exc:
        message = str(exc) or _("You may not do this.")
        if _wants_json(request):
            return JsonResponse({"error": message}, status=400)
        messages.error(request, message)
        return redirect(_back(source, language, request))
    progress = selectors.progress_for(source, locale)
    if _wants_json(request):
        segments = selectors.segments_for(source, locale)
        issues = selectors.segments_issues(source, locale, segments)
        uid = next(
            (s.uid for s in segments if s.translation and s.translation.pk == translation_id), ""
        )
        publish = publish_context(request, source, locale, segments, issues)
        return JsonResponse(
            {
                "state": review.state,
                "state_label": review.get_state_display(),
                "text": review.translation.data,
                "counter": counter_text(progress.reviewed, progress.total),
                "complete": progress.complete,
                "issues_html": render_to_string(
                    "translation/includes/issues.html", {"issues": issues.get(uid, [])}, request
                ),
                "publish_html": render_to_string(
                    "translation/includes/publish.html", publish, request
                ),
            }
        )
    messages.success(request, _("Saved."))
    return redirect(_back(source, language, request))


def _wants_json(request: HttpRequest) -> bool:
    return "application/json" in request.headers.get("Accept", "")


def _back(source, language: str, request: HttpRequest) -> str:
    url = reverse("translation_review", args=[source.pk, language])
    chosen = request.POST.get("filter") or request.GET.get("filter")
    return f"{url}?filter={chosen}" if chosen in FILTERS else url


@require_POST
def save_draft(request: HttpRequest, source_id: int, language: str) -> HttpResponse:
    source, locale = _context(request, source_id, language)
    try:
        services.draft_save(user=request.user, source=source, locale=locale)
    except services.TargetLockedError as exc:
        messages.error(request, _("The draft was not saved: %(reason)s") % {"reason": exc})
    else:
        messages.success(request, _("The draft was saved."))
    return redirect(_back(source, language, request))


@require_POST
def publish(request: HttpRequest, source_id: int, language: str) -> HttpResponse:
    source, locale = _context(request, source_id, language)
    try:
        services.translation_publish(
            user=request.user, source=source, locale=locale, reason=request.POST.get("reason", "")
        )
    except (services.ReviewError, services.TargetLockedError, PermissionDenied) as exc:
        messages.error(request, str(exc) or _("You may not publish this translation."))
    else:
        messages.success(request, _("The translation is published."))
    return redirect(_back(source, language, request))


def preview(request: HttpRequest, source_id: int, language: str) -> HttpResponse:
    """The draft as it would look, with the current translations (nothing is saved)."""
    source, locale = _context(request, source_id, language)
    instance = source.get_source_instance()
    if not isinstance(instance, Page) or instance.get_translation_or_none(locale) is None:
        raise Http404
    page = source.get_ephemeral_translated_instance(locale, fallback=True)
    from django.utils import translation as i18n

    with i18n.override(language):
        request.is_preview = True
        request.preview_mode = page.default_preview_mode
        response = page.serve_preview(request, page.default_preview_mode)
        if hasattr(response, "render"):
            response.render()
    return response


def review_object(request: HttpRequest, object_id, language: str) -> HttpResponse:
    """The review screen of an object's original source (links from jobs and reports)."""
    from wagtail_localize.models import TranslatableObject

    obj = get_object_or_404(TranslatableObject, pk=object_id)
    source = selectors.source_for_object(obj)
    if source is None:
        raise Http404
    return redirect("translation_review", source.pk, language)
