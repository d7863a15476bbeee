"""Pages in the site-search index: every live, public page, one group per translation set."""

from __future__ import annotations

from collections.abc import Iterable

from django.utils.encoding import force_str
from modelsearch.index import SearchField
from wagtail.models import Page

from cms.search.indexing import DocumentData, search_provider_register, summary_of

PREFIX = "page"


def _value_text(value) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, list | tuple):
        return " ".join(_value_text(item) for item in value)
    if isinstance(value, dict):
        return " ".join(_value_text(item) for item in value.values())
    return force_str(value) if value is not None else ""


def page_document(page: Page) -> DocumentData:
    texts = []
    for search_field in page.get_search_fields():
        if isinstance(search_field, SearchField) and search_field.field_name != "title":
            weight = 3 if (search_field.boost or 1) > 1 else 1
            texts.append((_value_text(search_field.get_value(page)), weight))
    intro = getattr(page, "intro", "")
    summary = page.search_description or (intro.source if hasattr(intro, "source") else intro)
    return DocumentData(
        key=f"{PREFIX}:{page.pk}",
        language=page.locale.language_code,
        kind=page.specific_class._meta.label_lower,
        title=page.title,
        url=page.get_url() or "",
        summary=summary_of(str(summary or "")),
        date=getattr(page, "date", None)
        or getattr(page, "start_date", None)
        or getattr(page, "document_date", None),
        texts=texts,
    )


def page_group_documents(translation_key: str) -> list[DocumentData]:
    pages = Page.objects.filter(translation_key=translation_key, depth__gt=1).live().public()
    return [page_document(page) for page in pages.specific().select_related("locale")]


def page_groups() -> Iterable[str]:
    pages = Page.objects.filter(depth__gt=1).live().public()
    keys = pages.order_by().values_list("translation_key", flat=True).distinct()
    return [str(key) for key in keys]


def page_group(page: Page) -> str:
    return f"{PREFIX}:{page.translation_key}"


def register() -> None:
    search_provider_register(PREFIX, page_group_documents, page_groups)
