"""Errors the API answers with: a stable machine code and a message in the client's language.

Clients branch on `code`, which never changes; `message` is for people and is translated.
"""

from django.utils.translation import gettext_lazy as _

MESSAGES = {
    "bad_request": _("The request is not valid."),
    "invalid_language": _("Unknown language. Use one of: ar, en, es, fr, ru, zh-hans."),
    "invalid_parameter": _("A parameter has a value the API does not accept."),
    "unauthorized": _("A valid API token is required (Authorization: Bearer <token>)."),
    "invalid_token": _("The API token is unknown or has been revoked."),
    "forbidden_party": _("This token acts for another Party."),
    "not_found": _("Nothing was found at this address."),
    "rate_limited": _("Too many requests. Try again after the number of seconds in Retry-After."),
    "conflict": _("The request conflicts with the current state of the object."),
    "not_acceptable": _("This object does not accept the change."),
    "invalid_body": _("The request body must be a JSON object with the documented fields."),
    "invalid_value": _("Some fields have values the API does not accept."),
    "too_large": _("The request body is larger than the API accepts."),
    "method_not_allowed": _("This address does not accept this method; see the Allow header."),
}


class ApiError(Exception):
    """Raised by views, selectors' callers and adapters; turned into a JSON error answer."""

    def __init__(self, status: int, code: str, message: str | None = None, details=None):
        self.status = status
        self.code = code
        self.message = message
        self.details = details
        super().__init__(code)

    def payload(self) -> dict:
        message = self.message if self.message is not None else MESSAGES.get(self.code, "")
        body = {"code": self.code, "message": str(message)}
        if self.details is not None:
            body["details"] = self.details
        return {"error": body}


def error_payload(code: str, message=None, details=None) -> dict:
    return ApiError(0, code, message, details).payload()
