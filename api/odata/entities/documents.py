"""Meetings and Decisions, from the official documents the CMS publishes.

Meetings: one per meeting code carried by official documents (`COP-12`).
Decisions: official documents whose UN symbol is a decision symbol (`…/DEC/…`), one
entity per translation key, described by its English version (or its oldest one).
"""

import re
from collections import defaultdict
from datetime import UTC, datetime, time

from django.db.models import (
    Count,
    F,
    IntegerField,
    Max,
    OuterRef,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce, Trim, Upper
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from api.odata.entities.base import TREATY, EntitySet, Prop, iso, localized
from cms.languages import content_language_codes
from cms.models import OfficialDocumentPage
from cms.site_url import absolute_url, page_absolute_url

DECISION_SYMBOL = r"/DEC/\S+$"
DECISION_SYMBOL_NUMBER = r"/DEC/(\S+)$"
MEETING_BODIES = {
    "COP": _("Conference of the Parties"),
    "SBSTTA": _("Subsidiary Body on Scientific, Technical and Technological Advice"),
    "SBI": _("Subsidiary Body on Implementation"),
    "CP-MOP": _("Meeting of the Parties to the Cartagena Protocol"),
    "NP-MOP": _("Meeting of the Parties to the Nagoya Protocol"),
}


def meeting_titles(code: str) -> dict[str, str]:
    body, _sep, number = code.rpartition("-")
    label = MEETING_BODIES.get(body.upper())
    if label is None or not number:
        return dict.fromkeys(content_language_codes(), code)
    titles = {}
    for language in content_language_codes():
        with translation.override(language):
            titles[language] = str(
                _("%(body)s, meeting %(number)s") % {"body": label, "number": number}
            )
    return titles


def _decision_number(symbol: str) -> str | None:
    match = re.search(DECISION_SYMBOL_NUMBER, symbol.strip(), re.IGNORECASE)
    return match[1] if match else None


def _published_documents() -> QuerySet:
    return OfficialDocumentPage.objects.live().public()


def _versions(keys) -> dict:
    """{translation key: {language: page}} of the published versions."""
    grouped = defaultdict(dict)
    pages = (
        _published_documents()
        .filter(translation_key__in=list(keys))
        .select_related("locale")
        .prefetch_related("files__document")
        .order_by("pk")
    )
    for page in pages:
        grouped[page.translation_key][page.locale.language_code] = page
    return grouped


class Meetings(EntitySet):
    name = "Meetings"
    entity_type = "Meeting"
    tiebreak = "odata_id"
    props = (
        Prop("id", "Edm.String", "string", nullable=False),
        Prop("treaty", "Edm.String", "string"),
        Prop("title", "Collection(informea.LocalizableString)"),
        Prop("type", "Edm.String"),
        Prop("documents", "Edm.Int32", "int"),
        Prop("updated", "Edm.DateTimeOffset", "datetime"),
    )

    def queryset(self):
        return (
            _published_documents()
            .exclude(meeting="")
            .values(odata_id=Upper(Trim("meeting")))
            .annotate(
                odata_documents=Count("translation_key", distinct=True),
                odata_updated=Max("last_published_at"),
                odata_treaty=Value(TREATY),
            )
            .exclude(odata_id="")
        )

    def page_rows(self, rows, start, stop):
        return list(rows[start:stop])  # grouped rows: no key of their own

    def serialize(self, rows, request):
        return [
            {
                "id": row["odata_id"],
                "treaty": TREATY,
                "title": localized(meeting_titles(row["odata_id"])),
                "type": row["odata_id"].rpartition("-")[0].lower() or None,
                "documents": row["odata_documents"],
                "updated": iso(row["odata_updated"]),
            }
            for row in rows
        ]


class Decisions(EntitySet):
    name = "Decisions"
    entity_type = "Decision"
    props = (
        Prop("id", "Edm.String", "string", nullable=False),
        Prop("link", "Edm.String"),
        Prop("title", "Collection(informea.LocalizableString)"),
        Prop("summary", "Collection(informea.LocalizableString)"),
        Prop("type", "Edm.String", "string"),
        Prop("status", "Edm.String", "string"),
        Prop("number", "Edm.String"),
        Prop("symbol", "Edm.String", "string"),
        Prop("treaty", "Edm.String", "string"),
        Prop("published", "Edm.DateTimeOffset"),
        Prop("updated", "Edm.DateTimeOffset", "datetime"),
        Prop("meetingId", "Edm.String", "string"),
        Prop("meetingTitle", "Collection(informea.LocalizableString)"),
        Prop("files", "Collection(informea.File)"),
    )

    def queryset(self):
        documents = _published_documents()
        same_key = documents.filter(translation_key=OuterRef("translation_key"))
        english = same_key.filter(locale__language_code="en").values("pk")[:1]
        oldest = same_key.order_by("pk").values("pk")[:1]
        updated = (
            same_key.order_by()
            .values("translation_key")
            .annotate(latest=Max("last_published_at"))
            .values("latest")
        )
        return (
            documents.filter(symbol__iregex=DECISION_SYMBOL)
            .annotate(
                main_pk=Coalesce(Subquery(english), Subquery(oldest), output_field=IntegerField())
            )
            .filter(pk=F("main_pk"))
            .annotate(
                odata_id=F("translation_key"),
                odata_type=Value("decision"),
                odata_status=Value("active"),
                odata_symbol=F("symbol"),
                odata_treaty=Value(TREATY),
                odata_updated=Subquery(updated),
                odata_meetingId=Upper(Trim("meeting")),
            )
        )

    def serialize(self, rows, request):
        versions_by_key = _versions(row.translation_key for row in rows)
        entities = []
        for main in rows:
            versions = versions_by_key.get(main.translation_key) or {"": main}
            # The prefetched copy of the main version carries its files.
            with_files = next((page for page in versions.values() if page.pk == main.pk), main)
            meeting = main.meeting.strip().upper()
            published = datetime.combine(main.document_date, time(0), tzinfo=UTC)
            entities.append(
                {
                    "id": str(main.translation_key),
                    "link": page_absolute_url(main),
                    "title": localized({code: page.title for code, page in versions.items()}),
                    "summary": localized({code: page.intro for code, page in versions.items()}),
                    "type": "decision",
                    "status": "active",
                    "number": _decision_number(main.symbol),
                    "symbol": main.symbol,
                    "treaty": TREATY,
                    "published": iso(published),
                    "updated": iso(main.odata_updated),
                    "meetingId": meeting or None,
                    "meetingTitle": localized(meeting_titles(meeting)) if meeting else [],
                    "files": [
                        {
                            "url": absolute_url(item.document.url),
                            "language": item.language,
                            "filename": item.document.filename,
                        }
                        for item in with_files.files.all()
                    ],
                }
            )
        return entities
