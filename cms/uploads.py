"""The one check every uploaded file goes through (helpdesk attachments, notification
responses, Wagtail documents).

A file is judged by its content, not its name: the leading bytes must be those of the type
its extension claims, anything that a browser could render as a page (HTML, SVG, XML with
script) is refused whatever it is called ("%PDF" followed by HTML was published before), and
archives (zip, and the office formats built on zip) are opened to refuse bombs: too many
members, too much uncompressed data, or a compression ratio no real document has.
"""

import re
import zipfile
from dataclasses import dataclass
from pathlib import PurePath

from django.utils.translation import gettext_lazy as _

ZIP = b"PK\x03\x04"
# extension -> (content type served, accepted leading bytes or None for UTF-8 text)
TYPES: dict[str, tuple[str, tuple[bytes, ...] | None]] = {
    "pdf": ("application/pdf", (b"%PDF-",)),
    "png": ("image/png", (b"\x89PNG\r\n\x1a\n",)),
    "jpg": ("image/jpeg", (b"\xff\xd8\xff",)),
    "jpeg": ("image/jpeg", (b"\xff\xd8\xff",)),
    "gif": ("image/gif", (b"GIF87a", b"GIF89a")),
    "txt": ("text/plain; charset=utf-8", None),
    "csv": ("text/csv; charset=utf-8", None),
    "doc": ("application/msword", (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",)),
    "xls": ("application/vnd.ms-excel", (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",)),
    "docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", (ZIP,)),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", (ZIP,)),
    "odt": ("application/vnd.oasis.opendocument.text", (ZIP,)),
    "ods": ("application/vnd.oasis.opendocument.spreadsheet", (ZIP,)),
    "zip": ("application/zip", (ZIP,)),
}
# What a browser would render or run: refused anywhere in the first bytes of any file.
MARKUP = re.compile(
    rb"<\s*(?:!doctype\s+html|html|head|body|script|svg|iframe|object|embed)\b"
    rb"|<\?xml[^>]*>\s*<svg|javascript:",
    re.IGNORECASE,
)
SNIFF_BYTES = 4096
ARCHIVE_MAX_MEMBERS = 2000
ARCHIVE_MAX_UNCOMPRESSED = 200 * 1024 * 1024
ARCHIVE_MAX_RATIO = 100


@dataclass(frozen=True)
class CheckedUpload:
    name: str  # the last path component, at most 200 characters
    content_type: str


class UploadRefused(ValueError):
    """The message says why, in the user's language."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return str(self.message)


def upload_check(upload, *, allowed: set[str] | frozenset[str], max_bytes: int) -> CheckedUpload:
    """Refuse (UploadRefused) anything but a file of an allowed type whose content is what
    its name says; the upload is left at position 0."""
    name = PurePath(upload.name or "").name[:200]
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if extension not in allowed or extension not in TYPES:
        raise UploadRefused(
            _("“%(name)s”: this type of file is not accepted. Accepted: %(types)s.")
            % {"name": name, "types": ", ".join(sorted(allowed))}
        )
    if upload.size > max_bytes:
        raise UploadRefused(
            _("“%(name)s” is larger than %(size)s MB.")
            % {"name": name, "size": max_bytes // (1024 * 1024)}
        )
    content_type, signatures = TYPES[extension]
    upload.seek(0)
    head = upload.read(SNIFF_BYTES)
    upload.seek(0)
    if signatures is None:
        _check_text(head, name)
    elif not any(head.startswith(signature) for signature in signatures):
        raise UploadRefused(_("“%(name)s” does not contain what its name says.") % {"name": name})
    if MARKUP.search(head):
        raise UploadRefused(
            _("“%(name)s” contains web page markup or script, which is not accepted.")
            % {"name": name}
        )
    if signatures == (ZIP,):
        _check_archive(upload, name)
    return CheckedUpload(name=name, content_type=content_type)


def _check_text(head: bytes, name: str) -> None:
    try:
        head.decode("utf-8")
    except UnicodeDecodeError:
        # A multi-byte character may be cut at the end of the sniffed bytes: only that case.
        try:
            head[:-3].decode("utf-8")
        except UnicodeDecodeError:
            raise UploadRefused(
                _("“%(name)s” does not look like a text file.") % {"name": name}
            ) from None


def _check_archive(upload, name: str) -> None:
    refused = UploadRefused(
        _("“%(name)s” is a damaged or oversized archive, which is not accepted.") % {"name": name}
    )
    try:
        with zipfile.ZipFile(upload) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, EOFError, ValueError):
        upload.seek(0)
        raise refused from None
    upload.seek(0)
    uncompressed = sum(member.file_size for member in members)
    compressed = sum(member.compress_size for member in members) or 1
    if (
        len(members) > ARCHIVE_MAX_MEMBERS
        or uncompressed > ARCHIVE_MAX_UNCOMPRESSED
        or uncompressed / compressed > ARCHIVE_MAX_RATIO
    ):
        raise refused
