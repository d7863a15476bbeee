"""The award jury in the Wagtail admin: the calls a juror sits on, the entries with every
answer (machine translation into the juror's language on request), scores per criterion,
and, for staff, the jury's progress and a confirmed publication."""

from django.conf import settings
from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from helpdesk import selectors
from helpdesk.errors import HelpdeskError
from helpdesk.models import AwardCall, AwardScore
from helpdesk.selectors.award import award_calls_for_juror, award_jury_progress, user_may_judge
from helpdesk.services import award as award_services

LANGUAGE_NAMES = dict(settings.LANGUAGES)


def _call_for(request, pk: int) -> tuple[AwardCall, bool, bool]:
    """The call, whether the user judges it, whether they are staff; 404 for others."""
    call = get_object_or_404(AwardCall, pk=pk)
    is_juror = user_may_judge(call, request.user)
    is_staff = selectors.user_is_staff(request.user)
    if not (is_juror or is_staff):
        raise Http404
    return call, is_juror, is_staff


def award_jury_index(request):
    if selectors.user_is_staff(request.user):
        calls = AwardCall.objects.order_by("-deadline")
    else:
        calls = award_calls_for_juror(request.user)
    language = get_language()
    return TemplateResponse(
        request,
        "helpdesk/admin/award_jury_index.html",
        {
            "calls": [(call, call.title_in(language)) for call in calls],
            "header_title": _("Award jury"),
            "page_title": _("Award jury"),
        },
    )


def _scores_from(request, entries, criteria) -> dict[tuple[int, int], int]:
    scores = {}
    for entry in entries:
        for criterion in criteria:
            value = request.POST.get(f"score-{entry.pk}-{criterion.pk}", "").strip()
            if value:
                if not (value.isascii() and value.isdecimal()):
                    raise HelpdeskError(_("Scores are whole numbers."))
                scores[(entry.pk, criterion.pk)] = int(value)
    return scores


def award_jury(request, pk: int):
    """A juror reads every entry and scores it per criterion; staff start the jury."""
    call, is_juror, is_staff = _call_for(request, pk)
    language = get_language()
    criteria = list(call.criteria.all())
    entries = list(call.entries.select_related("party"))
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "start":
                award_services.award_judging_start(call=call, actor=request.user)
                messages.success(request, _("Entries are closed; the jury can score."))
            elif action == "translate":
                entry = next(
                    (e for e in entries if str(e.pk) == request.POST.get("entry", "")), None
                )
                if entry is None:
                    raise HelpdeskError(_("This entry or criterion does not belong to the call."))
                award_services.award_answers_translation_request(
                    entry=entry, user=request.user, language=language
                )
                messages.success(
                    request, _("Machine translation requested: it appears here when ready.")
                )
                return redirect(
                    reverse("helpdesk_admin:award_jury", args=[call.pk]) + f"#entry-{entry.pk}"
                )
            elif action == "score" and is_juror:
                scores = _scores_from(request, entries, criteria)
                award_services.award_scores_save(call=call, juror=request.user, scores=scores)
                messages.success(request, _("Your scores were saved."))
            return redirect("helpdesk_admin:award_jury", pk=call.pk)
        except HelpdeskError as error:
            messages.error(request, str(error))
    mine = {
        (s.entry_id, s.criterion_id): s.score
        for s in AwardScore.objects.filter(entry__call=call, juror=request.user)
    }
    cards = [
        {
            "entry": entry,
            "party": entry.party.name_in(language),
            "languages": [LANGUAGE_NAMES.get(code, code) for code in entry.languages],
            "answer_language": LANGUAGE_NAMES.get(entry.answer_language, ""),
            "translatable": entry.answer_language != language,
            "translation": entry.answer_translations.get(language),
            "scores": [
                (criterion, criterion.name_in(language), mine.get((entry.pk, criterion.pk), ""))
                for criterion in criteria
            ],
        }
        for entry in entries
    ]
    return TemplateResponse(
        request,
        "helpdesk/admin/award_jury.html",
        {
            "call": call,
            "cards": cards,
            "is_juror": is_juror,
            "is_staff": is_staff,
            "progress": award_jury_progress(call) if is_staff else [],
            "language_name": LANGUAGE_NAMES.get(language, language),
            "header_title": call.title_in(language),
            "page_title": call.title_in(language),
        },
    )


def award_publish(request, pk: int):
    """Staff see what publishing would do and what still stands in its way; publishing
    takes a second, explicit click."""
    call, _is_juror, is_staff = _call_for(request, pk)
    if not is_staff:
        raise Http404
    if request.method == "POST" and request.POST.get("confirm") == "yes":
        try:
            award_services.award_results_compute(call=call, actor=request.user)
        except HelpdeskError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Results computed and published."))
            return redirect("helpdesk_admin:award_jury", pk=call.pk)
    return TemplateResponse(
        request,
        "helpdesk/admin/award_publish.html",
        {
            "call": call,
            "blockers": award_services.award_publish_blockers(call),
            "progress": award_jury_progress(call),
            "entries": call.entries.count(),
            "criteria": call.criteria.count(),
            "header_title": _("Publish the results"),
            "page_title": _("Publish the results"),
        },
    )
