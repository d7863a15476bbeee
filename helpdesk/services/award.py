"""The national CHM award: entries until the deadline, jury scores, results.

Results: each entry's score is the mean over jurors of their summed criteria scores; in
each category (existing / new CHM) the best gets gold, the next silver, the third bronze
(equal scores share a level). Results are published only when the call has a title in all
six languages, so the public page exists in every language, and only when every juror has
scored every entry on every criterion.

Jurors read each entry's answers as the Party wrote them; on request a machine translation
into the juror's language is made in the background and shown, labelled, beside them."""

from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from cms.models import UserProfile
from cms.queue import MACHINE_TRANSLATION, enqueue
from helpdesk.errors import HelpdeskError
from helpdesk.models import AwardCall, AwardCriterion, AwardEntry, AwardScore
from helpdesk.selectors import party_for_user, user_is_staff
from helpdesk.selectors.award import award_jury_progress, user_may_judge
from translation.machine import TranslationEngineError, engine, glossary_load

LEVELS = [AwardEntry.Level.GOLD, AwardEntry.Level.SILVER, AwardEntry.Level.BRONZE]


def award_entry_submit(*, call: AwardCall, user, language: str = "en", **answers) -> AwardEntry:
    """Create or update the Party's entry (authorized users and focal points, before the
    deadline), written in `language`; earlier machine translations of it are dropped."""
    party = party_for_user(user)
    if party is None or user.profile.party_role not in (
        UserProfile.PartyRole.AUTHORIZED,
        UserProfile.PartyRole.FOCAL_POINT,
    ):
        raise HelpdeskError(_("Only national authorized users and focal points can enter."))
    if call.status != AwardCall.Status.OPEN or timezone.now() > call.deadline:
        raise HelpdeskError(_("The call for entries is closed."))
    allowed = {"category", "site_url", "description", "audience", "languages"}
    if set(answers) - allowed:
        raise ValueError("unknown answers")
    fields = {**answers, "answer_language": language}
    with transaction.atomic():
        earlier = AwardEntry.objects.filter(call=call, party=party).values(*fields).first()
        entry, _created = AwardEntry.objects.update_or_create(
            call=call,
            party=party,
            defaults={**fields, "submitted_by": user, "answer_translations": {}},
        )
        _log_status(
            entry,
            "helpdesk.award.entry_submit",
            user,
            earlier or {},
            {k: fields[k] for k in fields},
        )
    return entry


def _log_status(instance, action: str, user, before: dict, after: dict) -> None:
    log(instance=instance, action=action, user=user, data={"before": before, "after": after})


def award_scores_save(*, call: AwardCall, juror, scores: dict[tuple[int, int], int]) -> int:
    """Save a juror's scores {(entry id, criterion id): score}; returns how many."""
    if not user_may_judge(call, juror):
        raise HelpdeskError(_("Only members of the jury can score entries."))
    if call.status != AwardCall.Status.JUDGING:
        raise HelpdeskError(_("The jury is not at work on this call."))
    criteria = {criterion.pk: criterion for criterion in call.criteria.all()}
    entries = set(call.entries.values_list("pk", flat=True))
    with transaction.atomic():
        for (entry_id, criterion_id), score in scores.items():
            criterion = criteria.get(criterion_id)
            if entry_id not in entries or criterion is None:
                raise HelpdeskError(_("This entry or criterion does not belong to the call."))
            if not 0 <= score <= criterion.max_score:
                raise HelpdeskError(
                    _("Scores for “%(criterion)s” go from 0 to %(max)s.")
                    % {"criterion": criterion.name_in(get_language()), "max": criterion.max_score}
                )
            AwardScore.objects.update_or_create(
                entry_id=entry_id, criterion=criterion, juror=juror, defaults={"score": score}
            )
        log(
            instance=call,
            action="helpdesk.award.scores_save",
            user=juror,
            data={"scores": len(scores)},
        )
    return len(scores)


def award_judging_start(*, call: AwardCall, actor) -> AwardCall:
    """Close entries and let the jury score."""
    if not user_is_staff(actor):
        raise HelpdeskError(_("Only helpdesk staff can do this."))
    if call.status != AwardCall.Status.OPEN:
        raise HelpdeskError(_("The jury can start only once, after the call for entries."))
    with transaction.atomic():
        call.status = AwardCall.Status.JUDGING
        call.save(update_fields=["status"])
        _log_status(
            call, "helpdesk.award.judging_start", actor, {"status": "open"}, {"status": "judging"}
        )
    return call


