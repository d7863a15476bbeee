"""OData v4 endpoints: service document, $metadata, entity sets, single entities.

Every answer carries `OData-Version: 4.0`. JSON (minimal metadata) is the only format of
the entity sets and CSDL XML the only one of $metadata: other formats, and clients that
accept only OData versions below 4.0, get 406. Errors use the OData JSON error format
`{"error": {"code", "message", "target"?}}`, the message in the client's language.
"""

import hashlib
import json
from urllib.parse import quote, urlencode

from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from api.errors import MESSAGES
from api.http import no_language_redirect
from api.odata.errors import ODataNotAcceptable, ODataQueryError
from api.odata.metadata import metadata_xml
from api.odata.negotiation import ACCEPT_JSON, ACCEPT_XML, negotiate
from api.odata.query import format_check, query_apply, query_parse
from api.odata.registry import ENTITY_SETS
from api.ratelimit import request_rate_limit
from cms.site_url import absolute_url

JSON_TYPE = "application/json;odata.metadata=minimal;odata.streaming=true;charset=utf-8"


def _base(request) -> str:
    return absolute_url("/odata/")


def _answer(request, body, status=200, content_type=JSON_TYPE) -> HttpResponse:
    no_language_redirect(request)
    content = body if isinstance(body, str) else json.dumps(body, ensure_ascii=False)
    response = HttpResponse(content, status=status, content_type=content_type)
    response["OData-Version"] = "4.0"
    patch_vary_headers(response, ["Accept", "Accept-Language", "Prefer"])
    if status == 200:
        etag = f'"{hashlib.sha256(response.content).hexdigest()[:32]}"'
        response["ETag"] = etag
        not_modified = get_conditional_response(request, etag=etag, response=response)
        if not_modified is not None:
            not_modified["OData-Version"] = "4.0"
            return not_modified
    return response


def _error(request, status: int, code: str, message, target: str | None = None):
    error = {"code": code, "message": str(message)}
    if target:
        error["target"] = target
    return _answer(request, {"error": error}, status=status, content_type=JSON_TYPE)


def _odata_view(accepts: set[str]):
    """Per-address rate limit (harvesters are anonymous), content negotiation, and OData
    errors for refused queries: never a 500, never a silently different answer."""

    def decorate(view):
        def wrapper(request, *args, **kwargs):
            wait = request_rate_limit(request)
            if wait is not None:
                response = _error(request, 429, "rate_limited", MESSAGES["rate_limited"])
                response["Retry-After"] = str(wait)
                return response
            try:
                negotiate(request, accepts)
                return view(request, *args, **kwargs)
            except ODataNotAcceptable as error:
                message = _("This service cannot answer as asked (%(what)s); it serves %(detail)s.")
                return _error(
                    request,
                    406,
                    "not_acceptable",
                    message % {"what": error.target, "detail": error.detail},
                    target=error.target,
                )
            except ODataQueryError as error:
                message = _("The query option %(option)s is not valid: %(detail)s") % {
                    "option": error.option,
                    "detail": error.detail,
                }
                return _error(request, 400, "invalid_query", message, target=error.option)

        wrapper.__name__ = view.__name__
        wrapper.__doc__ = view.__doc__
        return require_GET(wrapper)

    return decorate


@_odata_view(ACCEPT_JSON)
def service_document(request):
    format_check(request.GET.get("$format"))
    return _answer(
        request,
        {
            "@odata.context": f"{_base(request)}$metadata",
            "value": [{"name": name, "kind": "EntitySet", "url": name} for name in ENTITY_SETS],
        },
    )


@_odata_view(ACCEPT_XML)
def metadata(request):
    if request.GET.get("$format", "xml").lower() not in ("xml", "application/xml"):
        raise ODataNotAcceptable("$format", "xml")
    return _answer(request, metadata_xml(), content_type="application/xml;charset=utf-8")


def _next_link(request, delivered: int) -> str:
    params = [(key, value) for key, value in request.GET.items() if key != "$skiptoken"]
    params.append(("$skiptoken", str(delivered)))
    query = urlencode(params, quote_via=quote, safe="$,()'")
    return f"{absolute_url(request.path)}?{query}"


@_odata_view(ACCEPT_JSON | {"text/plain", "text/*"})
def entity_count(request, entity_set: str):
    """`/<set>/$count`: the size of the filtered set, as plain text."""
    entity = ENTITY_SETS.get(entity_set)
    if entity is None:
        return _error(request, 404, "not_found", MESSAGES["not_found"])
    query = query_parse(request.GET, entity)
    query.count, query.top = True, 0
    total = query_apply(entity, query, request).total
    return _answer(request, str(total), content_type="text/plain;charset=utf-8")


@_odata_view(ACCEPT_JSON)
def entity_collection(request, entity_set: str):
    entity = ENTITY_SETS.get(entity_set)
    if entity is None:
        return _error(request, 404, "not_found", MESSAGES["not_found"])
    query = query_parse(request.GET, entity, request.headers.get("Prefer", ""))
    page = query_apply(entity, query, request)
    selection = f"({','.join(query.select)})" if query.select else ""
    body = {"@odata.context": f"{_base(request)}$metadata#{entity.name}{selection}"}
    if page.total is not None:
        body["@odata.count"] = page.total
    body["value"] = page.entities
    if page.next_delivered is not None:
        body["@odata.nextLink"] = _next_link(request, page.next_delivered)
    response = _answer(request, body)
    if "odata.maxpagesize" in request.headers.get("Prefer", ""):
        response["Preference-Applied"] = f"odata.maxpagesize={query.page_size}"
    return response


@_odata_view(ACCEPT_JSON)
def entity_single(request, entity_set: str, key: str):
    entity = ENTITY_SETS.get(entity_set)
    if entity is None:
        return _error(request, 404, "not_found", MESSAGES["not_found"])
    params = {k: v for k, v in request.GET.items() if k in ("$format", "$select")}
    query = query_parse(params, entity)
    try:
        row = entity.queryset().filter(odata_id=key.replace("''", "'")).first()
    except (ValidationError, ValueError):
        row = None  # a key that cannot exist (e.g. not a UUID)
    if row is None:
        return _error(request, 404, "not_found", MESSAGES["not_found"])
    item = entity.serialize([row], request)[0]
    if query.select:
        item = {name: item[name] for name in query.select}
    selection = f"({','.join(query.select)})" if query.select else ""
    context = f"{_base(request)}$metadata#{entity.name}{selection}/$entity"
    return _answer(request, {"@odata.context": context, **item})


def odata_not_found(request, *args, **kwargs):
    return _error(request, 404, "not_found", MESSAGES["not_found"])
