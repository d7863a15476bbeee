"""Reads of the notifications app."""

import datetime
from collections import Counter, defaultdict
from dataclasses import dataclass

from django.db.models import Count, Max, Q, QuerySet
from django.utils.translation import get_language_info
from wagtail.models import Locale

from cms.languages import content_language_codes
from notifications.models import (
    Delivery,
    FocalPoint,
    Notification,
    NotificationText,
    Response,
)
from translation.reports import STATES, cell_for
from translation.selectors import source_for_instance


def focal_points_active_in(categories: list[str]) -> list[FocalPoint]:
    """Active focal points holding any of the categories and having an e-mail address.

    Categories are a JSON list, filtered here in Python so SQLite and PostgreSQL agree.
    """
    wanted = set(categories)
    return [
        focal_point
        for focal_point in FocalPoint.objects.filter(status=FocalPoint.Status.ACTIVE).order_by("pk")
        if wanted.intersection(focal_point.categories) and focal_point.emails
    ]


def focal_point_history(focal_point: FocalPoint, limit: int = 50) -> list:
    """The audit trail of one focal point, newest first, with who did it."""
    return list(focal_point.changes.select_related("user").order_by("-at", "-pk")[:limit])


def focal_point_next_actions(focal_point: FocalPoint) -> list[str]:
    """What the Secretariat can do next: verify a nomination, activate a verified one, retire."""
    status = focal_point.status
    actions = {
        FocalPoint.Status.NOMINATED: ["verify", "retire"],
        FocalPoint.Status.VERIFIED: ["activate", "retire"],
        FocalPoint.Status.ACTIVE: ["retire"],
    }
    return actions.get(status, [])


def focal_points_public(*, party_code: str = "", category: str = "") -> list[FocalPoint]:
    focal_points = FocalPoint.objects.filter(status=FocalPoint.Status.ACTIVE).select_related(
        "party"
    )
    if party_code:
        focal_points = focal_points.filter(party__code=party_code.upper())
    return [fp for fp in focal_points if not category or category in fp.categories]


def notification_live_texts(notification: Notification) -> dict[str, NotificationText]:
    """Published texts by language code."""
    return {
        text.locale.language_code: text
        for text in notification.texts.filter(live=True).select_related("locale")
    }


def text_for_language(texts: dict[str, NotificationText], language: str) -> NotificationText:
    """The recipient's language if published, else English, else whatever exists."""
    return texts.get(language) or texts.get("en") or next(iter(texts.values()))


def notifications_public() -> QuerySet[Notification]:
    return Notification.objects.filter(
        status__in=[Notification.Status.ISSUED, Notification.Status.WITHDRAWN]
    ).order_by("-issue_date", "-year", "-sequence")


def notification_words_match(text: str, *, published_only: bool) -> Q:
    """Words found in the number, the reference or a text's title or body; visitors search
    published texts only, staff (the admin's notification chooser) drafts as well."""
    words = text.strip()
    live = {"texts__live": True} if published_only else {}
    return (
        Q(number__icontains=words)
        | Q(reference__icontains=words)
        | Q(texts__title__icontains=words, **live)
        | Q(texts__body__icontains=words, **live)
    )


def notifications_staff_search(text: str) -> QuerySet[Notification]:
    """Every notification, drafts included, whose number, reference or any text (published
    or not) holds the words: what staff look for when they pick a notification."""
    return Notification.objects.filter(
        notification_words_match(text, published_only=False)
    ).distinct()


def notifications_search(
    *,
    year: int | None = None,
    subject: str | None = None,
    text: str | None = None,
    updated_since: datetime.datetime | None = None,
) -> QuerySet[Notification]:
    """Public notifications, newest first, filtered as the site's list and the API filter
    them: by year, subject code (any case), words in the number, the reference or a
    published text, and a public change after `updated_since`."""
    notifications = notifications_public()
    if year:
        notifications = notifications.filter(year=year)
    if subject:
        notifications = notifications.filter(subjects__code__iexact=subject.strip())
    if text and text.strip():
        notifications = notifications.filter(notification_words_match(text, published_only=True))
    if updated_since is not None:
        notifications = notifications.annotate(
            latest_text=Max("texts__last_published_at", filter=Q(texts__live=True))
        ).filter(
            Q(issued_at__gt=updated_since)
            | Q(withdrawn_at__gt=updated_since)
            | Q(latest_text__gt=updated_since)
        )
    return notifications.distinct().order_by("-issue_date", "-year", "-sequence", "-pk")


def notifications_with_text(notifications, language: str) -> list[Notification]:
    """Attach `.text`: the published text in `language`, or English, with `.fallback`."""
    items = list(notifications)
    texts: dict[int, dict] = {}
    for n in items:
        texts[n.pk] = {}
    for text in NotificationText.objects.filter(notification__in=items, live=True).select_related(
        "locale"
    ):
        texts[text.notification_id][text.locale.language_code] = text
    for n in items:
        available = texts[n.pk]
        n.text = available and text_for_language(available, language)
        n.fallback = bool(n.text) and n.text.locale.language_code != language
        n.languages = sorted(available)
    return items


