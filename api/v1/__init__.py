"""The REST API, version 1 (django-ninja; OpenAPI 3 at /api/v1/openapi.json)."""

from api.auth import ApiThrottle
from api.v1 import (
    documents,
    focal_points,
    me,
    national_sites,
    notifications,
    pages,
    parties,
    reports,
)
from api.v1.core import ChmNinjaAPI, ObjectBodyParser, install_error_handlers

api = ChmNinjaAPI(
    title="CBD Clearing-House Mechanism API",
    version="1.0.0",
    description=(
        "Open data of the CBD Clearing-House Mechanism for national CHMs and partners: "
        "pages, Parties, official documents, notifications, focal points, national CHM "
        "statuses, national reports and NBSAPs. See docs/API.md."
    ),
    urls_namespace="api-v1",
    docs_url="/docs",
    throttle=[ApiThrottle()],
    parser=ObjectBodyParser(),
)
install_error_handlers(api)
api.add_router("", pages.router)
api.add_router("", parties.router)
api.add_router("", documents.router)
api.add_router("", notifications.router)
api.add_router("", focal_points.router)
api.add_router("", national_sites.router)
api.add_router("", reports.router)
api.add_router("", me.router)

__all__ = ["api"]
