"""Notifications (issued; withdrawn ones stay listed as withdrawn) and responses."""

from datetime import date, datetime
from typing import Literal

from ninja import Query, Router, Schema
from pydantic import ConfigDict, Field

from api.adapters import response_submit_for_token
from api.auth import OptionalTokenAuth, TokenAuth
from api.errors import ApiError
from api.language import language_negotiate
from api.selectors.notifications import (
    notification_view_get,
    notification_views,
    notifications_filtered,
)
from api.v1.core import set_last_modified
from api.v1.schemas import (
    DEFAULT_PAGE_SIZE,
    MAX_PAGE,
    MAX_PAGE_SIZE,
    TEXT_PATTERN,
    IsoDateTime,
    Language,
    ListPageOut,
    paginate,
    responses,
    write_responses,
)
from api.v1.timeutil import since_published
from cms.site_url import absolute_url
from notifications.models import Category

router = Router(tags=["notifications"], auth=OptionalTokenAuth())

NUMBER_PATTERN = r"^\d{4}-\d{3,4}$"


class SubjectOut(Schema):
    code: str
    title: str


class FileOut(Schema):
    language: Language
    url: str


# Only issued and withdrawn notifications are public.
PublicStatus = Literal["issued", "withdrawn"]
CategoryCode = Literal[tuple(Category.values)]


class NotificationOut(Schema):
    number: str
    reference: str
    status: PublicStatus
    title: str
    language: Language
    available_languages: list[Language]
    issue_date: date | None
    action_required_by: date | None
    deadline: date | None
    recipients: str
    categories: list[CategoryCode]
    subjects: list[SubjectOut]
    meetings: list[str]
    url: str
    letters: list[FileOut]
    updated: datetime | None


class NotificationDetailOut(NotificationOut):
    requested_language: Language
    fallback: bool
    body_html: str
    signature: str


class NotificationListOut(ListPageOut):
    results: list[NotificationOut]


class ResponseIn(Schema):
    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, max_length=20000, pattern=TEXT_PATTERN)
    language: Language = "en"


class ResponseOut(Schema):
    id: int
    notification: str
    party: str
    language: Language
    text: str
    submitted_at: datetime


def notification_data(request, view, language: str) -> dict:
    notification = view.notification
    text = view.texts.get(language) or view.texts.get("en") or next(iter(view.texts.values()), None)
    shown = text.locale.language_code if text else language
    return {
        "number": notification.number,
        "reference": notification.reference,
        "status": notification.status,
        "title": text.title if text else "",
        "language": shown,
        "available_languages": sorted(view.texts),
        "issue_date": notification.issue_date,
        "action_required_by": notification.action_required_by,
        "deadline": notification.deadline,
        "recipients": text.recipients_text if text else "",
        "categories": [code for code in notification.categories if code in Category.values],
        "subjects": [
            {"code": subject.code, "title": subject.title_in(language)}
            for subject in notification.subjects.all()
        ],
        "meetings": list(notification.meeting_codes or []),
        "url": absolute_url(f"/{shown}/notifications/{notification.number}/"),
        "letters": [
            {"language": letter.language, "url": absolute_url(letter.file.url)}
            for letter in notification.letters.all()
            if letter.language in view.texts
        ],
        "updated": view.updated,
    }


@router.get("/notifications", response=responses(NotificationListOut), summary="List notifications")
def notifications_list(
    request,
    lang: Language | None = None,
    year: int | None = Query(None, ge=1900, le=2200),
    subject: str | None = Query(None, max_length=40, pattern=TEXT_PATTERN),
    q: str | None = Query(None, max_length=200, pattern=TEXT_PATTERN),
    updated_since: IsoDateTime | None = None,
    page: int = Query(1, ge=1, le=MAX_PAGE),
    page_size: int = Query(DEFAULT_PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE),
):
    """Newest first. `subject` is a CBD-SUBJECTS code; `q` searches number, reference,
    title and text; `updated_since` returns those issued, withdrawn or (re)published in a
    language after that moment (incremental pulls, see docs/examples)."""
    language = language_negotiate(request, lang)
    notifications = notifications_filtered(
        year=year, subject=subject, text=q, updated_since=since_published(updated_since)
    )
    result = paginate(request, notifications, page=page, page_size=page_size, language=language)
    views = notification_views(result["results"])
    moments = [view.updated for view in views if view.updated]
    set_last_modified(request.api_response, max(moments) if moments else None)
    result["results"] = [notification_data(request, view, language) for view in views]
    return result


@router.get(
    "/notifications/{number}",
    response=responses(NotificationDetailOut),
    summary="One notification by number (YYYY-NNN)",
)
def notification_detail(request, number: str, lang: Language | None = None):
    language = language_negotiate(request, lang)
    view = notification_view_get(number) if len(number) <= 20 else None
    if view is None:
        raise ApiError(404, "not_found")
    set_last_modified(request.api_response, view.updated)
    data = notification_data(request, view, language)
    text = view.texts.get(data["language"])
    data.update(
        requested_language=language,
        fallback=data["language"] != language,
        body_html=str(text.body) if text else "",
        signature=text.signature if text else "",
    )
    return data


@router.post(
    "/notifications/{number}/responses",
    auth=TokenAuth(),
    response=write_responses(ResponseOut, status=201, extra=(409,)),
    summary="Submit the token's Party's response to a notification",
)
def response_create(request, number: str, payload: ResponseIn):
    """The response is filed for the token's own Party; a Party cannot be named here."""
    response = response_submit_for_token(
        token=request.auth, number=number, text=payload.text, language=payload.language
    )
    return 201, {
        "id": response.pk,
        "notification": response.notification.number,
        "party": request.auth.party.code,
        "language": response.language,
        "text": response.text,
        "submitted_at": response.submitted_at,
    }
