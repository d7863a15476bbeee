"""The translation memory: pairs of normalized source text and translation."""

import hashlib

from django.db import models
from django.utils.translation import gettext_lazy as _

from cms.model_fields import user_reference


def source_hash(normalized: str) -> str:
    return hashlib.sha256(normalized.encode("utf-8")).hexdigest()


# Fields whose text is a title: a title's translation is suggested for titles only.
TITLE_FIELDS = {"title", "seo_title", "draft_title"}


def field_kind(path: str) -> str:
    """The kind of field a segment comes from (its context path): ``title`` or ``text``."""
    return "title" if path.split(".", 1)[0] in TITLE_FIELDS else "text"


class MemoryEntry(models.Model):
    """One remembered translation. Human entries win over machine ones for the same source.

    Not in Wagtail's search or reference index: a job writes an entry per segment, and each
    indexed save queued two tasks per entry (ten thousand for a section). The admin's memory
    screen searches the table itself (translation.wagtail_hooks.MemoryViewSet).
    """

    wagtail_reference_index_ignore = True

    class Origin(models.TextChoices):
        HUMAN = "human", _("Person")
        MACHINE = "machine", _("Machine")

    class Kind(models.TextChoices):
        TITLE = "title", _("Title")
        TEXT = "text", _("Text")

    source_language = models.CharField(_("source language"), max_length=10)
    target_language = models.CharField(_("target language"), max_length=10)
    source_text = models.TextField(_("source text"))
    normalized_hash = models.CharField(max_length=64, editable=False, db_index=True)
    target_text = models.TextField(_("translation"))
    origin = models.CharField(
        _("origin"), max_length=10, choices=Origin.choices, default=Origin.HUMAN
    )
    created_by = user_reference(_("by"))
    kind = models.CharField(
        _("kind of field"), max_length=10, choices=Kind.choices, default=Kind.TEXT
    )
    updated_at = models.DateTimeField(_("when"), auto_now=True)
    use_count = models.PositiveIntegerField(_("uses"), default=0)

    class Meta:
        verbose_name = _("translation memory entry")
        verbose_name_plural = _("translation memory")
        ordering = ["source_language", "target_language", "source_text"]
        constraints = [
            models.UniqueConstraint(
                fields=["source_language", "target_language", "normalized_hash", "origin", "kind"],
                name="translation_memory_unique_pair",
            )
        ]

    def __str__(self) -> str:
        return f"{self.source_language}→{self.target_language}: {self.source_text[:60]}"

    def save(self, *args, **kwargs):
        from translation.engine.translator import memory_key

        self.normalized_hash = source_hash(memory_key(self.source_text))
        super().save(*args, **kwargs)
