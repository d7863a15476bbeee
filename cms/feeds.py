"""Base class for the site's RSS/Atom feeds: every address in them under SITE_URL."""

from django.contrib.syndication.views import Feed

from cms.site_url import absolute_url

ADDRESS_ATTRIBUTES = frozenset({"link", "item_link", "feed_url", "item_enclosure_url"})


class SiteUrlFeed(Feed):
    """Django completes relative feed addresses with the request's host; ours come from
    SITE_URL like the sitemap's and the e-mails', whatever host the request used."""

    def get_feed(self, obj, request):
        self.feed_request = request
        return super().get_feed(obj, request)

    def feed_url(self) -> str:
        return self.feed_request.path

    def _get_dynamic_attr(self, attname, obj, default=None):
        # The one hook every address of a feed goes through before Django adds a domain.
        value = super()._get_dynamic_attr(attname, obj, default)
        if attname in ADDRESS_ATTRIBUTES and isinstance(value, str) and value:
            return absolute_url(value)
        return value
