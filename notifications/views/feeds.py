"""RSS and Atom feeds of issued notifications, one per language (the URL prefix)."""

import datetime

from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.text import Truncator
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from cms.feeds import SiteUrlFeed
from notifications import selectors
from notifications.mail.compose import html_to_text

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
            selectors.notifications_public().prefetch_related("subjects")[:FEED_SIZE],
            get_language(),
        )

    def item_title(self, item):
        title = item.text.title if item.text else ""
        return f"{item.number} — {title}"

    def item_description(self, item):
        # Paragraphs stay apart ("reports.\n\nParties"), never glued by stripping tags.
        if not item.text:
            return ""
        return Truncator(html_to_text(item.text.body)).chars(1000)

    def item_categories(self, item):
        return [str(subject) for subject in item.subjects.all()]

    def item_link(self, item):
        return reverse("notifications:detail", kwargs={"number": item.number})

    def item_pubdate(self, item):
        # The notification's date is its issue date (a 2014 notification is not news today).
        if item.issue_date is None:
            return item.issued_at
        midnight = datetime.datetime.combine(item.issue_date, datetime.time())
        return timezone.make_aware(midnight, datetime.UTC)

    def item_updateddate(self, item):
        return self.item_pubdate(item)

    def item_guid(self, item):
        return item.number

    item_guid_is_permalink = False


class NotificationsAtomFeed(NotificationsRssFeed):
    feed_type = Atom1Feed
    subtitle = NotificationsRssFeed.description
