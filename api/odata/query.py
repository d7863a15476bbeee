"""The subset of OData v4 system query options InforMEA's harvesters use.

$filter: comparisons (eq ne gt ge lt le) joined by `and`; literals are ISO 8601
date-times (bare, or `datetime'…'`/`datetimeoffset'…'` as older OData clients send
them), quoted strings, integers, true/false/null. $orderby: `prop [asc|desc], …`.
$top, $skip, $count=true, $format=json. Anything else starting with `$` is refused with a
400: a harvester must never silently get a different set than it asked for.
"""

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

MAX_TOP = 1000
SUPPORTED = {"$filter", "$orderby", "$top", "$skip", "$count", "$format"}
OPERATORS = {
    "eq": lambda a, b: a == b,
    "ne": lambda a, b: a != b,
    "gt": lambda a, b: a is not None and b is not None and a > b,
    "ge": lambda a, b: a is not None and b is not None and a >= b,
    "lt": lambda a, b: a is not None and b is not None and a < b,
    "le": lambda a, b: a is not None and b is not None and a <= b,
}
_COMPARISON = re.compile(
    r"^\s*(?P<prop>[A-Za-z_][A-Za-z0-9_]*)\s+(?P<op>eq|ne|gt|ge|lt|le)\s+(?P<value>.+?)\s*$"
)
_AND = re.compile(r"\s+and\s+", re.IGNORECASE)
_DATETIME_WRAPPED = re.compile(r"^(?:datetime|datetimeoffset)'(.+)'$", re.IGNORECASE)


class ODataQueryError(ValueError):
    """A query option the service cannot honour; `option` names which one."""

    def __init__(self, option: str, detail: str):
        self.option = option
        self.detail = detail
        super().__init__(f"{option}: {detail}")


@dataclass
class ODataQuery:
    filters: list[tuple[str, str, Any]] = field(default_factory=list)
    orderby: list[tuple[str, bool]] = field(default_factory=list)  # (prop, descending)
    top: int | None = None
    skip: int = 0
    count: bool = False


def parse_datetime(text: str) -> datetime:
    text = text.strip()
    if text.endswith("Z"):
        text = text[:-1] + "+00:00"
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise ODataQueryError("$filter", f"not a date-time: {text[:40]}") from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    try:
        return moment.astimezone(UTC)
    except (OverflowError, ValueError):
        raise ODataQueryError("$filter", f"not a date-time: {text[:40]}") from None


def parse_literal(text: str, kind: str) -> Any:
    """A literal for a property of type `kind` ("datetime", "string", "int", "bool")."""
    text = text.strip()
    if text == "null":
        return None
    wrapped = _DATETIME_WRAPPED.match(text)
    if kind == "datetime":
        return parse_datetime(wrapped.group(1) if wrapped else text.strip("'"))
    if kind == "string":
        if len(text) >= 2 and text[0] == text[-1] == "'":
            return text[1:-1].replace("''", "'")
        raise ODataQueryError("$filter", "strings are written in single quotes")
    if kind == "bool":
        if text in ("true", "false"):
            return text == "true"
        raise ODataQueryError("$filter", "expected true or false")
    if kind == "int":
        if re.fullmatch(r"-?\d{1,9}", text):
            return int(text)
        raise ODataQueryError("$filter", "expected an integer")
    raise ODataQueryError("$filter", "this property cannot be filtered")


def _integer(option: str, value: str, maximum: int) -> int:
    if not re.fullmatch(r"\d{1,9}", value.strip()):
        raise ODataQueryError(option, "expected a non-negative integer")
    number = int(value)
    if number > maximum:
        raise ODataQueryError(option, f"at most {maximum}")
    return number


def query_parse(params, properties: dict[str, str]) -> ODataQuery:
    """Parse the request's query options against an entity's filterable properties
    ({name: kind}). Raises ODataQueryError on anything it does not understand."""
    query = ODataQuery()
    for key in params:
        if key.startswith("$") and key not in SUPPORTED:
            raise ODataQueryError(key, "not supported by this service")
        if "\x00" in params.get(key, ""):
            raise ODataQueryError(key, "invalid character")
    fmt = params.get("$format")
    if fmt is not None and fmt.split(";")[0].strip() not in ("json", "application/json"):
        raise ODataQueryError("$format", "only json is available")
    if "$top" in params:
        query.top = _integer("$top", params["$top"], MAX_TOP)
    if "$skip" in params:
        query.skip = _integer("$skip", params["$skip"], 10**9)
    if "$count" in params:
        if params["$count"] not in ("true", "false"):
            raise ODataQueryError("$count", "expected true or false")
        query.count = params["$count"] == "true"
    expression = params.get("$filter", "").strip()
    if expression:
        if len(expression) > 1000:
            raise ODataQueryError("$filter", "too long")
        for part in _AND.split(expression):
            part = part.strip()
            while part.startswith("(") and part.endswith(")"):
                part = part[1:-1].strip()
            match = _COMPARISON.match(part)
            if not match:
                raise ODataQueryError("$filter", f"cannot read: {part[:60]}")
            prop = match["prop"]
            if prop not in properties:
                raise ODataQueryError("$filter", f"unknown or unfilterable property: {prop}")
            query.filters.append(
                (prop, match["op"], parse_literal(match["value"], properties[prop]))
            )
    orderby = params.get("$orderby", "").strip()
    if orderby:
        for clause in orderby.split(","):
            words = clause.split()
            if not words or len(words) > 2 or words[0] not in properties:
                raise ODataQueryError("$orderby", f"cannot order by: {clause.strip()[:60]}")
            if len(words) == 2 and words[1].lower() not in ("asc", "desc"):
                raise ODataQueryError("$orderby", "direction is asc or desc")
            query.orderby.append((words[0], len(words) == 2 and words[1].lower() == "desc"))
    return query


def query_apply(
    rows: list[dict], query: ODataQuery, raw: dict[str, dict]
) -> tuple[list[dict], int]:
    """Filter, order and page the rows; `raw` holds comparable values per row id.

    Returns the page and the count before paging ($count counts the filtered set).
    """

    def value(row, prop):
        return raw[row["id"]].get(prop)

    selected = [
        row
        for row in rows
        if all(OPERATORS[op](value(row, prop), literal) for prop, op, literal in query.filters)
    ]
    for prop, descending in reversed(query.orderby or [("id", False)]):
        # None sorts first ascending (and last descending), as OData servers commonly do.
        selected.sort(
            key=lambda row, p=prop: (
                (value(row, p) is not None, value(row, p) or 0)
                if not isinstance(value(row, p), str)
                else (True, value(row, p))
            ),
            reverse=descending,
        )
    total = len(selected)
    end = None if query.top is None else query.skip + query.top
    return selected[query.skip : end], total
