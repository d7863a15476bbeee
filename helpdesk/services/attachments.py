"""Attachment checks: a small list of types, a size limit, and content that matches the
name (an "invoice.pdf" that is really HTML is refused)."""

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

from cms.storage import is_storage_error
from cms.uploads import UploadRefused, upload_check
from helpdesk.errors import HelpdeskError
from helpdesk.models import Attachment, FollowUp, Ticket

ALLOWED_TYPES = frozenset(
    {"pdf", "png", "jpg", "jpeg", "gif", "txt", "csv", "docx", "xlsx", "odt", "ods", "zip"}
)
MAX_FILES = 5


def attachment_check(upload: UploadedFile) -> tuple[str, str]:
    """(safe original name, content type) or HelpdeskError (cms.uploads decides)."""
    try:
        checked = upload_check(
            upload,
            allowed=ALLOWED_TYPES,
            max_bytes=settings.HELPDESK_ATTACHMENT_MAX_MB * 1024 * 1024,
        )
    except UploadRefused as refusal:
        raise HelpdeskError(refusal.message) from None
    return checked.name, checked.content_type


def attachments_check(uploads) -> list[tuple[UploadedFile, str, str]]:
    uploads = list(uploads or [])
    if len(uploads) > MAX_FILES:
        raise HelpdeskError(_("At most %(count)s files at a time.") % {"count": MAX_FILES})
    return [(upload, *attachment_check(upload)) for upload in uploads]


def attachments_store(
    *, ticket: Ticket, followup: FollowUp | None, checked, user
) -> list[Attachment]:
    stored = []
    for upload, name, content_type in checked:
        attachment = Attachment(
            ticket=ticket,
            followup=followup,
            original_name=name,
            content_type=content_type,
            size=upload.size,
            uploaded_by=user if getattr(user, "is_authenticated", False) else None,
        )
        try:
            attachment.file.save(name, upload, save=False)
        except OSError as error:
            if not is_storage_error(error):
                raise
            for done in stored:  # the caller's transaction drops their rows
                done.file.delete(save=False)
            raise HelpdeskError(
                _(
                    "The file “%(name)s” could not be stored: the server's disk is full or not writable. Nothing was saved; please try again later."
                )
                % {"name": name}
            ) from error
        attachment.save()
        stored.append(attachment)
    return stored
