"""InforMEA entity sets built from what the CMS holds.

Meetings: one per meeting code carried by official documents (`COP-12`).
Decisions: official documents whose UN symbol is a decision symbol (`…/DEC/…`).
Contacts: the public focal point directory (added when the notifications app lands).
Titles are lists of {language, value}, one per published language, as InforMEA expects.
"""

import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, datetime, time

from django.utils import translation
from django.utils.translation import gettext_lazy as _

from cms.languages import content_language_codes
from cms.models import OfficialDocumentPage

TREATY = "cbd"
DECISION_SYMBOL = re.compile(r"/DEC/(?P<number>[^\s]+)$", re.IGNORECASE)
MEETING_BODIES = {
    "COP": _("Conference of the Parties"),
    "SBSTTA": _("Subsidiary Body on Scientific, Technical and Technological Advice"),
    "SBI": _("Subsidiary Body on Implementation"),
    "CP-MOP": _("Meeting of the Parties to the Cartagena Protocol"),
    "NP-MOP": _("Meeting of the Parties to the Nagoya Protocol"),
}


@dataclass(frozen=True)
class Prop:
    name: str
    edm: str  # Edm type, or "Collection(informea.LocalizableString)"
    kind: str | None = None  # filter/order kind: datetime, string, int, bool; None: not filterable
    nullable: bool = True


class EntitySet:
    name = ""
    entity_type = ""
    props: tuple[Prop, ...] = ()

    def filterable(self) -> dict[str, str]:
        return {prop.name: prop.kind for prop in self.props if prop.kind}

    def rows(self, request) -> tuple[list[dict], dict[str, dict]]:
        """(entities as JSON-ready dicts, comparable values per entity id)."""
        raise NotImplementedError


def localized(values: dict[str, str]) -> list[dict]:
    return [
        {"language": code, "value": values[code]}
        for code in content_language_codes()
        if values.get(code)
    ]


def iso(moment: datetime | None) -> str | None:
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z") if moment else None


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


def _documents_by_key():
    """Every published official document, grouped by translation key."""
    grouped = defaultdict(dict)
    documents = (
        OfficialDocumentPage.objects.live()
        .public()
        .select_related("locale")
        .prefetch_related("files__document")
        .order_by("pk")
    )
    for page in documents:
        grouped[page.translation_key][page.locale.language_code] = page
    return grouped


class Meetings(EntitySet):
    name = "Meetings"
    entity_type = "Meeting"
    props = (
        Prop("id", "Edm.String", "string", nullable=False),
        Prop("treaty", "Edm.String", "string"),
        Prop("title", "Collection(informea.LocalizableString)"),
        Prop("type", "Edm.String", "string"),
        Prop("documents", "Edm.Int32", "int"),
        Prop("updated", "Edm.DateTimeOffset", "datetime"),
    )

    def rows(self, request):
        meetings: dict[str, dict] = {}
        for versions in _documents_by_key().values():
            any_version = next(iter(versions.values()))
            code = any_version.meeting.strip().upper()
            if not code:
                continue
            updated = max(page.last_published_at for page in versions.values())
            meeting = meetings.setdefault(code, {"documents": 0, "updated": updated})
            meeting["documents"] += 1
            meeting["updated"] = max(meeting["updated"], updated)
        rows, raw = [], {}
        for code, meeting in sorted(meetings.items()):
            row = {
                "id": code,
                "treaty": TREATY,
                "title": localized(meeting_titles(code)),
                "type": code.rpartition("-")[0].lower() or None,
                "documents": meeting["documents"],
                "updated": iso(meeting["updated"]),
            }
            rows.append(row)
            raw[code] = {**row, "updated": meeting["updated"]}
        return rows, raw


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
        Prop("number", "Edm.String", "string"),
        Prop("symbol", "Edm.String", "string"),
        Prop("treaty", "Edm.String", "string"),
        Prop("published", "Edm.DateTimeOffset", "datetime"),
        Prop("updated", "Edm.DateTimeOffset", "datetime"),
        Prop("meetingId", "Edm.String", "string"),
        Prop("meetingTitle", "Collection(informea.LocalizableString)"),
        Prop("files", "Collection(informea.File)"),
    )

    def rows(self, request):
        rows, raw = [], {}
        for key, versions in _documents_by_key().items():
            main = versions.get("en") or next(iter(versions.values()))
            match = DECISION_SYMBOL.search(main.symbol.strip())
            if not match:
                continue
            updated = max(page.last_published_at for page in versions.values())
            published = datetime.combine(main.document_date, time(0), tzinfo=UTC)
            meeting = main.meeting.strip().upper()
            row = {
                "id": str(key),
                "link": main.get_full_url(request),
                "title": localized({code: page.title for code, page in versions.items()}),
                "summary": localized({code: page.intro for code, page in versions.items()}),
                "type": "decision",
                "status": "active",
                "number": match["number"],
                "symbol": main.symbol,
                "treaty": TREATY,
                "published": iso(published),
                "updated": iso(updated),
                "meetingId": meeting or None,
                "meetingTitle": localized(meeting_titles(meeting)) if meeting else [],
                "files": [
                    {
                        "url": request.build_absolute_uri(item.document.url),
                        "language": item.language,
                        "filename": item.document.filename,
                    }
                    for item in main.files.all()
                ],
            }
            rows.append(row)
            raw[row["id"]] = {**row, "published": published, "updated": updated}
        return rows, raw


