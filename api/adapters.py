"""Writes on behalf of a token, through the owning apps' services (never their tables).

A token acts through its service account (`services.token_service_user`), a national
authorized user of its Party, so the notifications and helpdesk services apply their own
permission checks and record who did what. The Party always comes from the token, never
from the request.
"""

from typing import Any

from django.core.exceptions import ValidationError

from api.errors import ApiError
from api.models import ApiToken
from api.services import token_service_user
from cms.models import Party


def response_submit_for_token(*, token: ApiToken, number: str, text: str, language: str):
    from notifications.models import Notification
    from notifications.selectors import notification_public_get
    from notifications.services.errors import NotificationsError
    from notifications.services.responses import response_submit

    notification = notification_public_get(number[:20])
    if notification is None:
        raise ApiError(404, "not_found")
    if notification.status != Notification.Status.ISSUED:
        raise ApiError(409, "not_acceptable")
    try:
        return response_submit(
            user=token_service_user(token=token),
            notification_id=notification.pk,
            party_id=token.party_id,
            text=text,
            language=language,
        )
    except NotificationsError as error:
        raise ApiError(400, "bad_request", message=str(error.message)) from None


def national_site_update_for_token(*, token: ApiToken, party: Party, values: dict[str, Any]):
    from helpdesk.errors import HelpdeskError
    from helpdesk.services.tracker import national_site_update, tracker_can_edit

    user = token_service_user(token=token)
    # Permission first, with the tracker's own rule, so that a later refusal by the
    # service can only be about the values.
    if party.pk != token.party_id or not tracker_can_edit(user, party):
        raise ApiError(403, "forbidden_party")
    try:
        return national_site_update(party=party, user=user, **values)
    except HelpdeskError as error:
        raise ApiError(400, "bad_request", message=str(error)) from None
    except ValidationError as error:
        details = {
            field: [str(m) for m in messages] for field, messages in error.message_dict.items()
        }
        raise ApiError(422, "invalid_value", details=details) from None


def report_call_for_token(
    *, token: ApiToken, action: str, report_id: int | None = None, values: dict | None = None
):
    """Create a draft, attach a file or submit, as the token's national authorized user.

    Only the token's own Party's reports are reachable: another Party's report answers 404
    (its drafts are not public), a published one 409 (only drafts change).
    """
    from django.core.exceptions import PermissionDenied

    from reports import services
    from reports.models import Report

    user = token_service_user(token=token)
    values = dict(values or {})
    try:
        if action == "create":
            return services.report_create(user=user, party=token.party, **values)
        report = Report.objects.filter(pk=report_id, party_id=token.party_id).first()
        if report is None or report_id >= 2**31:
            raise ApiError(404, "not_found")
        if report.status != Report.Status.DRAFT:
            raise ApiError(409, "conflict")
        if action == "file_add":
            services.report_file_add(user=user, report=report, **values)
            report.refresh_from_db()
            return report
        try:
            return services.report_submit(user=user, report=report)
        except ValidationError as error:
            # Well-formed, but the draft's state does not allow it yet (no file).
            raise ApiError(409, "conflict", message=" ".join(error.messages)) from None
    except PermissionDenied:
        raise ApiError(403, "forbidden_party") from None
    except ValidationError as error:
        details = (
            {field: [str(m) for m in messages] for field, messages in error.message_dict.items()}
            if hasattr(error, "error_dict")
            else {"report": [str(m) for m in error.messages]}
        )
        raise ApiError(400, "invalid_parameter", details=details) from None
