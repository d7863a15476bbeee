"""How a report's file is served: known document types with their own type, anything
else as a download of unknown type, so that no upload can run as a page of this site."""

from pathlib import PurePath

from django.http import FileResponse

INLINE_TYPES = {".pdf": "application/pdf", ".txt": "text/plain; charset=utf-8"}
DOWNLOAD_TYPES = {
    ".doc": "application/msword",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".odt": "application/vnd.oasis.opendocument.text",
    ".rtf": "application/rtf",
}


def file_response(handle, filename: str) -> FileResponse:
    extension = PurePath(filename).suffix.lower()
    inline = extension in INLINE_TYPES
    content_type = INLINE_TYPES.get(extension) or DOWNLOAD_TYPES.get(
        extension, "application/octet-stream"
    )
    response = FileResponse(handle, as_attachment=not inline, filename=filename)
    response["Content-Type"] = content_type
    response["X-Content-Type-Options"] = "nosniff"
    return response
