"""Shapes shared by every endpoint: errors, paginated lists, query parameter limits."""

import re
from datetime import date, datetime
from typing import Annotated, Any, Literal

from django.utils.http import urlencode
from ninja import Schema
from pydantic import BeforeValidator, Field

from api.errors import MESSAGES
from cms.site_url import absolute_url

# Upper bounds keep database OFFSETs and LIMITs in range for any input.
MAX_PAGE = 100_000
MAX_PAGE_SIZE = 200
DEFAULT_PAGE_SIZE = 20
# The six content languages: a closed set, so the OpenAPI document lists it as an enum.
Language = Literal["ar", "en", "es", "fr", "ru", "zh-hans"]

# No NUL characters: PostgreSQL refuses them in text parameters.
TEXT_PATTERN = r"^[^\x00]*$"

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ISO_DATE_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}")


def _iso_text(pattern: re.Pattern, what: str):
    """Pydantic alone also reads numbers (and numeric strings) as Unix times: `0.5` would be
    1970-01-01. The document says ISO 8601 text, so only that is read."""

    def check(value):
        if isinstance(value, date | datetime):
            return value
        if not isinstance(value, str) or not pattern.match(value):
            raise ValueError(f"an ISO 8601 {what} is expected")
        return value

    return BeforeValidator(check)


# `2026-05-01T12:00:00Z` (a time without zone is read as UTC).
IsoDateTime = Annotated[datetime, _iso_text(_ISO_DATE_TIME, "date and time")]
# `2026-05-01`.
IsoDate = Annotated[date, _iso_text(_ISO_DATE, "date")]

# The stable machine codes of errors (api.errors.MESSAGES): clients branch on them.
ErrorCode = Literal[tuple(MESSAGES)]


class FieldProblem(Schema):
    location: list[str] = Field(description="Where: `query`/`body`/`path`, then the field.")
    problem: str


class ErrorBody(Schema):
    code: ErrorCode
    message: str = Field(description="For people, in the language asked (Accept-Language).")
    details: list[FieldProblem] | dict[str, Any] | None = Field(
        None,
        description=(
            "A list of field problems for refused parameters or bodies, or an object "
            "naming the refused field and the values it accepts."
        ),
    )


class ErrorOut(Schema):
    """Every error answer: `{"error": {"code", "message", "details"?}}`."""

    error: ErrorBody


class ListPageOut(Schema):
    """A page of a list (what `paginate` returns); each list adds its `results`."""

    count: int
    page: int
    page_size: int
    language: Language
    next: str | None
    previous: str | None


def responses(ok, *, auth: bool = False, conditional: bool = True, extra=()) -> dict:
    """The documented answers of an operation (schemathesis checks them)."""
    result = {200: ok, 400: ErrorOut, 401: ErrorOut, 404: ErrorOut, 429: ErrorOut}
    if conditional:
        result[304] = None
    if auth:
        result[403] = ErrorOut
    for status in extra:
        result[status] = ErrorOut
    return result


def write_responses(ok, *, status: int = 200, extra=()) -> dict:
    """The documented answers of an operation that writes with a token (in status order)."""
    errors = (400, 401, 403, 404, 413, 422, 429, *extra)
    return dict(sorted({status: ok, **dict.fromkeys(errors, ErrorOut)}.items()))


def paginate(request, items, *, page: int, page_size: int, language: str) -> dict:
    """A page of a queryset or list, with links to its neighbours."""
    count = items.count() if hasattr(items, "count") and not isinstance(items, list) else len(items)
    start = (page - 1) * page_size
    results = list(items[start : start + page_size])

    def link(number: int) -> str:
        query = request.GET.copy()
        query["page"] = str(number)
        return absolute_url(f"{request.path}?{urlencode(sorted(query.lists()), doseq=True)}")

    return {
        "count": count,
        "page": page,
        "page_size": page_size,
        "language": language,
        "next": link(page + 1) if start + page_size < count else None,
        "previous": link(page - 1) if page > 1 and start - page_size < count else None,
        "results": results,
    }
