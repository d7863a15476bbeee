"""OData v4 endpoints: service document, $metadata, entity sets, single entities."""

import hashlib
import json

from django.http import HttpResponse
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from api.errors import MESSAGES
from api.http import no_language_redirect
from api.odata.entities import ENTITY_SETS
from api.odata.metadata import metadata_xml
from api.odata.query import ODataQueryError, query_apply, query_parse
from api.ratelimit import request_rate_limit

JSON_TYPE = "application/json;odata.metadata=minimal;charset=utf-8"


def _base(request) -> str:
    return request.build_absolute_uri("/odata/")


def _answer(request, body, status=200, content_type=JSON_TYPE) -> HttpResponse:
    no_language_redirect(request)
    content = body if isinstance(body, str) else json.dumps(body, ensure_ascii=False)
    response = HttpResponse(content, status=status, content_type=content_type)
    response["OData-Version"] = "4.0"
    patch_vary_headers(response, ["Accept-Language"])
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
    return _answer(request, {"error": error}, status=status)


def _limited(view):
    """Per-address rate limit (harvesters are anonymous) and OData errors, never a 500."""

    def wrapper(request, *args, **kwargs):
        wait = request_rate_limit(request)
        if wait is not None:
            response = _error(request, 429, "rate_limited", MESSAGES["rate_limited"])
            response["Retry-After"] = str(wait)
            return response
        try:
            return view(request, *args, **kwargs)
        except ODataQueryError as error:
            message = _("The query option %(option)s is not valid: %(detail)s") % {
                "option": error.option,
                "detail": error.detail,
            }
            return _error(request, 400, "invalid_query", message, target=error.option)

    wrapper.__name__ = view.__name__
    wrapper.__doc__ = view.__doc__
    return require_GET(wrapper)


@_limited
def service_document(request):
    return _answer(
        request,
        {
            "@odata.context": f"{_base(request)}$metadata",
            "value": [{"name": name, "kind": "EntitySet", "url": name} for name in ENTITY_SETS],
        },
    )


@_limited
def metadata(request):
    return _answer(request, metadata_xml(), content_type="application/xml;charset=utf-8")


@_limited
def entity_collection(request, entity_set: str, count_only: bool = False):
    entity = ENTITY_SETS.get(entity_set)
    if entity is None:
        return _error(request, 404, "not_found", MESSAGES["not_found"])
    query = query_parse(request.GET, entity.filterable())
    rows, raw = entity.rows(request)
    page, total = query_apply(rows, query, raw)
    if count_only:
        return _answer(request, str(total), content_type="text/plain;charset=utf-8")
    body = {"@odata.context": f"{_base(request)}$metadata#{entity.name}"}
    if query.count:
        body["@odata.count"] = total
    # No server-driven paging: a harvester gets the whole set it asked for ($top/$skip).
    body["value"] = page
    return _answer(request, body)


@_limited
def entity_single(request, entity_set: str, key: str):
    entity = ENTITY_SETS.get(entity_set)
    if entity is None:
        return _error(request, 404, "not_found", MESSAGES["not_found"])
    query_parse({k: v for k, v in request.GET.items() if k == "$format"}, {})
    rows, _raw = entity.rows(request)
    key = key.replace("''", "'")
    for row in rows:
        if row["id"] == key:
            body = {"@odata.context": f"{_base(request)}$metadata#{entity.name}/$entity", **row}
            return _answer(request, body)
    return _error(request, 404, "not_found", MESSAGES["not_found"])


def odata_not_found(request, *args, **kwargs):
    return _error(request, 404, "not_found", MESSAGES["not_found"])