def notification_public_get(number: str) -> Notification | None:
    return notifications_public().filter(number=number.strip().upper()).first()


def notification_delivery_counts(notification: Notification) -> dict[str, int]:
    counts = {status: 0 for status in Delivery.Status.values}
    for row in (
        Delivery.objects.filter(notification=notification).values("status").annotate(n=Count("pk"))
    ):
        counts[row["status"]] = row["n"]
    counts["total"] = sum(counts.values())
    return counts


def responses_grouped(notification: Notification) -> list[tuple[str, list[Response]]]:
    groups: dict[str, list[Response]] = defaultdict(list)
    for response in notification.responses.select_related("party").prefetch_related("files"):
        groups[response.respondent_type].append(response)
    return [
        (label, groups[value]) for value, label in Response.RespondentType.choices if groups[value]
    ]


def deliveries_due(now) -> QuerySet[Delivery]:
    return Delivery.objects.filter(
        Q(status=Delivery.Status.DEFERRED, next_attempt_at__lte=now)
        | Q(status=Delivery.Status.QUEUED)
    )


def notification_reminder_dates(notification: Notification) -> list[tuple[str, datetime.date]]:
    """The (label, date) pairs the notification's reminders are set for, dates known only."""
    labels = {
        "action_required_by": Notification._meta.get_field("action_required_by").verbose_name,
        "deadline": Notification._meta.get_field("deadline").verbose_name,
    }
    return [
        (str(labels[field]).capitalize(), getattr(notification, field))
        for field in notification.reminder_dates
        if field in labels and getattr(notification, field) is not None
    ]


@dataclass
class LanguageSummary:
    """What one language stands to receive if the notification is issued now."""

    code: str
    name: str  # in the admin's language
    state: (
        str  # the translation report's state: published, reviewed, partly, machine, stale, missing
    )
    state_label: str
    recipients: int
    english_notice: bool  # staff chose to send the English text with a notice

    @property
    def published(self) -> bool:
        return self.state == "published"

    @property
    def needs_machine_translation(self) -> bool:
        """Segments without a current translation: only then can a job write anything."""
        return self.state in ("missing", "stale")

    @property
    def blocked(self) -> bool:
        """People would get nothing in their language, and nobody decided what to do."""
        return bool(self.recipients) and not self.published and not self.english_notice


def notification_source_text(notification: Notification) -> NotificationText | None:
    """The text the others are translated from: English, else the oldest."""
    texts = notification.texts.select_related("locale")
    return texts.filter(locale__language_code="en").first() or texts.order_by("pk").first()


def recipients_by_language(notification: Notification) -> Counter:
    return Counter(
        focal_point.preferred_language
        for focal_point in focal_points_active_in(notification.categories)
    )


def notification_language_summary(
    notification: Notification, english_notice: list[str] | None = None
) -> list[LanguageSummary]:
    """Per content language: text state, recipients, and the English-with-notice choice.

    A language counts as published when its text row is live (what the mail will carry);
    otherwise the state is the translation workflow's (reviewed, machine, …, missing).
    """
    chosen = set(
        notification.english_notice_languages if english_notice is None else english_notice
    )
    source_text = notification_source_text(notification)
    source = source_for_instance(source_text) if source_text else None
    recipients = recipients_by_language(notification)
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    summary = []
    for code in content_language_codes():
        target = source_text.get_translation_or_none(locales[code]) if source_text else None
        if target is not None and target.live:
            state = "published"
        elif target is None or target.pk == source_text.pk:
            state = "missing" if target is None else "reviewed"
        else:
            state = cell_for(source_text, source, locales[code]).state
        summary.append(
            LanguageSummary(
                code=code,
                name=str(get_language_info(code)["name_translated"]),
                state=state,
                state_label=str(STATES[state]),
                recipients=recipients.get(code, 0),
                english_notice=code in chosen and state != "published",
            )
        )
    return summary


# Deliveries that reached (or probably reached) the person: they have the English text.
_RECEIVED = [Delivery.Status.SENT, Delivery.Status.DELIVERED, Delivery.Status.UNCONFIRMED]


def deliveries_awaiting_translation(
    notification: Notification, language: str
) -> QuerySet[Delivery]:
    """People of `language` who were sent the English text and not yet the translation."""
    followed = Delivery.objects.filter(
        notification=notification, kind=Delivery.Kind.TRANSLATION
    ).values("focal_point_id")
    return (
        Delivery.objects.filter(
            notification=notification,
            kind=Delivery.Kind.NOTIFICATION,
            focal_point__preferred_language=language,
            status__in=_RECEIVED,
        )
        .exclude(language=language)
        .exclude(focal_point_id__in=followed)
        .order_by("pk")
    )


def translations_to_send(notification: Notification) -> list[tuple[str, str, int]]:
    """(code, language name, people) for each published translation that people of that
    language have not received yet: they were sent the English text before it existed."""
    if notification.status != Notification.Status.ISSUED:
        return []
    result = []
    for code in notification_live_texts(notification):
        count = deliveries_awaiting_translation(notification, code).count()
        if count:
            result.append((code, str(get_language_info(code)["name_translated"]), count))
    return result
