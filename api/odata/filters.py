"""`$filter` → a Django `Q`, through the OData v4 grammar of the `odata-query` library.

The expression is parsed into an abstract syntax tree, checked against the entity set's
properties (every name known and filterable, both sides of a comparison of one type,
functions on the types they take), rewritten so that each property names a queryset
annotation, and handed to odata-query's Django visitor. The database does the filtering;
nothing is filtered in Python.

Besides OData v4 literals, `datetime'…'` and `datetimeoffset'…'` (OData v2/v3, still sent
by older harvesters) are read as date-times.
"""

from dataclasses import replace
from datetime import UTC, datetime, time

from dateutil.parser import isoparse
from django.db.models import Q, lookups
from django.db.models.functions import Length, Right, StrIndex
from odata_query import ast
from odata_query import exceptions as odata_errors
from odata_query.django.django_q import AstToDjangoQVisitor
from odata_query.grammar import ODataLexer, ODataParser
from odata_query.visitor import NodeTransformer
from sly.lex import Token

from api.odata.errors import ODataQueryError

ANNOTATION_PREFIX = "odata_"
MAX_FILTER_LENGTH = 2000
NUMERIC = {"int", "float"}
# name: (argument kinds, result kind); "string" arguments may be properties or functions.
FUNCTIONS = {
    "contains": (("string", "string"), "bool"),
    "startswith": (("string", "string"), "bool"),
    "endswith": (("string", "string"), "bool"),
    "tolower": (("string",), "string"),
    "toupper": (("string",), "string"),
    "trim": (("string",), "string"),
    "length": (("string",), "int"),
    "year": (("datetime",), "int"),
    "month": (("datetime",), "int"),
    "day": (("datetime",), "int"),
}
LITERAL_KINDS = {
    ast.String: "string",
    ast.Integer: "int",
    ast.Float: "float",
    ast.Boolean: "bool",
    ast.DateTime: "datetime",
    ast.Date: "date",
    ast.Null: "null",
}


def _fail(detail: str):
    raise ODataQueryError("$filter", detail)


def _tokens(expression: str):
    """The lexer's tokens, with `datetime'…'` merged into one DATETIME token."""
    pending = None
    for token in ODataLexer().tokenize(expression):
        if pending is not None:
            if token.type == "STRING":
                merged = Token()
                merged.type, merged.value = "DATETIME", ast.DateTime(token.value.val)
                merged.lineno, merged.index = pending.lineno, pending.index
                pending = None
                yield merged
                continue
            yield pending
            pending = None
        if token.type == "ODATA_IDENTIFIER" and token.value.name.lower() in (
            "datetime",
            "datetimeoffset",
        ):
            pending = token
            continue
        yield token
    if pending is not None:
        yield pending


def _utc(node: ast.DateTime) -> ast.DateTime:
    """The same instant written in UTC (naive date-times are UTC)."""
    try:
        moment = isoparse(node.val)
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)
        moment = moment.astimezone(UTC)
    except (ValueError, OverflowError):
        _fail(f"not a date-time: {node.val[:40]}")
    return ast.DateTime(moment.isoformat())


