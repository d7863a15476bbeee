"""Translations that arrive after issue: the notice goes, and who got English gets them."""

from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from notifications import selectors
from notifications.models import Delivery, Notification, NotificationText
from notifications.services.dispatch import deliveries_enqueue, message_id_domain
from notifications.services.errors import NotificationsError


def notification_translation_published(*, text: NotificationText) -> None:
    """A text was published: its language no longer needs the "translation will follow"
    notice (the public page and any message still to send now carry the translation)."""
    language = text.locale.language_code
    with transaction.atomic():
        notification = Notification.objects.select_for_update().get(pk=text.notification_id)
        if language in notification.english_notice_languages:
            notification.english_notice_languages = [
                code for code in notification.english_notice_languages if code != language
            ]
            notification.save(update_fields=["english_notice_languages"])


def deliveries_translation_create(*, notification_id: int, language: str, user) -> list[int]:
    """Send the newly published translation to the people of `language` who were sent
    the English text: one follow-up delivery each (at most one, ever), queued on commit.

    Returns the ids of the follow-ups created now; nobody else gets a second message.
    """
    if not (user and user.has_perm("notifications.change_notification")):
        raise NotificationsError(_("You are not allowed to do that."))
    with transaction.atomic():
        notification = Notification.objects.select_for_update().get(pk=notification_id)
        if notification.status != Notification.Status.ISSUED:
            raise NotificationsError(_("Only an issued notification can be sent."))
        if language not in selectors.notification_live_texts(notification):
            raise NotificationsError(_("This translation is not published yet."))
        originals = list(selectors.deliveries_awaiting_translation(notification, language))
        Delivery.objects.bulk_create(
            [
                Delivery(
                    notification=notification,
                    focal_point_id=original.focal_point_id,
                    kind=Delivery.Kind.TRANSLATION,
                    email=original.email,
                    language=language,
                    message_id=(
                        f"<ntf-{notification.number}.fp{original.focal_point_id}.{language}"
                        f"@{message_id_domain()}>"
                    ),
                )
                for original in originals
            ],
            ignore_conflicts=True,
        )
        ids = list(
            Delivery.objects.filter(
                notification=notification,
                kind=Delivery.Kind.TRANSLATION,
                language=language,
                status=Delivery.Status.QUEUED,
                focal_point_id__in=[original.focal_point_id for original in originals],
            ).values_list("pk", flat=True)
        )
        log(
            instance=notification,
            action="notifications.translation_sent",
            user=user,
            data={"language": language, "recipients": len(ids)},
        )
        deliveries_enqueue(ids)
    return ids
