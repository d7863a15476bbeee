"""Responses submitted by Parties to notifications."""

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext as _

from cms.uploads import UploadRefused, upload_check
from notifications.models import Notification, Response, ResponseFile
from notifications.services.errors import NotificationsError
from notifications.services.focal_points import user_may_manage_party

RESPONSE_FILE_TYPES = frozenset({"pdf", "doc", "docx", "odt", "txt", "xls", "xlsx", "ods"})


def response_file_check(upload) -> None:
    """Raises UploadRefused, with a message for the reader, for a file a response may not
    carry (its type or size); the portal form and the service both ask."""
    upload_check(
        upload, allowed=RESPONSE_FILE_TYPES, max_bytes=settings.MAX_UPLOAD_MB * 1024 * 1024
    )


def response_submit(
    *,
    user,
    notification_id: int,
    party_id: int,
    text: str,
    language: str,
    files: list[UploadedFile] = (),
) -> Response:
    """A national authorized user answers a notification for their own Party."""
    if user is None or user.is_staff or not user_may_manage_party(user, party_id):
        raise NotificationsError(_("You may only respond on behalf of your own Party."))
    notification = Notification.objects.filter(
        pk=notification_id, status=Notification.Status.ISSUED
    ).first()
    if notification is None:
        raise NotificationsError(_("Responses are accepted only for issued notifications."))
    if not text.strip():
        raise NotificationsError(_("Write the text of the response."))
    for upload in files:
        try:
            response_file_check(upload)
        except UploadRefused as refusal:
            raise NotificationsError(refusal.message) from None
    with transaction.atomic():
        response = Response.objects.create(
            notification=notification,
            respondent_type=Response.RespondentType.PARTY,
            party_id=party_id,
            text=text.strip(),
            language=language,
            submitted_by=user,
        )
        for upload in files:
            ResponseFile.objects.create(response=response, file=upload)
    return response