class _Checker(NodeTransformer):
    """Refuses what the service cannot answer exactly; renames properties to annotations."""

    def __init__(self, kinds: dict[str, str]):
        self.kinds = kinds  # filterable property → kind
        self.used: set[str] = set()

    def kind(self, node: ast._Node) -> str:
        if isinstance(node, ast.Identifier):
            name = node.name.removeprefix(ANNOTATION_PREFIX)
            return self.kinds[name]
        if isinstance(node, ast.Call):
            return FUNCTIONS[node.func.name][1]
        if isinstance(node, ast.Compare | ast.BoolOp | ast.UnaryOp):
            return "bool"
        for literal, kind in LITERAL_KINDS.items():
            if isinstance(node, literal):
                return kind
        _fail(f"not supported here: {type(node).__name__}")

    def visit_Identifier(self, node: ast.Identifier) -> ast._Node:
        if node.namespace or node.name not in self.kinds:
            _fail(f"unknown or unfilterable property: {node.full_name()[:60]}")
        self.used.add(node.name)
        return ast.Identifier(ANNOTATION_PREFIX + node.name)

    def visit_DateTime(self, node: ast.DateTime) -> ast.DateTime:
        return _utc(node)

    def visit_Date(self, node: ast.Date) -> ast.Date:
        try:
            node.py_val  # noqa: B018 (validates the calendar date)
        except ValueError:
            _fail(f"not a date: {node.val[:40]}")
        return node

    def visit_Integer(self, node: ast.Integer) -> ast.Integer:
        if abs(node.py_val) > 2**31 - 1:
            _fail("integer out of range")
        return node

    def _condition(self, node: ast._Node) -> ast._Node:
        """A boolean operand: a bare boolean property means `prop eq true`."""
        node = self.visit(node)
        if self.kind(node) != "bool":
            _fail("a condition is expected")
        if isinstance(node, ast.Identifier):
            return ast.Compare(ast.Eq(), node, ast.Boolean("true"))
        return node

    def visit_BoolOp(self, node: ast.BoolOp) -> ast.BoolOp:
        return ast.BoolOp(node.op, self._condition(node.left), self._condition(node.right))

    def visit_UnaryOp(self, node: ast.UnaryOp) -> ast._Node:
        if not isinstance(node.op, ast.Not):
            _fail("arithmetic is not supported")
        return ast.UnaryOp(node.op, self._condition(node.operand))

    def visit_Compare(self, node: ast.Compare) -> ast.Compare:
        left, right = self.visit(node.left), self.visit(node.right)
        if isinstance(node.comparator, ast.In):
            if not isinstance(right, ast.List) or not right.val:
                _fail("`in` takes a list of values")
            kinds = {self.kind(item) for item in right.val}
            for kind in kinds:
                self._comparable(self.kind(left), kind, allow_null=False)
            right = ast.List([self._coerce(item, self.kind(left)) for item in right.val])
            return ast.Compare(node.comparator, left, right)
        left_kind, right_kind = self.kind(left), self.kind(right)
        if isinstance(left, ast.Null) and not isinstance(right, ast.Null):
            # `null eq prop` → `prop eq null`: odata-query only reads null on the right.
            left, right, left_kind, right_kind = right, left, right_kind, left_kind
        equality = isinstance(node.comparator, ast.Eq | ast.NotEq)
        self._comparable(left_kind, right_kind, allow_null=equality)
        if left_kind == "bool" and not equality:
            _fail("booleans are compared with eq or ne")
        right = self._coerce(right, left_kind)
        left = self._coerce(left, right_kind)
        return ast.Compare(node.comparator, left, right)

    @staticmethod
    def _comparable(left: str, right: str, *, allow_null: bool) -> None:
        if "null" in (left, right):
            if not allow_null:
                _fail("null is compared with eq or ne")
            return
        if left == right or {left, right} <= NUMERIC or {left, right} == {"date", "datetime"}:
            return
        _fail(f"cannot compare {left} with {right}")

    @staticmethod
    def _coerce(node: ast._Node, other_kind: str) -> ast._Node:
        """A date compared with a date-time property stands for its midnight, UTC."""
        if isinstance(node, ast.Date) and other_kind == "datetime":
            return ast.DateTime(datetime.combine(node.py_val, time(0), tzinfo=UTC).isoformat())
        return node

    def visit_Call(self, node: ast.Call) -> ast.Call:
        name = node.func.name if not node.func.namespace else node.func.full_name()
        if name not in FUNCTIONS:
            _fail(f"function not supported: {name[:40]}")
        expected, _result = FUNCTIONS[name]
        if len(node.args) != len(expected):
            _fail(f"{name} takes {len(expected)} argument(s)")
        args = [self.visit(arg) for arg in node.args]
        for arg, kind in zip(args, expected, strict=True):
            actual = self.kind(arg)
            if actual != kind and not (kind == "datetime" and actual == "date"):
                _fail(f"{name} expects {kind} arguments")
        if name in ("contains", "startswith", "endswith") and not isinstance(args[1], ast.String):
            _fail(f"the second argument of {name} is a quoted string")
        return replace(node, args=args)

    def generic_visit(self, node: ast._Node) -> ast._Node:
        if isinstance(node, ast._Literal | ast.List):
            return super().generic_visit(node)
        _fail(f"not supported: {type(node).__name__}")


class _ToQ(AstToDjangoQVisitor):
    """odata-query's visitor with case-sensitive substring functions on every database
    (Django's `contains` is case-insensitive on SQLite, OData's is not)."""

    def djangofunc_contains(self, field, substr):
        return lookups.GreaterThan(StrIndex(self.visit(field), self.visit(substr)), 0)

    def djangofunc_startswith(self, field, substr):
        return lookups.Exact(StrIndex(self.visit(field), self.visit(substr)), 1)

    def djangofunc_endswith(self, field, substr):
        if not substr.val:
            return lookups.IsNull(self.visit(field), False)
        return lookups.Exact(Right(self.visit(field), len(substr.val)), self.visit(substr))

    def djangofunc_length(self, field):
        return Length(self.visit(field))


def filter_parse(expression: str, kinds: dict[str, str], model) -> tuple[Q, set[str], dict]:
    """(Q over `odata_<property>` annotations, properties used, extra annotations).

    `kinds` maps each filterable property to "string", "int", "bool", "datetime" or "date".
    Raises ODataQueryError for anything the grammar or the checks refuse.
    """
    if len(expression) > MAX_FILTER_LENGTH:
        _fail("too long")
    try:
        tree = ODataParser().parse(_tokens(expression))
        checker = _Checker(kinds)
        tree = checker._condition(tree)
        visitor = _ToQ(model)
        condition = visitor.visit(tree)
    except odata_errors.ODataException as error:
        _fail(str(error)[:120] or type(error).__name__)
    except RecursionError:
        _fail("nested too deeply")
    if not isinstance(condition, Q):
        _fail("a condition is expected")
    return condition, checker.used, visitor.queryset_annotations