def award_publish_blockers(call: AwardCall) -> list[str]:
    """Why the results cannot be published yet, in the user's language (empty: they can)."""
    blockers = []
    if call.status != AwardCall.Status.JUDGING:
        blockers.append(_("Results can be computed only while the jury is at work."))
    missing = call.titles_missing()
    if missing:
        blockers.append(
            _("Give the call a title in every language first (missing: %(codes)s).")
            % {"codes": ", ".join(missing)}
        )
    if not call.jury.exists():
        blockers.append(_("The call has no jury."))
    for progress in award_jury_progress(call):
        if not progress.complete:
            blockers.append(
                _("%(juror)s has given %(scored)s of %(needed)s scores.")
                % {
                    "juror": progress.juror.get_full_name() or progress.juror.get_username(),
                    "scored": progress.scored,
                    "needed": progress.needed,
                }
            )
    return blockers


def award_results_compute(*, call: AwardCall, actor) -> list[AwardEntry]:
    """Close the jury: compute every entry's mean score and level, and publish. Refused,
    changing nothing, while anything in `award_publish_blockers` remains."""
    if not user_is_staff(actor):
        raise HelpdeskError(_("Only helpdesk staff can do this."))
    blockers = award_publish_blockers(call)
    if blockers:
        raise HelpdeskError(" ".join(str(blocker) for blocker in blockers))
    with transaction.atomic():
        entries = list(call.entries.select_for_update())
        for entry in entries:
            per_juror = entry.scores.values("juror").annotate(total=Sum("score"))
            totals = [row["total"] for row in per_juror]
            entry.average_score = (
                (Decimal(sum(totals)) / len(totals)).quantize(Decimal("0.01"), ROUND_HALF_UP)
                if totals
                else None
            )
            entry.level = ""
        for category in AwardEntry.Category.values:
            scored = sorted(
                (e for e in entries if e.category == category and e.average_score is not None),
                key=lambda e: e.average_score,
                reverse=True,
            )
            distinct = sorted({e.average_score for e in scored}, reverse=True)[: len(LEVELS)]
            for entry in scored:
                if entry.average_score in distinct:
                    entry.level = LEVELS[distinct.index(entry.average_score)]
        AwardEntry.objects.bulk_update(entries, ["average_score", "level"])
        now = timezone.now()
        call.status = AwardCall.Status.PUBLISHED
        call.jury_closed_at = now
        call.published_at = now
        call.save(update_fields=["status", "jury_closed_at", "published_at"])
        _log_status(
            call,
            "helpdesk.award.publish",
            actor,
            {"status": "judging"},
            {"status": "published", "levels": {e.party_id: e.level for e in entries if e.level}},
        )
    return entries


def award_criterion_add(
    *, call: AwardCall, names: dict[str, str], max_score: int = 10
) -> AwardCriterion:
    """A criterion named in the given languages ({"en": …, "fr": …}; English required)."""
    fields = {f"name_{code.replace('-', '_')}": name for code, name in names.items()}
    return AwardCriterion.objects.create(
        call=call, max_score=max_score, position=call.criteria.count(), **fields
    )


def award_answers_translation_request(*, entry: AwardEntry, user, language: str) -> None:
    """A juror (or staff) asks for the entry's answers machine-translated into `language`;
    the translation is made in the background on the machine-translation queue."""
    if not (user_may_judge(entry.call, user) or user_is_staff(user)):
        raise HelpdeskError(_("Only members of the jury can score entries."))
    if language not in dict(settings.LANGUAGES):
        raise HelpdeskError(_("This language is not offered."))
    if language == entry.answer_language:
        raise HelpdeskError(_("The answers are already in this language."))
    with transaction.atomic():
        entry = AwardEntry.objects.select_for_update().get(pk=entry.pk)
        if entry.answer_translations.get(language, {}).get("status") in ("pending", "done"):
            return
        entry.answer_translations[language] = {"status": "pending"}
        entry.save(update_fields=["answer_translations"])
        enqueue(
            "helpdesk.tasks.award_answers_translate",
            entry.pk,
            language,
            group="award-translation",
            queue=MACHINE_TRANSLATION,
        )


def award_answers_translate(*, entry_id: int, language: str) -> str:
    """Machine-translate an entry's answers (the task behind the request); idempotent.
    Returns the state left: done, failed, or skipped (nothing pending)."""
    entry = AwardEntry.objects.filter(pk=entry_id).first()
    if entry is None or entry.answer_translations.get(language, {}).get("status") != "pending":
        return "skipped"
    texts = [entry.description, entry.audience]
    try:
        outputs = (
            engine()
            .translate(texts, entry.answer_language, language, glossary=glossary_load())
            .outputs
        )
        result = {"status": "done", "description": outputs[0], "audience": outputs[1]}
    except TranslationEngineError as error:
        result = {"status": "failed", "error": str(error)}
    with transaction.atomic():
        entry = AwardEntry.objects.select_for_update().get(pk=entry_id)
        if entry.answer_translations.get(language, {}).get("status") != "pending":
            return "skipped"  # the Party changed its answers meanwhile
        entry.answer_translations[language] = result
        entry.save(update_fields=["answer_translations"])
    return result["status"]
