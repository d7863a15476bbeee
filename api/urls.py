"""Routes outside the language prefixes: the REST API, OData, sitemap and robots."""

from django.db import transaction
from django.urls import include, path, re_path

from api import http, views
from api.v1 import api as api_v1

SCHEMA_VIEWS = {"openapi-json", "openapi-view"}


def schema_views_without_database(urls):
    """The OpenAPI document and its viewer are built from code: no request transaction
    (ATOMIC_REQUESTS), so they answer even when the database does not. Every operation's
    405 is a JSON error like the others (ninja's is plain text)."""
    patterns, app_name, namespace = urls
    for pattern in patterns:
        if pattern.name in SCHEMA_VIEWS:
            pattern.callback = transaction.non_atomic_requests(pattern.callback)
        else:
            pattern.callback = http.json_method_not_allowed(pattern.callback)
    return patterns, app_name, namespace


urlpatterns = [
    path("api/v1/", schema_views_without_database(api_v1.urls)),
    re_path(r"^api/", http.json_not_found),
    path("odata/", include("api.odata.urls")),
    path("sitemap.xml", views.sitemap, name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots-txt"),
]
