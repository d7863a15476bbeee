from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = _("CHM site")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from cms import checks, queue, signals  # queue and checks register system checks

        signals.connect()
        from cms.search import pages

        pages.register()
        del queue, checks
