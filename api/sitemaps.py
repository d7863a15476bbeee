"""sitemap.xml: every published page in every language, with hreflang alternates.

The site has one page tree per locale; translations share a `translation_key`, which is
how each URL learns its siblings in the other languages (x-default: English).
"""

from collections import defaultdict

from django.contrib.sitemaps import Sitemap
from wagtail.models import Page

from cms.site_url import page_absolute_url

DEFAULT_LANGUAGE = "en"


class TranslatedPagesSitemap(Sitemap):
    def __init__(self, request=None):
        self.request = request

    def items(self):
        return (
            Page.objects.live()
            .public()
            .filter(depth__gt=1)
            .select_related("locale")
            .defer_streamfields()
            .order_by("path")
        )

    def _urls(self, page, protocol, domain):
        items = list(self.paginator.page(page).object_list)
        urls_by_key: dict = defaultdict(dict)
        siblings = (
            Page.objects.live()
            .public()
            .filter(translation_key__in={item.translation_key for item in items})
            .select_related("locale")
            .order_by("locale__language_code")
        )
        for sibling in siblings:
            url = page_absolute_url(sibling)
            if url:
                urls_by_key[sibling.translation_key][sibling.locale.language_code] = url
        urls = []
        latest = None
        for item in items:
            location = urls_by_key[item.translation_key].get(item.locale.language_code)
            if not location:
                continue
            lastmod = item.last_published_at or item.latest_revision_created_at
            if lastmod and (latest is None or lastmod > latest):
                latest = lastmod
            alternates = [
                {"lang_code": code, "location": url}
                for code, url in urls_by_key[item.translation_key].items()
            ]
            if len(alternates) > 1 and DEFAULT_LANGUAGE in urls_by_key[item.translation_key]:
                alternates.append(
                    {
                        "lang_code": "x-default",
                        "location": urls_by_key[item.translation_key][DEFAULT_LANGUAGE],
                    }
                )
            urls.append(
                {
                    "item": item,
                    "location": location,
                    "lastmod": lastmod,
                    "changefreq": None,
                    "priority": None,
                    "alternates": alternates if len(alternates) > 1 else [],
                }
            )
        self.latest_lastmod = latest
        return urls
