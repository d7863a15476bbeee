"""The public focal point directory."""

from datetime import datetime
from typing import Literal

from ninja import Query, Router, Schema

from api.auth import OptionalTokenAuth
from api.errors import ApiError
from api.language import language_negotiate
from api.selectors.directory import directory_entries
from api.v1.core import set_last_modified
from api.v1.schemas import (
    DEFAULT_PAGE_SIZE,
    MAX_PAGE,
    MAX_PAGE_SIZE,
    Language,
    ListPageOut,
    paginate,
    responses,
)
from notifications.models import Category

router = Router(tags=["focal points"], auth=OptionalTokenAuth())


class FocalPointOut(Schema):
    id: int
    party: str
    categories: list[Literal[tuple(Category.values)]]
    title: str
    first_name: str
    last_name: str
    organisation: str
    department: str
    designation: str
    websites: list[str]
    emails: list[str]
    phones: list[str]
    address: str
    preferred_language: Language
    updated: datetime | None


class FocalPointListOut(ListPageOut):
    results: list[FocalPointOut]


@router.get("/focal-points", response=responses(FocalPointListOut), summary="Focal point directory")
def focal_points_list(
    request,
    lang: Language | None = None,
    party: str | None = Query(None, max_length=2),
    category: Literal[tuple(Category.values)] | None = None,
    page: int = Query(1, ge=1, le=MAX_PAGE),
    page_size: int = Query(DEFAULT_PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE),
):
    """Active national focal points. E-mail addresses, phones and postal addresses appear
    only where the focal point agreed to publish them. `category` is a code such as
    `CHM-FP`."""
    language = language_negotiate(request, lang)
    if category and category not in Category.values:
        raise ApiError(400, "invalid_parameter", details={"category": Category.values})
    entries = directory_entries(party_code=(party or "").strip(), category=category or "")
    moments = [entry["updated"] for entry in entries if entry["updated"]]
    set_last_modified(request.api_response, max(moments) if moments else None)
    return paginate(request, entries, page=page, page_size=page_size, language=language)
