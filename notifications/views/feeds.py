"""RSS and Atom feeds of issued notifications, one per language (the URL prefix)."""

from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import strip_tags
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from cms.feeds import SiteUrlFeed
from notifications import selectors

FEED_SIZE = 30


class NotificationsRssFeed(SiteUrlFeed):
    title = _("CBD notifications")
    description = _(
        "Official notifications of the Secretariat of the Convention on Biological Diversity"
    )

    def link(self):
        return reverse("notifications:list")

    def items(self):
        return selectors.notifications_with_text(
            selectors.notifications_public()[:FEED_SIZE], get_language()
        )

    def item_title(self, item):
        title = item.text.title if item.text else ""
        return f"{item.number} — {title}"

    def item_description(self, item):
        return strip_tags(item.text.body)[:1000] if item.text else ""

    def item_link(self, item):
        return reverse("notifications:detail", kwargs={"number": item.number})

    def item_pubdate(self, item):
        return item.issued_at

    def item_guid(self, item):
        return item.number

    item_guid_is_permalink = False


class NotificationsAtomFeed(NotificationsRssFeed):
    feed_type = Atom1Feed
    subtitle = NotificationsRssFeed.description
