"""OData v4 system query options, answered by the database.

$filter (see `filters.py`), $select, $orderby on several properties, $top, $skip,
$count=true, $format=json, and server-driven paging: a page holds at most `PAGE_SIZE`
entities (a client may ask for fewer with `Prefer: odata.maxpagesize=N`) and ends with
`@odata.nextLink` while more remain. The link carries `$skiptoken`, the number of
entities already delivered for this query. Any other `$` option is refused with a 400:
a harvester must never silently get a different set than it asked for.
"""

import re
from dataclasses import dataclass, field

from django.db.models import F, QuerySet

from api.odata.entities.base import EntitySet
from api.odata.errors import ODataNotAcceptable, ODataQueryError
from api.odata.filters import ANNOTATION_PREFIX, filter_parse

PAGE_SIZE = 200
MAX_INTEGER = 10**9
SUPPORTED = {"$filter", "$select", "$orderby", "$top", "$skip", "$count", "$format", "$skiptoken"}
JSON_FORMATS = {"json", "application/json"}
METADATA_LEVELS = {"minimal", "none"}


@dataclass
class ODataQuery:
    filter: str = ""
    select: list[str] = field(default_factory=list)  # empty: every property
    orderby: list[tuple[str, bool]] = field(default_factory=list)  # (prop, descending)
    top: int | None = None
    skip: int = 0
    delivered: int = 0  # from $skiptoken
    count: bool = False
    page_size: int = PAGE_SIZE


@dataclass
class ODataPage:
    entities: list[dict]
    total: int | None  # the filtered set's size, when $count=true
    next_delivered: int | None  # $skiptoken of the next page, None on the last


def _integer(option: str, value: str) -> int:
    value = value.strip()
    if not (value.isascii() and value.isdecimal()) or len(value) > 9:
        raise ODataQueryError(option, "expected a non-negative integer")
    return int(value)


def format_check(value: str | None) -> None:
    """$format: JSON with minimal (or no) metadata is what this service writes."""
    if value is None:
        return
    kind, *parameters = (part.strip() for part in value.split(";"))
    if kind.lower() not in JSON_FORMATS:
        raise ODataNotAcceptable("$format", "json")
    for parameter in parameters:
        name, _sep, level = parameter.partition("=")
        if name.strip().lower() == "odata.metadata" and level.strip() not in METADATA_LEVELS:
            raise ODataNotAcceptable("$format", "json;odata.metadata=minimal")


def query_parse(params, entity: EntitySet, prefer: str = "") -> ODataQuery:
    """Read the request's query options against the entity set's properties."""
    query = ODataQuery()
    for key in params:
        if key.startswith("$") and key not in SUPPORTED:
            raise ODataQueryError(key, "not supported by this service")
        if "\x00" in params.get(key, ""):
            raise ODataQueryError(key, "invalid character")
    format_check(params.get("$format"))
    if "$top" in params:
        query.top = _integer("$top", params["$top"])
    if "$skip" in params:
        query.skip = _integer("$skip", params["$skip"])
    if "$skiptoken" in params:
        query.delivered = _integer("$skiptoken", params["$skiptoken"])
    if "$count" in params:
        if params["$count"] not in ("true", "false"):
            raise ODataQueryError("$count", "expected true or false")
        query.count = params["$count"] == "true"
    query.filter = params.get("$filter", "").strip()
    names = entity.prop_names()
    select = params.get("$select", "").strip()
    if select and select != "*":
        for name in (part.strip() for part in select.split(",")):
            if name not in names:
                raise ODataQueryError("$select", f"unknown property: {name[:60]}")
            if name not in query.select:
                query.select.append(name)
    sortable = entity.filterable()
    orderby = params.get("$orderby", "").strip()
    if orderby:
        for clause in orderby.split(","):
            words = clause.split()
            if not words or len(words) > 2 or words[0] not in sortable:
                raise ODataQueryError("$orderby", f"cannot order by: {clause.strip()[:60]}")
            if len(words) == 2 and words[1].lower() not in ("asc", "desc"):
                raise ODataQueryError("$orderby", "direction is asc or desc")
            query.orderby.append((words[0], len(words) == 2 and words[1].lower() == "desc"))
    wanted = re.search(r"odata\.maxpagesize\s*=\s*(\d{1,9})", prefer or "")
    if wanted and int(wanted[1]) > 0:
        query.page_size = min(int(wanted[1]), PAGE_SIZE)
    return query


def filtered(entity: EntitySet, query: ODataQuery) -> QuerySet:
    """The entity set's rows that match $filter, in $orderby order then by key."""
    rows = entity.queryset()
    if query.filter:
        condition, _used, annotations = filter_parse(query.filter, entity.filterable(), rows.model)
        if annotations:
            rows = rows.annotate(**annotations)
        rows = rows.filter(condition)
    order = []
    for prop, descending in query.orderby:
        expression = F(ANNOTATION_PREFIX + prop)
        # Nulls first going up, last going down, on SQLite and PostgreSQL alike.
        order.append(
            expression.desc(nulls_last=True) if descending else expression.asc(nulls_first=True)
        )
    return rows.order_by(*order, entity.tiebreak)


def query_apply(entity: EntitySet, query: ODataQuery, request) -> ODataPage:
    """One page of the query's answer, with the total when $count=true."""
    rows = filtered(entity, query)
    total = rows.count() if query.count else None
    remaining = None if query.top is None else max(query.top - query.delivered, 0)
    limit = query.page_size if remaining is None else min(query.page_size, remaining)
    start = query.skip + query.delivered
    page = entity.page_rows(rows, start, start + limit + 1) if limit else []
    more = len(page) > limit
    page = page[:limit]
    entities = entity.serialize(page, request)
    if query.select:
        entities = [{name: item[name] for name in query.select} for item in entities]
    return ODataPage(entities, total, query.delivered + limit if more else None)
