"""Small builders for notifications and focal points (through the notifications app's
own services where one exists)."""

from datetime import date

from django.utils import timezone
from wagtail.models import Locale

from cms.models import Party
from notifications.models import FocalPoint, Notification, NotificationText, Subject
from notifications.services.numbering import notification_issue

TITLES = {
    "en": "Invitation to submit views on the clearing-house mechanism",
    "fr": "Invitation à communiquer des vues sur le centre d'échange",
    "es": "Invitación a presentar opiniones sobre el mecanismo de facilitación",
}


def notification_issued(*, languages=("en", "fr"), subject: str | None = None, issue_date=None):
    notification = Notification.objects.create(
        categories=["CBD-FP1"],
        status=Notification.Status.APPROVED,
        reference="SCBD/SAM/NR/LC/83832",
        meeting_codes=["COP-12"],
    )
    if subject:
        term, _created = Subject.objects.get_or_create(
            code=subject, defaults={"titles": {"en": "Clearing-house", "fr": "Centre d'échange"}}
        )
        notification.subjects.add(term)
    source = None
    for language in languages:
        text = NotificationText(
            notification=notification,
            locale=Locale.objects.get(language_code=language),
            title=TITLES[language],
            body=f"<p>{TITLES[language]}.</p>",
            live=True,
            last_published_at=timezone.now(),
        )
        if source is not None:
            text.translation_key = source.translation_key
        text.save()
        source = source or text
    return notification_issue(
        notification_id=notification.pk, issue_date=issue_date or date(2014, 6, 2), dispatch=False
    )


def focal_point_active(party_code: str = "FR", **fields) -> FocalPoint:
    party = Party.objects.get(code=party_code)
    defaults = {
        "categories": ["CHM-FP"],
        "first_name": "Claire",
        "last_name": "Martin",
        "emails": ["claire.martin@example.org"],
        "phones": ["+33 1 00 00 00 00"],
        "address": "20 avenue de Ségur, Paris",
        "status": FocalPoint.Status.ACTIVE,
        "activated_at": timezone.now(),
    }
    defaults.update(fields)
    return FocalPoint.objects.create(party=party, **defaults)
