"""InforMEA's Contacts: the public focal point directory, consented fields only."""

from django.db.models import F, TextField, Value
from django.db.models.functions import Cast, NullIf, StrIndex
from django.db.models.lookups import GreaterThan

from api.odata.entities.base import TREATY, EntitySet, Prop, iso
from api.selectors.directory import focal_point_public_data, focal_points_directory

PRIMARY_CATEGORY = "CBD-FP1"


def _treaties(categories: list[str]) -> list[str]:
    """InforMEA treaty names from the Secretariat's category codes."""
    treaties = set()
    for code in categories:
        if code.startswith(("CPB-", "BCH-")):
            treaties.add("cartagena")
        elif code.startswith("ABS"):
            treaties.add("nagoya")
        else:
            treaties.add(TREATY)
    return sorted(treaties)


class Contacts(EntitySet):
    name = "Contacts"
    entity_type = "Contact"
    props = (
        Prop("id", "Edm.String", "string", nullable=False),
        Prop("country", "Edm.String", "string"),
        Prop("prefix", "Edm.String", "string"),
        Prop("firstName", "Edm.String", "string"),
        Prop("lastName", "Edm.String", "string"),
        Prop("position", "Edm.String", "string"),
        Prop("institution", "Edm.String", "string"),
        Prop("department", "Edm.String", "string"),
        Prop("type", "Collection(Edm.String)"),
        # Consent-dependent: not filterable, so a filter cannot probe unpublished values.
        Prop("address", "Edm.String"),
        Prop("email", "Edm.String"),
        Prop("phoneNumber", "Edm.String"),
        Prop("primary", "Edm.Boolean", "bool"),
        Prop("treaties", "Collection(Edm.String)"),
        Prop("updated", "Edm.DateTimeOffset", "datetime"),
    )

    def queryset(self):
        # `categories` is a JSON list; its text holds each code in double quotes.
        primary = GreaterThan(
            StrIndex(Cast("categories", TextField()), Value(f'"{PRIMARY_CATEGORY}"')), 0
        )
        return focal_points_directory().annotate(
            odata_id=Cast("pk", TextField()),
            odata_country=F("party__code"),
            odata_prefix=NullIf("title", Value("")),
            odata_firstName=F("first_name"),
            odata_lastName=F("last_name"),
            odata_position=NullIf("designation", Value("")),
            odata_institution=NullIf("organisation", Value("")),
            odata_department=NullIf("department", Value("")),
            odata_primary=primary,
            odata_updated=F("updated"),
        )

    def serialize(self, rows, request):
        entities = []
        for focal_point in rows:
            entry = focal_point_public_data(focal_point, focal_point.updated)
            entities.append(
                {
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
                    "primary": PRIMARY_CATEGORY in entry["categories"],
                    "treaties": _treaties(entry["categories"]),
                    "updated": iso(entry["updated"]),
                }
            )
        return entities
