"""Notifications in the site search: each public notification in every published language,
found by its words, its number (`2014-107`) and its reference."""

from __future__ import annotations

from collections.abc import Iterable

from django.urls import reverse
from django.utils.translation import override

from cms.search.indexing import (
    DocumentData,
    plain_text,
    search_group_update_on_commit,
    search_provider_register,
    summary_of,
)
from notifications import selectors
from notifications.models import Notification

PREFIX = "notification"


def notification_documents(identifier: str) -> list[DocumentData]:
    notification = selectors.notifications_public().filter(pk=identifier).first()
    if notification is None:
        return []
    subjects = list(notification.subjects.all())
    documents = []
    for text in notification.texts.filter(live=True).select_related("locale"):
        language = text.locale.language_code
        with override(language):
            url = reverse("notifications:detail", kwargs={"number": notification.number})
            subject_titles = " ".join(str(subject) for subject in subjects)
        documents.append(
            DocumentData(
                key=f"{PREFIX}:{notification.pk}:{language}",
                language=language,
                kind=PREFIX,
                title=f"{notification.number} {text.title}",
                url=url,
                summary=summary_of(text.body),
                date=notification.issue_date,
                texts=[
                    (notification.number, 5),
                    (notification.reference, 5),
                    (" ".join(notification.meeting_codes or []), 3),
                    (text.recipients_text, 1),
                    (plain_text(text.body), 1),
                    (subject_titles, 2),
                ],
            )
        )
    return documents


def notification_groups() -> Iterable[str]:
    return [str(pk) for pk in selectors.notifications_public().values_list("pk", flat=True)]


def _notification_saved(sender, instance, **kwargs) -> None:
    notification_id = (
        instance.pk if isinstance(instance, Notification) else instance.notification_id
    )
    search_group_update_on_commit(f"{PREFIX}:{notification_id}")


def connect() -> None:
    from django.db.models.signals import post_delete, post_save

    from notifications.models import NotificationText

    search_provider_register(PREFIX, notification_documents, notification_groups)
    for model in (Notification, NotificationText):
        for signal in (post_save, post_delete):
            signal.connect(
                _notification_saved, sender=model, dispatch_uid=f"search-{model.__name__}-{signal}"
            )
