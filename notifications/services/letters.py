"""PDF letters: rendered once per (notification, language) with WeasyPrint, then reused."""

import hashlib

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import translation

from cms.languages import language_direction
from notifications.models import Notification, NotificationLetter, NotificationText


def letter_filename(notification: Notification, language: str) -> str:
    return notification.letter_filename(language)


def letter_html(*, notification: Notification, text: NotificationText, language: str) -> str:
    with translation.override(language):
        return render_to_string(
            "notifications/letter/letter.html",
            {
                "notification": notification,
                "text": text,
                "language": language,
                "direction": language_direction(language),
            },
        )


def letter_ensure(*, notification: Notification, text: NotificationText) -> NotificationLetter:
    """The letter for the text's language, rendered only if the text changed since."""
    language = text.locale.language_code
    html = letter_html(notification=notification, text=text, language=language)
    source_hash = hashlib.sha256(html.encode("utf-8")).hexdigest()
    letter = NotificationLetter.objects.filter(notification=notification, language=language).first()
    if (
        letter
        and letter.source_hash == source_hash
        and letter.file.storage.exists(letter.file.name)
    ):
        return letter
    from weasyprint import HTML

    pdf = HTML(string=html).write_pdf()
    name = letter_filename(notification, language)
    try:
        with transaction.atomic():
            if letter is None:
                letter = NotificationLetter(notification=notification, language=language)
            elif letter.file:
                letter.file.delete(save=False)
            letter.source_hash = source_hash
            letter.file.save(name, ContentFile(pdf), save=False)
            letter.save()
    except IntegrityError:
        # Another worker rendered the same letter at the same moment: use theirs.
        letter = NotificationLetter.objects.get(notification=notification, language=language)
    return letter
