"""Routes outside the language prefixes: the REST API, OData, sitemap and robots."""

from django.urls import include, path, re_path

from api import http, views
from api.v1 import api as api_v1

urlpatterns = [
    path("api/v1/", api_v1.urls),
    re_path(r"^api/", http.json_not_found),
    path("odata/", include("api.odata.urls")),
    path("sitemap.xml", views.sitemap, name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots-txt"),
]
