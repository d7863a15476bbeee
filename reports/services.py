"""Every change to a report: one function per state change (permission, write, audit).

draft → submitted (the Party's national authorized users) → published (the Secretariat);
the Secretariat can send a submission back to draft, and withdraw a published report.
Each change is logged with Wagtail's audit log (`reports.*` actions) and moves
`updated_at`, which harvesters pull on.
"""

from datetime import date
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from cms.models import Party
from reports.models import Report, ReportFile
from reports.permissions import can_edit, user_is_secretariat

EDITABLE = {Report.Status.DRAFT}


def _search_text(report: Report) -> str:
    parts = [*report.titles.values(), *(report.summaries or {}).values()]
    parts += list(report.party.names.values()) + [report.party.code]
    return " ".join(str(part) for part in parts).casefold()


def _save(report: Report) -> None:
    report.full_clean(exclude=["party", "created_by", "submitted_by", "published_by"])
    report.search_text = _search_text(report)
    report.save()


@transaction.atomic
def report_create(
    *,
    user,
    party: Party,
    kind: str,
    titles: dict[str, str],
    document_date: date,
    summaries: dict[str, str] | None = None,
    cycle: int | None = None,
    original_language: str = "en",
    aichi_targets: list[int] | None = None,
    period_start: int | None = None,
    period_end: int | None = None,
) -> Report:
    """A new draft for `party`. Raises PermissionDenied or ValidationError."""
    if not can_edit(user, party):
        raise PermissionDenied(_("Only the Party's national authorized users can do this."))
    report = Report(
        party=party,
        kind=kind,
        cycle=cycle,
        titles={k: v.strip() for k, v in titles.items() if v and v.strip()},
        summaries={k: v.strip() for k, v in (summaries or {}).items() if v and v.strip()},
        original_language=original_language,
        document_date=document_date,
        aichi_targets=sorted(set(aichi_targets or [])),
        period_start=period_start,
        period_end=period_end,
        created_by=user,
    )
    _save(report)
    log(report, "wagtail.create", user=user)
    return report


@transaction.atomic
def report_update(*, user, report: Report, **fields) -> Report:
    """Change a draft (the Party) or any report's description (the Secretariat)."""
    report = Report.objects.select_for_update().get(pk=report.pk)
    if not can_edit(user, report.party):
        raise PermissionDenied(_("Only the Party's national authorized users can do this."))
    if report.status not in EDITABLE and not user_is_secretariat(user):
        raise ValidationError(_("Only a draft can be changed; ask the Secretariat."))
    allowed = {
        "kind", "cycle", "titles", "summaries", "original_language", "document_date",
        "aichi_targets", "period_start", "period_end",
    }  # fmt: skip
    unknown = set(fields) - allowed
    if unknown:
        raise ValidationError(_("These fields cannot be changed: %s") % ", ".join(sorted(unknown)))
    for name, value in fields.items():
        if name in ("titles", "summaries"):
            value = {k: v.strip() for k, v in (value or {}).items() if v and v.strip()}
        if name == "aichi_targets":
            value = sorted(set(value or []))
        setattr(report, name, value)
    _save(report)
    log(report, "wagtail.edit", user=user, data={"fields": sorted(fields)})
    return report


def _file_check(upload: UploadedFile) -> None:
    # Any type is kept (Parties send PDF, Word, OpenDocument, scans…); what is not a
    # known document type is only ever served as a download (`reports.files`).
    if upload.size > settings.MAX_UPLOAD_MB * 1024 * 1024:
        raise ValidationError(
            _("The file is larger than %(size)s MB.") % {"size": settings.MAX_UPLOAD_MB}
        )


