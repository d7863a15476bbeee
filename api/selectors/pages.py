"""Published pages as the API and the sitemap see them: live, public, per locale."""

from collections import defaultdict
from datetime import datetime
from uuid import UUID

from django.db.models import Max, QuerySet
from wagtail.models import Page, get_page_models

from cms.models import OfficialDocumentPage

FALLBACK_LANGUAGE = "en"


def page_type_label(model) -> str:
    return f"{model._meta.app_label}.{model.__name__}"


def page_types() -> dict[str, type]:
    """Every concrete page type of the site, keyed 'app_label.ModelName' (as Wagtail's API)."""
    return {page_type_label(model): model for model in get_page_models() if model is not Page}


def pages_published(
    *,
    language: str,
    page_type: type | None = None,
    updated_since: datetime | None = None,
) -> QuerySet:
    """Live, public pages in one language (the root node excluded), last published first."""
    model = page_type or Page
    pages = (
        model.objects.live()
        .public()
        .filter(depth__gt=1, locale__language_code=language)
        .select_related("locale")
    )
    if updated_since is not None:
        pages = pages.filter(last_published_at__gt=updated_since)
    return pages.order_by("-last_published_at", "-pk")


def page_languages(translation_keys) -> dict[UUID, list[str]]:
    """The languages each page is published in, one query for a whole list."""
    languages: dict[UUID, list[str]] = defaultdict(list)
    rows = (
        Page.objects.live()
        .public()
        .filter(translation_key__in=list(translation_keys))
        .values_list("translation_key", "locale__language_code")
        .order_by("locale__language_code")
    )
    for key, code in rows:
        languages[key].append(code)
    return languages


def page_in_language(translation_key: UUID, language: str, model=Page):
    """The page in the language asked, else its English version; (page, is_fallback).

    None when no published version exists in either.
    """
    versions = {
        page.locale.language_code: page
        for page in model.objects.live()
        .public()
        .filter(translation_key=translation_key, depth__gt=1)
        .select_related("locale")
    }
    if language in versions:
        return versions[language].specific, False
    if FALLBACK_LANGUAGE in versions:
        return versions[FALLBACK_LANGUAGE].specific, True
    return None, False


def pages_last_published(pages: QuerySet) -> datetime | None:
    return pages.aggregate(latest=Max("last_published_at"))["latest"]


def documents_published(
    *,
    language: str,
    meeting: str | None = None,
    symbol: str | None = None,
    year: int | None = None,
    updated_since: datetime | None = None,
) -> QuerySet:
    """Official documents in one language, newest document date first."""
    documents = pages_published(
        language=language, page_type=OfficialDocumentPage, updated_since=updated_since
    )
    if meeting:
        documents = documents.filter(meeting__iexact=meeting.strip())
    if symbol:
        documents = documents.filter(symbol__icontains=symbol.strip())
    if year:
        documents = documents.filter(document_date__year=year)
    return documents.prefetch_related("files__document").order_by("-document_date", "-pk")
