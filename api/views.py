"""Plain Django views of the API app: sitemap.xml and robots.txt."""

from django.conf import settings
from django.contrib.sitemaps import views as sitemap_views
from django.http import HttpResponse
from django.views.decorators.cache import cache_page
from django.views.decorators.http import require_GET

from api.sitemaps import TranslatedPagesSitemap

ROBOTS_DISALLOW = ["/admin/", "/api/", "/odata/", "/healthz"]


@require_GET
def sitemap(request):
    return sitemap_views.sitemap(request, {"pages": TranslatedPagesSitemap(request)})


@require_GET
@cache_page(60 * 60)
def robots_txt(request):
    """Crawlers may read every public page; machine endpoints have their own docs."""
    lines = ["User-agent: *"]
    lines += [f"Disallow: {path}" for path in ROBOTS_DISALLOW]
    lines += ["Disallow: /*/account/", "", f"Sitemap: {settings.SITE_URL}/sitemap.xml", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