@transaction.atomic
def report_file_add(*, user, report: Report, language: str, upload: UploadedFile) -> ReportFile:
    """Attach a file in `language` (a draft's, or the Secretariat's correction)."""
    report = Report.objects.select_for_update().get(pk=report.pk)
    if not can_edit(user, report.party):
        raise PermissionDenied(_("Only the Party's national authorized users can do this."))
    if report.status not in EDITABLE and not user_is_secretariat(user):
        raise ValidationError(_("Only a draft can be changed; ask the Secretariat."))
    if language not in dict(settings.LANGUAGES):
        raise ValidationError(_("Choose one of the six UN languages."))
    _file_check(upload)
    name = PurePath(upload.name or "").name[:200] or "report"
    item = ReportFile(report=report, language=language, filename=name)
    item.file.save(name, upload, save=False)
    try:
        item.save()
    except Exception:
        item.file.delete(save=False)
        raise
    report.save(update_fields=["updated_at"])
    log(report, "reports.file_add", user=user, data={"language": language, "file": name})
    return item


@transaction.atomic
def report_file_remove(*, user, item: ReportFile) -> None:
    report = Report.objects.select_for_update().get(pk=item.report_id)
    if not can_edit(user, report.party):
        raise PermissionDenied(_("Only the Party's national authorized users can do this."))
    if report.status not in EDITABLE and not user_is_secretariat(user):
        raise ValidationError(_("Only a draft can be changed; ask the Secretariat."))
    stored = item.file.name
    item.delete()
    # The file goes once the row is gone for good.
    transaction.on_commit(lambda: item.file.storage.delete(stored))
    report.save(update_fields=["updated_at"])
    log(report, "reports.file_remove", user=user, data={"file": item.filename})


def _transition(report: Report, allowed_from: set[str], target: str) -> Report:
    report = Report.objects.select_for_update().get(pk=report.pk)
    if report.status not in allowed_from:
        raise ValidationError(
            _("This report is %(status)s: that is not possible now.")
            % {"status": report.get_status_display()}
        )
    report.status = target
    return report


@transaction.atomic
def report_submit(*, user, report: Report) -> Report:
    """The Party hands its draft to the Secretariat. A report needs a file to be submitted."""
    if not can_edit(user, report.party):
        raise PermissionDenied(_("Only the Party's national authorized users can do this."))
    report = _transition(report, {Report.Status.DRAFT}, Report.Status.SUBMITTED)
    if not report.files.exists():
        raise ValidationError(_("Attach the report's file before submitting it."))
    report.submitted_at, report.submitted_by = timezone.now(), user
    report.save()
    log(report, "reports.submit", user=user)
    return report


@transaction.atomic
def report_return(*, user, report: Report, reason: str = "") -> Report:
    """The Secretariat sends a submission back to the Party as a draft."""
    return _secretariat_step_back(user=user, report=report, action="reports.return", reason=reason)


@transaction.atomic
def report_publish(*, user, report: Report) -> Report:
    """The Secretariat publishes a submitted (or re-publishes a withdrawn) report."""
    if not user_is_secretariat(user):
        raise PermissionDenied(_("Only the Secretariat can do this."))
    report = _transition(
        report, {Report.Status.SUBMITTED, Report.Status.WITHDRAWN}, Report.Status.PUBLISHED
    )
    report.published_at, report.published_by = timezone.now(), user
    report.save()
    log(report, "reports.publish", user=user)
    return report


@transaction.atomic
def report_withdraw(*, user, report: Report, reason: str = "") -> Report:
    """The Secretariat takes a published report off the public site, API and OData."""
    return _secretariat_step_back(
        user=user, report=report, action="reports.withdraw", reason=reason
    )


# The Secretariat's steps back (audit-log action → from, to); each records its reason.
_STEPS_BACK = {
    "reports.return": (Report.Status.SUBMITTED, Report.Status.DRAFT),
    "reports.withdraw": (Report.Status.PUBLISHED, Report.Status.WITHDRAWN),
}


def _secretariat_step_back(*, user, report: Report, action: str, reason: str) -> Report:
    if not user_is_secretariat(user):
        raise PermissionDenied(_("Only the Secretariat can do this."))
    source, target = _STEPS_BACK[action]
    report = _transition(report, {source}, target)
    report.save()
    log(report, action, user=user, data={"reason": reason[:1000]})
    return report
