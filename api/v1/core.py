"""The NinjaAPI subclass: JSON errors with stable codes, conditional GETs, languages."""

import hashlib
from datetime import datetime

from django.core.exceptions import PermissionDenied, RequestDataTooBig
from django.http import Http404
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date, parse_http_date_safe
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, Throttled, ValidationError
from ninja.parser import Parser

from api.errors import ApiError
from api.http import no_language_redirect

_STATUS_CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden_party", 404: "not_found"}


class NotAnObject(ValueError):
    pass


class ObjectBodyParser(Parser):
    """Write bodies are JSON objects: a list or a bare value is refused, never ignored."""

    def parse_body(self, request):
        data = super().parse_body(request)
        if not isinstance(data, dict):
            raise NotAnObject
        return data


class ChmNinjaAPI(NinjaAPI):
    def create_temporal_response(self, request):
        # Endpoints set headers such as Last-Modified on it (request.api_response).
        response = super().create_temporal_response(request)
        request.api_response = response
        return response

    def create_response(self, request, data, *, status=None, temporal_response=None):
        response = super().create_response(
            request, data, status=status, temporal_response=temporal_response
        )
        no_language_redirect(request)
        language = getattr(request, "api_language", None)
        if language:
            response["Content-Language"] = language
        patch_vary_headers(response, ["Accept-Language", "Authorization"])
        if request.method in ("GET", "HEAD") and response.status_code == 200:
            etag = f'"{hashlib.sha256(response.content).hexdigest()[:32]}"'
            response["ETag"] = etag
            last_modified = parse_http_date_safe(response.get("Last-Modified", ""))
            not_modified = get_conditional_response(
                request, etag=etag, last_modified=last_modified, response=response
            )
            if not_modified is not None:
                if language:
                    not_modified["Content-Language"] = language
                return not_modified
        return response

    def get_openapi_schema(self, **kwargs):
        """Reads take an optional token: say so with an empty alternative (OpenAPI 3)."""
        schema = super().get_openapi_schema(**kwargs)
        for path_item in schema.get("paths", {}).values():
            for operation in path_item.values():
                if operation.get("security") == [{"OptionalTokenAuth": []}]:
                    operation["security"] = [{}, {"TokenAuth": []}]
        schemes = schema.setdefault("components", {}).setdefault("securitySchemes", {})
        schemes.pop("OptionalTokenAuth", None)
        schemes["TokenAuth"] = {
            "type": "http",
            "scheme": "bearer",
            "description": "An API token of one Party, issued by the Secretariat.",
        }
        return schema


def error_response(api: NinjaAPI, request, error: ApiError):
    return api.create_response(request, error.payload(), status=error.status)


def _location(loc) -> list[str]:
    """`["body", "status"]`, not ninja's `["body", "payload", "status"]`: the name of the
    view's body argument means nothing to a client."""
    parts = [str(part) for part in loc]
    if parts[:2] == ["body", "payload"]:
        del parts[1]
    return parts


def install_error_handlers(api: NinjaAPI) -> None:
    def on_api_error(request, exc: ApiError):
        return error_response(api, request, exc)

    def on_validation(request, exc: ValidationError):
        locations = [tuple(error.get("loc", ())) for error in exc.errors]
        if locations and all(location[-1:] == ("lang",) for location in locations):
            return error_response(api, request, ApiError(400, "invalid_language"))
        details = [
            {"location": _location(error.get("loc", ())), "problem": str(error.get("msg", ""))}
            for error in exc.errors
        ]
        # A refused write body is 422 with each field's problem; a refused query is 400.
        if any(detail["location"][:1] == ["body"] for detail in details):
            return error_response(api, request, ApiError(422, "invalid_value", details=details))
        return error_response(api, request, ApiError(400, "invalid_parameter", details=details))

    def on_too_large(request, exc):
        return error_response(api, request, ApiError(413, "too_large"))

    def on_not_found(request, exc):
        return error_response(api, request, ApiError(404, "not_found"))

    def on_unauthorized(request, exc):
        return error_response(api, request, ApiError(401, "unauthorized"))

    def on_forbidden(request, exc):
        return error_response(api, request, ApiError(403, "forbidden_party"))

    def on_throttled(request, exc):
        return error_response(api, request, ApiError(429, "rate_limited"))

    def on_http_error(request, exc: HttpError):
        if isinstance(exc.__cause__, NotAnObject):  # ninja wraps parser errors in a 400
            return error_response(api, request, ApiError(422, "invalid_body"))
        code = _STATUS_CODES.get(exc.status_code, "bad_request")
        return error_response(api, request, ApiError(exc.status_code, code))

    api.add_exception_handler(ApiError, on_api_error)
    api.add_exception_handler(ValidationError, on_validation)
    api.add_exception_handler(Http404, on_not_found)
    api.add_exception_handler(AuthenticationError, on_unauthorized)
    api.add_exception_handler(PermissionDenied, on_forbidden)
    api.add_exception_handler(Throttled, on_throttled)
    api.add_exception_handler(HttpError, on_http_error)
    api.add_exception_handler(RequestDataTooBig, on_too_large)


def set_last_modified(response, moment: datetime | None) -> None:
    """Let clients revalidate with If-Modified-Since (HTTP dates have whole seconds)."""
    if moment is not None:
        response["Last-Modified"] = http_date(moment.timestamp())
