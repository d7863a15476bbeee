from django import template
from django.utils.translation import get_language

from notifications import selectors

register = template.Library()

LATEST_COUNT = 5


@register.inclusion_tag("notifications/includes/latest.html")
def latest_notifications(count: int = LATEST_COUNT):
    """The newest public notifications, each in the visitor's language or English."""
    latest = selectors.notifications_public()[:count]
    return {"notifications": selectors.notifications_with_text(latest, get_language() or "en")}
