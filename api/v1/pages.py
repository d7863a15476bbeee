"""Published pages, by type and language."""

from datetime import date, datetime
from typing import Literal
from uuid import UUID

from ninja import Query, Router, Schema

from api.auth import OptionalTokenAuth
from api.errors import ApiError
from api.language import language_negotiate
from api.selectors.pages import (
    page_in_language,
    page_languages,
    page_type_label,
    page_types,
    pages_last_published,
    pages_published,
)
from api.v1.core import set_last_modified
from api.v1.schemas import (
    DEFAULT_PAGE_SIZE,
    MAX_PAGE,
    MAX_PAGE_SIZE,
    IsoDateTime,
    Language,
    ListPageOut,
    paginate,
    responses,
)
from api.v1.timeutil import since_published
from cms.site_url import page_absolute_url

router = Router(tags=["pages"], auth=OptionalTokenAuth())

# The site's page types, a closed set (the apps are loaded before the URLs import this).
PageType = Literal[tuple(sorted(page_types()))]

# Fields some page types add, published as strings (dates in ISO 8601).
EXTRA_FIELDS = ("date", "start_date", "end_date", "location", "symbol", "meeting", "document_date")


class PageOut(Schema):
    id: int
    translation_key: UUID
    type: str
    title: str
    slug: str
    url: str
    language: Language
    available_languages: list[Language]
    first_published_at: datetime | None
    last_published_at: datetime | None
    intro: str
    fields: dict[str, str | None]


class PageDetailOut(PageOut):
    requested_language: Language
    fallback: bool
    body_html: str


class PageListOut(ListPageOut):
    results: list[PageOut]


def page_data(request, page, languages: list[str]) -> dict:
    fields = {}
    for name in EXTRA_FIELDS:
        if hasattr(page, name):
            value = getattr(page, name)
            fields[name] = value.isoformat() if isinstance(value, date) else (value or None)
    intro = getattr(page, "intro", "") or ""
    return {
        "id": page.pk,
        "translation_key": page.translation_key,
        "type": page_type_label(type(page)),
        "title": page.title,
        "slug": page.slug,
        "url": page_absolute_url(page) or "",
        "language": page.locale.language_code,
        "available_languages": languages,
        "first_published_at": page.first_published_at,
        "last_published_at": page.last_published_at,
        "intro": str(intro),
        "fields": fields,
    }


@router.get("/pages", response=responses(PageListOut), summary="List published pages")
def pages_list(
    request,
    lang: Language | None = None,
    type: PageType | None = None,  # noqa: A002
    updated_since: IsoDateTime | None = None,
    page: int = Query(1, ge=1, le=MAX_PAGE),
    page_size: int = Query(DEFAULT_PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE),
):
    """Published pages in one language, last published first.

    `type` is a page type such as `cms.NewsPage`; `updated_since` returns only pages
    published after that moment (for incremental harvesting).
    """
    language = language_negotiate(request, lang)
    model = page_types()[type] if type else None
    pages = pages_published(
        language=language, page_type=model, updated_since=since_published(updated_since)
    )
    set_last_modified(request.api_response, pages_last_published(pages))
    result = paginate(request, pages.specific(), page=page, page_size=page_size, language=language)
    languages = page_languages(item.translation_key for item in result["results"])
    result["results"] = [
        page_data(request, item, languages[item.translation_key]) for item in result["results"]
    ]
    return result


@router.get(
    "/pages/{translation_key}",
    response=responses(PageDetailOut),
    summary="One page in the language asked, or its English version",
)
def page_detail(request, translation_key: UUID, lang: Language | None = None):
    """Pages are identified across languages by their translation key."""
    language = language_negotiate(request, lang)
    page, fallback = page_in_language(translation_key, language)
    if page is None:
        raise ApiError(404, "not_found")
    set_last_modified(request.api_response, page.last_published_at)
    data = page_data(request, page, page_languages([page.translation_key])[page.translation_key])
    body = getattr(page, "body", None)
    data.update(
        requested_language=language,
        fallback=fallback,
        body_html=str(body) if body is not None else "",
    )
    return data
