"""What an OData entity set is made of: typed properties, a queryset, a serializer.

Each entity set's queryset holds one row per entity and annotates every filterable or
sortable property as `odata_<name>`, so `$filter`, `$orderby`, paging and `$count` all
run in the database; only the rows of the page being answered are turned into JSON.
"""

from dataclasses import dataclass
from datetime import UTC, datetime

from django.db.models import QuerySet

from cms.languages import content_language_codes

TREATY = "cbd"


@dataclass(frozen=True)
class Prop:
    """One property. `kind` (string, int, bool, datetime) makes it filterable and
    sortable; it is then annotated on the queryset as `odata_<name>`."""

    name: str
    edm: str  # Edm type, or "Collection(informea.LocalizableString)"
    kind: str | None = None
    nullable: bool = True


class EntitySet:
    name = ""
    entity_type = ""
    props: tuple[Prop, ...] = ()
    # A database expression that orders entities uniquely (the last sort key of every page).
    tiebreak = "pk"

    def filterable(self) -> dict[str, str]:
        return {prop.name: prop.kind for prop in self.props if prop.kind}

    def prop_names(self) -> list[str]:
        return [prop.name for prop in self.props]

    def queryset(self) -> QuerySet:
        """One row per entity, each filterable property annotated as `odata_<name>`."""
        raise NotImplementedError

    def page_rows(self, rows: QuerySet, start: int, stop: int) -> list:
        """The rows of one page, in two steps: the keys first (the database filters and
        sorts computing only what the query names), then those rows with every property.
        In one step SQLite computes every derived property of every matching row before
        sorting them."""
        keys = list(rows.values_list("pk", flat=True)[start:stop])
        found = {row.pk: row for row in self.queryset().filter(pk__in=keys).order_by()}
        return [found[key] for key in keys if key in found]

    def serialize(self, rows: list, request) -> list[dict]:
        """JSON-ready entities for the rows of one page."""
        raise NotImplementedError


def localized(values: dict[str, str]) -> list[dict]:
    """InforMEA's multilingual value: one {language, value} per language that has one."""
    return [
        {"language": code, "value": values[code]}
        for code in content_language_codes()
        if values.get(code)
    ]


def iso(moment: datetime | None) -> str | None:
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z") if moment else None
