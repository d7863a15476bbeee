from django.urls import path, re_path

from api.odata import views

urlpatterns = [
    path("", views.service_document, name="odata-service"),
    path("$metadata", views.metadata, name="odata-metadata"),
    re_path(r"^(?P<entity_set>[A-Za-z]+)/?$", views.entity_collection, name="odata-collection"),
    re_path(
        r"^(?P<entity_set>[A-Za-z]+)/\$count$",
        views.entity_count,
        name="odata-count",
    ),
    re_path(
        r"^(?P<entity_set>[A-Za-z]+)\('(?P<key>(?:[^']|'')+)'\)$",
        views.entity_single,
        name="odata-entity",
    ),
    re_path(r"^", views.odata_not_found),
]
