"""Turns a full or read-only disk into a clear answer instead of a server error."""

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
