"""Attachment checks: a small list of types, a size limit, and content that matches the
name (an "invoice.pdf" that is really HTML is refused)."""

from pathlib import PurePath

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

from cms.storage import is_storage_error
from helpdesk.errors import HelpdeskError
from helpdesk.models import Attachment, FollowUp, Ticket

ZIP = b"PK\x03\x04"
# extension -> (content type served, accepted leading bytes or None for text)
ALLOWED_TYPES: dict[str, tuple[str, tuple[bytes, ...] | None]] = {
    "pdf": ("application/pdf", (b"%PDF-",)),
    "png": ("image/png", (b"\x89PNG\r\n\x1a\n",)),
    "jpg": ("image/jpeg", (b"\xff\xd8\xff",)),
    "jpeg": ("image/jpeg", (b"\xff\xd8\xff",)),
    "gif": ("image/gif", (b"GIF87a", b"GIF89a")),
    "txt": ("text/plain; charset=utf-8", None),
    "csv": ("text/csv; charset=utf-8", None),
    "docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", (ZIP,)),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", (ZIP,)),
    "odt": ("application/vnd.oasis.opendocument.text", (ZIP,)),
    "ods": ("application/vnd.oasis.opendocument.spreadsheet", (ZIP,)),
    "zip": ("application/zip", (ZIP,)),
}
MAX_FILES = 5


def attachment_check(upload: UploadedFile) -> tuple[str, str]:
    """(safe original name, content type) or HelpdeskError."""
    name = PurePath(upload.name or "").name[:200]
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if extension not in ALLOWED_TYPES:
        raise HelpdeskError(
            _("“%(name)s”: this type of file is not accepted. Accepted: %(types)s.")
            % {"name": name, "types": ", ".join(sorted(ALLOWED_TYPES))}
        )
    limit = settings.HELPDESK_ATTACHMENT_MAX_MB * 1024 * 1024
    if upload.size > limit:
        raise HelpdeskError(
            _("“%(name)s” is larger than %(size)s MB.")
            % {"name": name, "size": settings.HELPDESK_ATTACHMENT_MAX_MB}
        )
    content_type, signatures = ALLOWED_TYPES[extension]
    upload.seek(0)
    head = upload.read(2048)
    upload.seek(0)
    if signatures is None:
        try:
            head.decode("utf-8")
        except UnicodeDecodeError:
            # A multi-byte character may be cut at 2048 bytes; accept only that case.
            try:
                head[:-3].decode("utf-8")
            except UnicodeDecodeError:
                raise HelpdeskError(
                    _("“%(name)s” does not look like a text file.") % {"name": name}
                ) from None
    elif not any(head.startswith(signature) for signature in signatures):
        raise HelpdeskError(_("“%(name)s” does not contain what its name says.") % {"name": name})
    return name, content_type


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
