"""Reads of the national CHM award: who may sit on a jury, what a juror sees, how complete
the jury's scoring is."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db.models import Count, Q, QuerySet

from helpdesk.models import AwardCall, AwardScore
from helpdesk.models.award import AWARD_JURORS_GROUP

HELPDESK_STAFF_GROUP = "Helpdesk staff"


def award_jury_candidates() -> QuerySet:
    """People who may sit on a jury: active helpdesk staff, invited experts (group "Award
    jurors") and superusers, never a Party's user (they would judge their own country)."""
    return (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(
            Q(is_superuser=True) | Q(groups__name__in=[HELPDESK_STAFF_GROUP, AWARD_JURORS_GROUP])
        )
        .filter(Q(profile__isnull=True) | Q(profile__party__isnull=True))
        .distinct()
        .order_by("last_name", "first_name", "username")
    )


def user_may_judge(call: AwardCall, user) -> bool:
    """A member of this call's jury who is still an eligible juror."""
    if not getattr(user, "is_authenticated", False):
        return False
    return (
        call.jury.filter(pk=user.pk).exists()
        and award_jury_candidates().filter(pk=user.pk).exists()
    )


def award_calls_for_juror(user) -> QuerySet[AwardCall]:
    return AwardCall.objects.filter(jury=user).order_by("-deadline")


@dataclass(frozen=True)
class JurorProgress:
    juror: object
    scored: int
    needed: int

    @property
    def complete(self) -> bool:
        return self.scored >= self.needed


def award_jury_progress(call: AwardCall) -> list[JurorProgress]:
    """For each juror, how many of the (entry × criterion) scores they have given."""
    needed = call.entries.count() * call.criteria.count()
    given = dict(
        AwardScore.objects.filter(entry__call=call)
        .values_list("juror")
        .annotate(n=Count("pk"))
        .values_list("juror", "n")
    )
    return [
        JurorProgress(juror=juror, scored=given.get(juror.pk, 0), needed=needed)
        for juror in call.jury.order_by("last_name", "first_name", "username")
    ]
