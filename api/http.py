"""HTTP details shared by the machine endpoints (REST API, OData)."""

from functools import wraps

from django.http import JsonResponse

from api.errors import error_payload

# A urlconf without i18n_patterns (see `no_language_redirect`).
MACHINE_URLCONF = "api.urls"


def no_language_redirect(request) -> None:
    """Keep a machine endpoint's 404 a 404.

    Django's LocaleMiddleware turns any 404 outside the language prefixes into a redirect
    to `/<lang>/<path>` when that path resolves, and Wagtail's page tree resolves every
    path. It decides from `request.urlconf`, so machine endpoints point it at a urlconf
    that has no language prefixes.
    """
    request.urlconf = MACHINE_URLCONF


def json_method_not_allowed(view):
    """A 405 answers the documented JSON error, keeping its `Allow` header."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if response.status_code != 405 or response.get("Content-Type", "").startswith(
            "application/json"
        ):
            return response
        answer = JsonResponse(error_payload("method_not_allowed"), status=405)
        answer["Allow"] = response["Allow"]
        return answer

    return wrapper


def json_not_found(request, *args, **kwargs):
    """Unknown addresses under /api/ answer in JSON like every other API error."""
    no_language_redirect(request)
    return JsonResponse(error_payload("not_found"), status=404)
