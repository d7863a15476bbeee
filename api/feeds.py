"""RSS 2.0 and Atom feeds per language (the open standard national sites consume)."""

from datetime import UTC, datetime, time

from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from cms.feeds import SiteUrlFeed
from cms.models import NewsIndexPage, NewsPage
from cms.site_url import page_absolute_url

FEED_SIZE = 30


class NewsFeed(SiteUrlFeed):
    """The latest published news items in the language of the URL prefix."""

    feed_type = Rss201rev2Feed

    def get_object(self, request, *args, **kwargs):
        self.request = request
        return get_language() or "en"

    def title(self, language):
        return _("CHM news")

    def description(self, language):
        return _("News from the Clearing-House Mechanism of the Convention on Biological Diversity")

    def link(self, language):
        index = NewsIndexPage.objects.live().public().filter(locale__language_code=language).first()
        url = page_absolute_url(index) if index else None
        return url or "/"

    def items(self, language):
        return (
            NewsPage.objects.live()
            .public()
            .filter(locale__language_code=language)
            .order_by("-date", "-pk")[:FEED_SIZE]
        )

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.intro

    def item_link(self, item):
        return page_absolute_url(item) or item.url

    def item_guid(self, item):
        # One id per translation, stable across edits and moves.
        return f"urn:uuid:{item.translation_key}:{item.locale.language_code}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return datetime.combine(item.date, time(12, 0), tzinfo=UTC)

    def item_updateddate(self, item):
        return item.last_published_at


class NewsAtomFeed(NewsFeed):
    feed_type = Atom1Feed
    subtitle = NewsFeed.description
