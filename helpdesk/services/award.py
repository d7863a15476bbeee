"""The national CHM award: entries until the deadline, jury scores, results.

Results: each entry's score is the mean over jurors of their summed criteria scores; in
each category (existing / new CHM) the best gets gold, the next silver, the third bronze
(equal scores share a level). Results are published only when the call has a title in all
six languages, so the public page exists in every language."""

from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cms.models import UserProfile
from helpdesk.errors import HelpdeskError
from helpdesk.models import AwardCall, AwardCriterion, AwardEntry, AwardScore
from helpdesk.selectors import party_for_user

LEVELS = [AwardEntry.Level.GOLD, AwardEntry.Level.SILVER, AwardEntry.Level.BRONZE]


def award_entry_submit(*, call: AwardCall, user, **answers) -> AwardEntry:
    """Create or update the Party's entry (authorized users and focal points, before the
    deadline)."""
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
    with transaction.atomic():
        entry, _created = AwardEntry.objects.update_or_create(
            call=call, party=party, defaults={**answers, "submitted_by": user}
        )
    return entry


def award_scores_save(*, call: AwardCall, juror, scores: dict[tuple[int, int], int]) -> int:
    """Save a juror's scores {(entry id, criterion id): score}; returns how many."""
    if not call.jury.filter(pk=juror.pk).exists():
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
                    % {"criterion": criterion.name_in("en"), "max": criterion.max_score}
                )
            AwardScore.objects.update_or_create(
                entry_id=entry_id, criterion=criterion, juror=juror, defaults={"score": score}
            )
    return len(scores)


def award_judging_start(*, call: AwardCall) -> AwardCall:
    if call.status != AwardCall.Status.OPEN:
        raise HelpdeskError(_("The jury can start only once, after the call for entries."))
    call.status = AwardCall.Status.JUDGING
    call.save(update_fields=["status"])
    return call


def award_results_compute(*, call: AwardCall) -> list[AwardEntry]:
    """Close the jury: compute every entry's mean score and level, and publish."""
    if call.status != AwardCall.Status.JUDGING:
        raise HelpdeskError(_("Results can be computed only while the jury is at work."))
    missing = [code for code, _name in settings.LANGUAGES if not call.titles.get(code)]
    if missing:
        raise HelpdeskError(
            _("Give the call a title in every language first (missing: %(codes)s).")
            % {"codes": ", ".join(missing)}
        )
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
    return entries


def award_criterion_add(
    *, call: AwardCall, names: dict[str, str], max_score: int = 10
) -> AwardCriterion:
    return AwardCriterion.objects.create(
        call=call, names=names, max_score=max_score, position=call.criteria.count()
    )
