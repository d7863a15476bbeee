"""National reports and NBSAPs: published ones for everyone; drafts written, filed and
submitted by a Party's token (the Secretariat publishes them in the admin)."""

from datetime import date, datetime
from typing import Annotated, Literal

from django.conf import settings
from django.urls import reverse
from ninja import File, Form, Query, Router, Schema
from ninja.files import UploadedFile
from pydantic import Field

from api.adapters import report_call_for_token
from api.auth import OptionalTokenAuth, TokenAuth
from api.errors import ApiError
from api.language import language_negotiate
from api.v1.core import set_last_modified
from api.v1.schemas import (
    DEFAULT_PAGE_SIZE,
    MAX_PAGE,
    MAX_PAGE_SIZE,
    TEXT_PATTERN,
    IsoDate,
    IsoDateTime,
    Language,
    ListPageOut,
    paginate,
    responses,
)
from api.v1.timeutil import since_published
from reports.models import Report
from reports.selectors import reports_published, reports_search

router = Router(tags=["national reports and NBSAPs"], auth=OptionalTokenAuth())

Kind = Literal["national-report", "nbsap"]
Status = Literal["draft", "submitted", "published", "withdrawn"]


class LocalizedText(Schema):
    language: Language
    value: str


class ReportFileOut(Schema):
    language: Language
    filename: str
    url: str


class ReportOut(Schema):
    id: int
    party: str
    party_name: str
    kind: Kind
    cycle: int | None = Field(None, ge=1, le=7)
    status: Status
    title: str
    summary: str
    title_language: Language
    titles: list[LocalizedText]
    summaries: list[LocalizedText]
    original_language: Language
    document_date: date
    period_start: int | None
    period_end: int | None
    aichi_targets: list[int]
    available_languages: list[Language]
    files: list[ReportFileOut]
    submitted: datetime | None
    published: datetime | None
    updated: datetime
    link: str


class ReportListOut(ListPageOut):
    results: list[ReportOut]


NonBlank = Annotated[str, Field(min_length=1, max_length=1000, pattern=r"^[^\x00]*\S[^\x00]*$")]
Text = Annotated[str, Field(max_length=20000, pattern=TEXT_PATTERN)]
AichiTarget = Annotated[int, Field(ge=1, le=20)]


class _DraftIn(Schema):
    titles: dict[Language, NonBlank] = Field(..., min_length=1)
    summaries: dict[Language, Text] = Field(default_factory=dict)
    original_language: Language = "en"
    document_date: IsoDate
    aichi_targets: list[AichiTarget] = Field(default_factory=list, max_length=20)


class NationalReportIn(_DraftIn):
    """A national report belongs to a reporting cycle (1–7)."""

    kind: Literal["national-report"]
    cycle: int = Field(..., ge=1, le=7)


class NbsapIn(_DraftIn):
    """An NBSAP has no reporting cycle."""

    kind: Literal["nbsap"]


ReportIn = Annotated[NationalReportIn | NbsapIn, Field(discriminator="kind")]


def _localized(values: dict) -> list[dict]:
    codes = [code for code, _name in settings.LANGUAGES]
    return [{"language": c, "value": values[c]} for c in codes if values.get(c)]


def report_data(request, report: Report, language: str) -> dict:
    files = list(report.files.all())
    return {
        "id": report.pk,
        "party": report.party.code,
        "party_name": report.party.name_in(language),
        "kind": report.kind,
        "cycle": report.cycle,
        "status": report.status,
        "title": report.title_in(language),
        "summary": report.summary_in(language),
        "title_language": report.display_language(language),
        "titles": _localized(report.titles),
        "summaries": _localized(report.summaries or {}),
        "original_language": report.original_language,
        "document_date": report.document_date,
        "period_start": report.period_start,
        "period_end": report.period_end,
        "aichi_targets": list(report.aichi_targets),
        "available_languages": report.languages(),
        "files": [
            {
                "language": item.language,
                "filename": item.filename,
                "url": request.build_absolute_uri(reverse("reports:file", args=[item.pk])),
            }
            for item in files
        ],
        "submitted": report.submitted_at,
        "published": report.published_at,
        "updated": report.updated_at,
        "link": request.build_absolute_uri(reverse("reports:detail", args=[report.pk])),
    }


@router.get("/reports", response=responses(ReportListOut), summary="Published reports and NBSAPs")
def reports_list(
    request,
    lang: Language | None = None,
    party: str | None = Query(None, max_length=2, pattern=r"^[A-Za-z]{2}$"),
    kind: Kind | None = None,
    cycle: int | None = Query(None, ge=1, le=7),
    aichi_target: int | None = Query(None, ge=1, le=20),
    q: str | None = Query(None, max_length=200, pattern=TEXT_PATTERN),
    updated_since: IsoDateTime | None = None,
    page: int = Query(1, ge=1, le=MAX_PAGE),
    page_size: int = Query(DEFAULT_PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE),
):
    """Newest document first. `updated_since` (exclusive) serves incremental pulls."""
    language = language_negotiate(request, lang)
    reports = reports_search(
        query=q or "",
        party_code=party or "",
        kind=kind or "",
        cycle=cycle,
        aichi_target=aichi_target,
        updated_since=since_published(updated_since),
    )
    latest = reports.order_by("-updated_at").values_list("updated_at", flat=True).first()
    set_last_modified(request.api_response, latest)
    result = paginate(request, reports, page=page, page_size=page_size, language=language)
    result["results"] = [report_data(request, r, language) for r in result["results"]]
    return result


@router.get("/reports/{report_id}", response=responses(ReportOut), summary="One published report")
def report_detail(request, report_id: int, lang: Language | None = None):
    language = language_negotiate(request, lang)
    report = reports_published().filter(pk=report_id).first() if report_id < 2**31 else None
    if report is None:
        raise ApiError(404, "not_found")
    set_last_modified(request.api_response, report.updated_at)
    return report_data(request, report, language)


# 409: the draft's state refuses it (not a draft, no file yet); 422: a refused body.
WRITE = responses(ReportOut, auth=True, conditional=False, extra=(409, 413, 422))


@router.post(
    "/reports", auth=TokenAuth(), response=WRITE, summary="A new draft of the token's Party"
)
def report_create(request, payload: ReportIn):
    language = language_negotiate(request, None)
    report = report_call_for_token(token=request.auth, action="create", values=payload.dict())
    return report_data(request, report, language)


@router.post(
    "/reports/{report_id}/files",
    auth=TokenAuth(),
    response=WRITE,
    summary="Attach a file in one language to a draft",
)
def report_file_add(request, report_id: int, language: Form[Language], file: File[UploadedFile]):
    report = report_call_for_token(
        token=request.auth,
        action="file_add",
        report_id=report_id,
        values={"language": language, "upload": file},
    )
    return report_data(request, report, language_negotiate(request, None))


@router.post(
    "/reports/{report_id}/submit",
    auth=TokenAuth(),
    response=WRITE,
    summary="Submit a draft to the Secretariat",
)
def report_submit(request, report_id: int):
    report = report_call_for_token(token=request.auth, action="submit", report_id=report_id)
    return report_data(request, report, language_negotiate(request, None))
