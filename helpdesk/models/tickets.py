"""Tickets, their follow-ups, attachments, audit log and the mails sent about them."""

import secrets

from django.conf import settings
from django.db import models
from django.utils.functional import LazyObject
from django.utils.translation import gettext_lazy as _

from cms.model_fields import party_reference, user_reference
from cms.storage import SafeFileSystemStorage


class PrivateStorage(LazyObject):
    """Files under PRIVATE_MEDIA_ROOT: never below MEDIA_ROOT, never given a public URL."""

    def _setup(self):
        self._wrapped = SafeFileSystemStorage(location=settings.PRIVATE_MEDIA_ROOT, base_url=None)


private_storage = PrivateStorage()


def private_storage_get():
    # A callable keeps the machine's data path out of migrations.
    return private_storage


class Category(models.TextChoices):
    NEW_WEBSITE = "new-website", _("New national CHM website")
    BIOLAND = "bioland", _("Bioland site request")
    HOSTING = "hosting", _("Domain and hosting")
    MIGRATION = "migration", _("Content migration")
    TRANSLATION = "translation", _("Translation")
    TRAINING = "training", _("Training")
    TECHNICAL = "technical", _("Technical problem")
    OTHER = "other", _("Other")


class Queue(models.Model):
    """One queue per category; its lead receives escalations of overdue tickets."""

    category = models.CharField(_("category"), max_length=20, choices=Category.choices, unique=True)
    lead = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("queue lead"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["category"]
        verbose_name = _("queue")
        verbose_name_plural = _("queues")

    def __str__(self) -> str:
        return str(self.get_category_display())


def _public_key() -> str:
    return secrets.token_urlsafe(24)


class Ticket(models.Model):
    """A request for help. `party` is null only for tickets from the anonymous contact form.

    Status moves only along `TRANSITIONS` (services.ticket_status_set enforces it).
    """

    class Status(models.TextChoices):
        NEW = "new", _("New")
        OPEN = "open", _("Open")
        WAITING = "waiting", _("Waiting on Party")
        RESOLVED = "resolved", _("Resolved")
        CLOSED = "closed", _("Closed")

    class Priority(models.TextChoices):
        LOW = "low", _("Low")
        NORMAL = "normal", _("Normal")
        HIGH = "high", _("High")
        URGENT = "urgent", _("Urgent")

    party = party_reference("helpdesk_tickets", optional=True)
    requester = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("requester"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="helpdesk_tickets",
    )
    requester_name = models.CharField(_("requester name"), max_length=200, blank=True)
    requester_email = models.EmailField(_("requester e-mail"))
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    category = models.CharField(_("category"), max_length=20, choices=Category.choices)
    subject = models.CharField(_("subject"), max_length=200)
    description = models.TextField(_("description"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.NEW, db_index=True
    )
    priority = models.CharField(
        _("priority"), max_length=10, choices=Priority.choices, default=Priority.NORMAL
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned to"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="helpdesk_assigned",
    )
    merged_into = models.ForeignKey(
        "self",
        verbose_name=_("merged into"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="merged_tickets",
    )
    public_key = models.CharField(max_length=40, default=_public_key, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    # SLA clocks (see helpdesk/sla.py): the resolution clock runs from `clock_started_at`;
    # time already spent while it ran before is kept in `business_seconds_used`.
    first_response_due = models.DateTimeField(_("first response due"), null=True, blank=True)
    first_responded_at = models.DateTimeField(_("first response"), null=True, blank=True)
    resolution_due = models.DateTimeField(_("resolution due"), null=True, blank=True)
    clock_started_at = models.DateTimeField(null=True, blank=True)
    business_seconds_used = models.PositiveIntegerField(default=0)
    resolved_at = models.DateTimeField(_("resolved"), null=True, blank=True)
    escalated_at = models.DateTimeField(_("escalated"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("ticket")
        verbose_name_plural = _("tickets")
        permissions = [("work_ticket", "Can work helpdesk tickets")]

    def __str__(self) -> str:
        return f"{self.reference} {self.subject}"

    @property
    def reference(self) -> str:
        return f"CHM-{self.pk}"

    @property
    def tag(self) -> str:
        return f"[{self.reference}]"


TRANSITIONS: dict[str, set[str]] = {
    Ticket.Status.NEW: {
        Ticket.Status.OPEN,
        Ticket.Status.WAITING,
        Ticket.Status.RESOLVED,
        Ticket.Status.CLOSED,
    },
    Ticket.Status.OPEN: {Ticket.Status.WAITING, Ticket.Status.RESOLVED, Ticket.Status.CLOSED},
    Ticket.Status.WAITING: {Ticket.Status.OPEN, Ticket.Status.RESOLVED, Ticket.Status.CLOSED},
    Ticket.Status.RESOLVED: {Ticket.Status.OPEN, Ticket.Status.CLOSED},
    # Reopening a closed ticket is allowed; it goes back to open.
    Ticket.Status.CLOSED: {Ticket.Status.OPEN},
}


class FollowUp(models.Model):
    """A message on a ticket. INTERNAL notes are for staff only: no Party view, e-mail,
    export or API ever includes them (selectors.ticket_public_followups is the one door)."""

    class Visibility(models.TextChoices):
        PUBLIC = "public", _("Public reply")
        INTERNAL = "internal", _("Internal note")

    class Source(models.TextChoices):
        WEB = "web", _("Web")
        EMAIL = "email", _("E-mail")
        ADMIN = "admin", _("Admin")

    ticket = models.ForeignKey(Ticket, on_delete=models.CASCADE, related_name="followups")
    author = user_reference()
    author_email = models.EmailField(blank=True)
    by_staff = models.BooleanField(default=False)
    visibility = models.CharField(max_length=10, choices=Visibility.choices)
    source = models.CharField(max_length=10, choices=Source.choices, default=Source.WEB)
    body = models.TextField(_("message"))
    message_id = models.CharField(max_length=255, blank=True, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("follow-up")
        verbose_name_plural = _("follow-ups")

    def __str__(self) -> str:
        return f"{self.ticket.reference} #{self.pk}"

    @property
    def is_public(self) -> bool:
        return self.visibility == self.Visibility.PUBLIC


def attachment_path(instance: "Attachment", filename: str) -> str:
    # The stored name is random: the original name is only metadata, never a path.
    return f"helpdesk/{instance.ticket_id}/{secrets.token_hex(16)}"


class Attachment(models.Model):
    ticket = models.ForeignKey(Ticket, on_delete=models.CASCADE, related_name="attachments")
    followup = models.ForeignKey(
        FollowUp, null=True, blank=True, on_delete=models.CASCADE, related_name="attachments"
    )
    file = models.FileField(storage=private_storage_get, upload_to=attachment_path, max_length=255)
    original_name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    uploaded_by = user_reference()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self) -> str:
        return self.original_name

    @property
    def is_public(self) -> bool:
        return self.followup_id is None or self.followup.is_public


class TicketEvent(models.Model):
    """The audit log: one row per change, written by the service that made it."""

    class Action(models.TextChoices):
        CREATED = "created", _("Created")
        STATUS = "status", _("Status changed")
        PRIORITY = "priority", _("Priority changed")
        CATEGORY = "category", _("Category changed")
        ASSIGNED = "assigned", _("Assignment changed")
        REPLY = "reply", _("Public reply")
        NOTE = "note", _("Internal note")
        ATTACHMENT = "attachment", _("Attachment added")
        MERGED = "merged", _("Merged")
        ESCALATED = "escalated", _("Escalated")
        MAILED = "mailed", _("E-mail sent")

    ticket = models.ForeignKey(Ticket, on_delete=models.CASCADE, related_name="events")
    actor = user_reference()
    action = models.CharField(max_length=20, choices=Action.choices)
    old_value = models.CharField(max_length=255, blank=True)
    new_value = models.CharField(max_length=255, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("ticket event")
        verbose_name_plural = _("ticket events")

    def __str__(self) -> str:
        return f"{self.ticket_id} {self.action}"


class TicketMail(models.Model):
    """One row per e-mail sent about a ticket; `key` makes each send happen once even when
    the queue delivers the task twice."""

    class Kind(models.TextChoices):
        CREATED = "created", _("Ticket created")
        REPLY = "reply", _("Reply")
        RESOLVED = "resolved", _("Resolved")
        ESCALATION = "escalation", _("Escalation")

    key = models.CharField(max_length=100, unique=True)
    ticket = models.ForeignKey(Ticket, on_delete=models.CASCADE, related_name="mails")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    recipient = models.EmailField()
    language = models.CharField(max_length=10)
    sent_at = models.DateTimeField(null=True, blank=True)
    error = models.TextField(blank=True)

    class Meta:
        verbose_name = _("ticket e-mail")
        verbose_name_plural = _("ticket e-mails")

    def __str__(self) -> str:
        return self.key


class CannedReply(models.Model):
    """A ready answer written in the six languages; staff pick it, the requester gets it in
    their language."""

    title = models.CharField(_("title"), max_length=200)
    body_ar = models.TextField(_("text in Arabic"))
    body_en = models.TextField(_("text in English"))
    body_es = models.TextField(_("text in Spanish"))
    body_fr = models.TextField(_("text in French"))
    body_ru = models.TextField(_("text in Russian"))
    body_zh_hans = models.TextField(_("text in Chinese"))

    class Meta:
        ordering = ["title"]
        verbose_name = _("canned reply")
        verbose_name_plural = _("canned replies")

    def __str__(self) -> str:
        return self.title

    def body_in(self, language: str) -> str:
        return getattr(self, "body_" + language.replace("-", "_"), "") or self.body_en


class ContactRequest(models.Model):
    """An anonymous visitor's message, waiting for its sender to confirm the address.
    Only a confirmed request becomes a ticket."""

    token = models.CharField(max_length=64, unique=True)
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail"))
    language = models.CharField(max_length=10, choices=settings.LANGUAGES)
    category = models.CharField(_("category"), max_length=20, choices=Category.choices)
    subject = models.CharField(_("subject"), max_length=200)
    description = models.TextField(_("description"))
    created_at = models.DateTimeField(auto_now_add=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    ticket = models.OneToOneField(
        Ticket, null=True, blank=True, on_delete=models.SET_NULL, related_name="contact_request"
    )

    class Meta:
        verbose_name = _("contact request")
        verbose_name_plural = _("contact requests")

    def __str__(self) -> str:
        return self.email
