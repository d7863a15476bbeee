"""Uploaded files leave the application only through `uploaded_file_response`.

The web server does not serve MEDIA_ROOT in any profile, so links work the same with
DEBUG on and off, and every file goes out as a download that no browser renders as a page
of this site: `Content-Disposition: attachment`, `X-Content-Type-Options: nosniff` and a
sandbox Content-Security-Policy (cms.uploads refuses markup on the way in; this is the
second lock).
"""

from pathlib import PurePath

from django.db.models.fields.files import FieldFile
from django.http import FileResponse, Http404

from cms.uploads import TYPES

SANDBOX_POLICY = "default-src 'none'; sandbox"


def uploaded_file_response(file: FieldFile, *, filename: str = "") -> FileResponse:
    name = filename or PurePath(file.name).name
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    content_type = TYPES.get(extension, ("application/octet-stream", None))[0]
    try:
        handle = file.open("rb")
    except (FileNotFoundError, ValueError):
        raise Http404 from None
    response = FileResponse(handle, content_type=content_type, as_attachment=True, filename=name)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = SANDBOX_POLICY
    return response
