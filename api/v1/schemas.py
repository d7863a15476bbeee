"""Shapes shared by every endpoint: errors, paginated lists, query parameter limits."""

from typing import Any, Literal

from django.utils.http import urlencode
from ninja import Schema

from cms.site_url import absolute_url

# Upper bounds keep database OFFSETs and LIMITs in range for any input.
MAX_PAGE = 100_000
MAX_PAGE_SIZE = 200
DEFAULT_PAGE_SIZE = 20
# The six content languages: a closed set, so the OpenAPI document lists it as an enum.
Language = Literal["ar", "en", "es", "fr", "ru", "zh-hans"]

# No NUL characters: PostgreSQL refuses them in text parameters.
TEXT_PATTERN = r"^[^\x00]*$"


class ErrorBody(Schema):
    code: str
    message: str
    details: Any = None


class ErrorOut(Schema):
    error: ErrorBody


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
