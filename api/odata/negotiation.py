"""Content negotiation of the OData service: `Accept` and `OData-MaxVersion`.

A client that accepts none of the media types an endpoint writes, or only OData versions
below 4.0, is told so with a 406 rather than handed a body it cannot read.
"""

from api.odata.errors import ODataNotAcceptable
from api.odata.query import METADATA_LEVELS

ACCEPT_JSON = {"*/*", "application/*", "application/json"}
ACCEPT_XML = {"*/*", "application/*", "application/xml", "text/xml", "text/*"}


def _acceptable(header: str, served: set[str]) -> bool:
    for media_range in header.split(","):
        kind, *parameters = (part.strip() for part in media_range.split(";"))
        if kind.lower() not in served:
            continue
        options = {}
        for parameter in parameters:
            name, _sep, value = parameter.partition("=")
            options[name.strip().lower()] = value.strip().strip('"')
        try:
            if float(options.get("q", "1")) <= 0:
                continue
        except ValueError:
            continue
        if options.get("odata.metadata", "minimal") not in METADATA_LEVELS:
            continue
        return True
    return False


def negotiate(request, served: set[str]) -> None:
    """Raise ODataNotAcceptable when the client cannot read what this endpoint writes.
    `$format`, when given, wins over `Accept` (OData v4 §11.2.11)."""
    max_version = request.headers.get("OData-MaxVersion", "").strip()
    if max_version:
        try:
            major = int(max_version.split(".")[0])
        except ValueError:
            raise ODataNotAcceptable("OData-MaxVersion", "OData 4.0") from None
        if major < 4:
            raise ODataNotAcceptable("OData-MaxVersion", "OData 4.0")
    accept = request.headers.get("Accept", "").strip()
    if accept and "$format" not in request.GET and not _acceptable(accept, served):
        raise ODataNotAcceptable(
            "Accept", "application/json" if "application/json" in served else "application/xml"
        )
