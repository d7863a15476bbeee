"""Official documents (UN symbols, meeting codes, one file per language)."""

from datetime import date, datetime
from uuid import UUID

from ninja import Query, Router, Schema

from api.auth import OptionalTokenAuth
from api.errors import ApiError
from api.language import language_negotiate
from api.selectors.pages import (
    documents_published,
    page_in_language,
    page_languages,
    pages_last_published,
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
)
from api.v1.timeutil import since_published
from cms.models import OfficialDocumentPage
from cms.site_url import absolute_url, page_absolute_url

router = Router(tags=["documents"], auth=OptionalTokenAuth())


class DocumentFileOut(Schema):
    language: Language
    title: str
    url: str


class DocumentOut(Schema):
    translation_key: UUID
    symbol: str
    meeting: str
    document_date: date
    title: str
    url: str
    language: Language
    available_languages: list[Language]
    last_published_at: datetime | None
    files: list[DocumentFileOut]


class DocumentListOut(ListPageOut):
    results: list[DocumentOut]


def document_data(request, page: OfficialDocumentPage, languages: list[str]) -> dict:
    return {
        "translation_key": page.translation_key,
        "symbol": page.symbol,
        "meeting": page.meeting,
        "document_date": page.document_date,
        "title": page.title,
        "url": page_absolute_url(page) or "",
        "language": page.locale.language_code,
        "available_languages": languages,
        "last_published_at": page.last_published_at,
        "files": [
            {
                "language": item.language,
                "title": item.document.title,
                "url": absolute_url(item.document.url),
            }
            for item in page.files.all()
        ],
    }


@router.get("/documents", response=responses(DocumentListOut), summary="List official documents")
def documents_list(
    request,
    lang: Language | None = None,
    meeting: str | None = Query(None, max_length=50, pattern=TEXT_PATTERN),
    symbol: str | None = Query(None, max_length=100, pattern=TEXT_PATTERN),
    year: int | None = Query(None, ge=1900, le=2200),
    updated_since: IsoDateTime | None = None,
    page: int = Query(1, ge=1, le=MAX_PAGE),
    page_size: int = Query(DEFAULT_PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE),
):
    """Filter by meeting code (`COP-12`), part of the symbol, or year of the document."""
    language = language_negotiate(request, lang)
    documents = documents_published(
        language=language,
        meeting=meeting,
        symbol=symbol,
        year=year,
        updated_since=since_published(updated_since),
    )
    set_last_modified(request.api_response, pages_last_published(documents))
    result = paginate(request, documents, page=page, page_size=page_size, language=language)
    languages = page_languages(item.translation_key for item in result["results"])
    result["results"] = [
        document_data(request, item, languages[item.translation_key]) for item in result["results"]
    ]
    return result


@router.get("/documents/{translation_key}", response=responses(DocumentOut), summary="One document")
def document_detail(request, translation_key: UUID, lang: Language | None = None):
    language = language_negotiate(request, lang)
    page, _fallback = page_in_language(translation_key, language, model=OfficialDocumentPage)
    if page is None:
        raise ApiError(404, "not_found")
    set_last_modified(request.api_response, page.last_published_at)
    languages = page_languages([page.translation_key])[page.translation_key]
    return document_data(request, page, languages)