class Contacts(EntitySet):
    """InforMEA's Contact: the public focal point directory, consented fields only."""

    name = "Contacts"
    entity_type = "Contact"
    props = (
        Prop("id", "Edm.String", "string", nullable=False),
        Prop("country", "Edm.String", "string"),
        Prop("prefix", "Edm.String"),
        Prop("firstName", "Edm.String"),
        Prop("lastName", "Edm.String", "string"),
        Prop("position", "Edm.String"),
        Prop("institution", "Edm.String"),
        Prop("department", "Edm.String"),
        Prop("type", "Collection(Edm.String)"),
        Prop("address", "Edm.String"),
        Prop("email", "Edm.String"),
        Prop("phoneNumber", "Edm.String"),
        Prop("primary", "Edm.Boolean", "bool"),
        Prop("treaties", "Collection(Edm.String)"),
        Prop("updated", "Edm.DateTimeOffset", "datetime"),
    )

    def rows(self, request):
        from api.selectors.directory import directory_entries

        rows, raw = [], {}
        for entry in directory_entries():
            row = {
                "id": str(entry["id"]),
                "country": entry["party"],
                "prefix": entry["title"] or None,
                "firstName": entry["first_name"],
                "lastName": entry["last_name"],
                "position": entry["designation"] or None,
                "institution": entry["organisation"] or None,
                "department": entry["department"] or None,
                "type": entry["categories"],
                "address": entry["address"] or None,
                "email": entry["emails"][0] if entry["emails"] else None,
                "phoneNumber": entry["phones"][0] if entry["phones"] else None,
                "primary": "CBD-FP1" in entry["categories"],
                "treaties": sorted(_treaties(entry["categories"])),
                "updated": iso(entry["updated"]),
            }
            rows.append(row)
            raw[row["id"]] = {**row, "updated": entry["updated"]}
        return rows, raw


def _treaties(categories: list[str]) -> set[str]:
    """InforMEA treaty names from the Secretariat's category codes."""
    treaties = set()
    for code in categories:
        if code.startswith(("CPB-", "BCH-")):
            treaties.add("cartagena")
        elif code.startswith("ABS"):
            treaties.add("nagoya")
        else:
            treaties.add(TREATY)
    return treaties


ENTITY_SETS: dict[str, EntitySet] = {
    entity.name: entity for entity in (Meetings(), Decisions(), Contacts())
}
