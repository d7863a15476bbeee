from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    """The machine-readable face of the CHM: REST API, OData for InforMEA, feeds, sitemaps."""

    name = "api"
    verbose_name = _("Open API")
    default_auto_field = "django.db.models.BigAutoField"
