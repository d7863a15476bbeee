"""Numbered notifications: the registry row, its text in each language, its files."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.fields import RichTextField
from wagtail.models import DraftStateMixin, RevisionMixin, TranslatableMixin
from wagtail.search import index

from cms.model_fields import user_reference


class Subject(models.Model):
    """A term of the small CBD-SUBJECTS thesaurus, titled in each UN language."""

    code = models.CharField(_("code"), max_length=40, unique=True)
    titles = models.JSONField(_("titles"), default=dict)

    class Meta:
        ordering = ["code"]
        verbose_name = pgettext_lazy("topic", "subject")
        verbose_name_plural = _("subjects")

    def __str__(self) -> str:
        from django.utils.translation import get_language

        return self.title_in(get_language() or "en")

    def title_in(self, language: str) -> str:
        return self.titles.get(language) or self.titles.get("en") or self.code


class NotificationCounter(models.Model):
    """The last number taken in a year. Locked with SELECT … FOR UPDATE while issuing."""

    year = models.PositiveSmallIntegerField(primary_key=True)
    last_sequence = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("notification counter")

    def __str__(self) -> str:
        return f"{self.year}: {self.last_sequence}"


def default_reminder_days() -> int:
    return settings.NOTIFICATIONS_REMINDER_DAYS


def default_reminder_dates() -> list[str]:
    return ["action_required_by", "deadline"]


class Notification(models.Model):
    """An official notification of the Secretariat (the language-independent record).

    Its text lives in `NotificationText`, one translatable row per language. The number
    `YYYY-NNN` is given only by `services.notification_issue`: gap-free per year, never
    reused (a withdrawn notification keeps its number). Only issued and withdrawn
    notifications are public.
    """

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        APPROVED = "approved", _("Approved")
        ISSUED = "issued", _("Issued")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    reference = models.CharField(
        _("reference"), max_length=80, blank=True, help_text=_("e.g. SCBD/SAM/NR/LC/83832")
    )
    slug = models.SlugField(_("slug"), max_length=80, blank=True)
    categories = models.JSONField(_("recipient categories"), default=list)
    subjects = models.ManyToManyField(
        Subject, verbose_name=_("subjects"), blank=True, related_name="notifications"
    )
    meeting_codes = models.JSONField(_("related meetings"), default=list, blank=True)
    action_required_by = models.DateField(_("action required by"), null=True, blank=True)
    deadline = models.DateField(_("deadline"), null=True, blank=True)
    # Reminders, set per notification: before which of the two dates, how many days
    # before, and to which focal-point categories (empty: all the notification targets).
    reminder_dates = models.JSONField(
        _("remind before"), default=default_reminder_dates, blank=True
    )
    reminder_days_before = models.PositiveSmallIntegerField(
        _("days before"),
        default=default_reminder_days,
        validators=[MinValueValidator(1), MaxValueValidator(90)],
    )
    reminder_categories = models.JSONField(_("remind these categories"), default=list, blank=True)

    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.DRAFT
    )
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True, editable=False)
    sequence = models.PositiveIntegerField(_("sequence"), null=True, blank=True, editable=False)
    number = models.CharField(
        _("number"), max_length=10, unique=True, null=True, blank=True, editable=False
    )
    issue_date = models.DateField(_("issue date"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    approved_at = models.DateTimeField(null=True, blank=True, editable=False)
    approved_by = user_reference(editable=False)
    issued_at = models.DateTimeField(null=True, blank=True, editable=False)
    # Set once its deliveries exist: an issued notification without it lost its dispatch
    # task (a broker restart) and the reconciler dispatches it again.
    dispatched_at = models.DateTimeField(null=True, blank=True, editable=False)
    issued_by = user_reference(editable=False)
    withdrawn_at = models.DateTimeField(null=True, blank=True, editable=False)
    withdrawn_by = user_reference(editable=False)
    withdrawal_reason = models.TextField(_("withdrawal reason"), blank=True)
    # Languages whose recipients were sent the English text with a notice, in their
    # language, that an official translation will follow (chosen by staff when issuing).
    # A language leaves the list when its translation is published.
    english_notice_languages = models.JSONField(
        _("sent in English with a notice"), default=list, blank=True, editable=False
    )

    class Meta:
        ordering = ["-year", "-sequence", "-pk"]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        constraints = [
            models.UniqueConstraint(fields=["year", "sequence"], name="notification_year_seq")
        ]

    def __str__(self) -> str:
        text = self.texts.filter(locale__language_code="en").first() or self.texts.first()
        # Before its text is written, the reference is what tells drafts apart (the text
        # form's notification chooser lists them all).
        title = text.title if text else self.reference
        return f"{self.number or _('(not issued)')} {title}".strip()

    def letter_filename(self, language: str) -> str:
        """`ntf-2014-107-<slug>-<lang>.pdf`, the Secretariat's naming."""
        return f"ntf-{self.number}-{self.slug or 'notification'}-{language}.pdf"

    @property
    def is_public(self) -> bool:
        return self.status in (self.Status.ISSUED, self.Status.WITHDRAWN)

    @property
    def is_deletable(self) -> bool:
        """Only a notification never issued may be deleted: an issued or withdrawn one is
        the record of what was sent to whom, under a number that is never reused."""
        return not self.is_public and not self.number


class NotificationText(TranslatableMixin, DraftStateMixin, RevisionMixin, models.Model):
    """The notification's words in one language; translated by the translation workflow.

    A language counts as published when its row is live. The `notification` link is a
    plain foreign key, which wagtail-localize copies unchanged into every translation.
    """

    notification = models.ForeignKey(
        Notification,
        verbose_name=_("notification"),
        on_delete=models.CASCADE,
        related_name="texts",
    )
    title = models.CharField(_("title"), max_length=500)
    recipients_text = models.CharField(
        _("To"),
        max_length=500,
        blank=True,
        help_text=_("e.g. CBD National Focal Points, SBSTTA Focal Points"),
    )
    body = RichTextField(_("full text"))
    signature = models.TextField(_("signature"), blank=True)

    search_fields = [index.SearchField("title"), index.SearchField("body")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("notification text")
        verbose_name_plural = _("notification texts")

    def __str__(self) -> str:
        return self.title


class NotificationLetter(models.Model):
    """The PDF letter in one language, rendered once and reused for every recipient.

    `source_hash` is the hash of what was rendered: when the text changes the letter is
    rendered again, otherwise the cached file is served and attached as is.
    """

    notification = models.ForeignKey(Notification, on_delete=models.CASCADE, related_name="letters")
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    file = models.FileField(_("file"), upload_to="notifications/letters/", max_length=255)
    source_hash = models.CharField(max_length=64)
    rendered_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("PDF letter")
        verbose_name_plural = _("PDF letters")
        constraints = [
            models.UniqueConstraint(fields=["notification", "language"], name="letter_per_language")
        ]

    def __str__(self) -> str:
        return self.file.name


class NotificationAttachment(models.Model):
    """A further file attached to a notification in one language (annexes, forms)."""

    notification = models.ForeignKey(
        Notification, on_delete=models.CASCADE, related_name="attachments"
    )
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    title = models.CharField(_("title"), max_length=255)
    file = models.FileField(_("file"), upload_to="notifications/attachments/")

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self) -> str:
        return self.title
