"""Clear answers instead of server errors: a full disk, a lost database, NUL characters,
admin addresses naming an object by a key its model cannot have."""

import logging

from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import InterfaceError, OperationalError
from django.http import Http404, HttpResponseBadRequest, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from cms.storage import is_storage_error


class StorageErrorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        # The view's own atomic blocks have already rolled back by the time we get here.
        if not is_storage_error(exception):
            return None
        response = render(
            request,
            "cms/storage_error.html",
            {
                "message": _(
                    "The file could not be stored: the server's disk is full or not writable. "
                    "Nothing was saved. Please try again later; the Secretariat has been told."
                )
            },
            status=503,
        )
        response["Retry-After"] = "600"
        return response


MACHINE_PREFIXES = ("/api/", "/odata/")

log = logging.getLogger(__name__)


class DatabaseUnavailableMiddleware:
    """A lost or unreachable database answers 503 in the visitor's language, not 500.

    With ATOMIC_REQUESTS the request's writes were one transaction, rolled back by the server
    when the connection died: nothing was half-saved, which is what the message says. The page
    is standalone (no base template, no menus) so rendering it needs no database.
    """

    RETRY_AFTER_SECONDS = "30"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, OperationalError | InterfaceError):
            return None
        log.error("database unavailable during %s %s: %s", request.method, request.path, exception)
        message = _(
            "The site could not reach its database. Nothing you sent was saved. "
            "Please try again in a minute."
        )
        if request.path.startswith(MACHINE_PREFIXES):
            response = JsonResponse({"detail": message}, status=503)
        else:
            response = render(
                request, "cms/service_unavailable.html", {"message": message}, status=503
            )
        response["Retry-After"] = self.RETRY_AFTER_SECONDS
        return response


class NulCharacterMiddleware:
    """Refuses NUL characters in the address: no text of ours can contain one.

    PostgreSQL rejects NUL in text, so such a path segment or filter value would otherwise
    fail deep inside a query (a 500). A path with NUL names nothing: 404. A query string with
    NUL: 400 (the API and OData answer their own JSON errors for query strings). Django's form
    fields already refuse NUL in submitted forms.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        machine = request.path.startswith(MACHINE_PREFIXES)
        if "\x00" in request.path:
            if machine:
                message = _("Nothing was found at this address.")
                return JsonResponse(
                    {"error": {"code": "not_found", "message": message}}, status=404
                )
            raise Http404
        if machine:
            return self.get_response(request)
        if any("\x00" in value for _key, values in request.GET.lists() for value in values):
            return HttpResponseBadRequest(
                _("The address contains a NUL character, which no search or filter accepts."),
                content_type="text/plain; charset=utf-8",
            )
        return self.get_response(request)


class AdminObjectKeyMiddleware:
    """A Wagtail admin address that names an object by a key its model cannot have: 404.

    Wagtail's choosers (`chooser/chosen/<pk>/` of documents and images, `snippets/choose/
    …/chosen/<pk>/` of every snippet) and the snippet revision comparison take the key as a
    string, so that models with text keys work, and hand it to the database unchecked: `²`,
    `%FF%FE` or a CR/LF for an integer key raised ValueError there (a 500, found by
    tests/security/test_url_fuzz.py). The key is read here with the model's own key field, as
    the database would, before the view runs; Wagtail's other views already answer 404.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if "pk" not in view_kwargs or not request.path_info.startswith("/admin/"):
            return None
        model = getattr(view_func, "view_initkwargs", {}).get("model")
        if isinstance(model, str):
            model = apps.get_model(model)
        if model is None:
            return None
        try:
            model._meta.pk.to_python(view_kwargs["pk"])
        except ValidationError:
            raise Http404 from None
        return None
