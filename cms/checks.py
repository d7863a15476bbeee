"""System checks of the cms app."""

from django.core import checks
from django.db import DatabaseError

from cms.site_url import site_url_host_port


@checks.register(checks.Tags.urls, deploy=True)
def site_record_matches_site_url(app_configs=None, **kwargs):
    """`check --deploy` fails when Wagtail's Site record and SITE_URL disagree: Wagtail
    builds links from the record, the rest of the site from SITE_URL."""
    from wagtail.models import Site

    try:
        site = Site.objects.filter(is_default_site=True).first()
    except DatabaseError:
        return []  # no database yet (first install): nothing to compare
    expected = site_url_host_port()
    if site is None or (site.hostname, site.port) == expected:
        return []
    return [
        checks.Error(
            f"The default Wagtail Site is {site.hostname}:{site.port} but SITE_URL is "
            f"{expected[0]}:{expected[1]}: sitemaps and page links would disagree.",
            hint="Run `manage.py site_sync` (or fix SITE_URL).",
            id="cms.E001",
        )
    ]
