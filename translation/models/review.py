"""Per-segment review state on top of wagtail-localize's ``StringTranslation``."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail_localize.models import StringTranslation

from cms.model_fields import user_reference

# One review permission per content language; "Reviewers — Arabic" holds review_ar.
REVIEW_LANGUAGES = {
    "ar": _("Arabic"),
    "en": _("English"),
    "es": _("Spanish"),
    "fr": _("French"),
    "ru": _("Russian"),
    "zh-hans": _("Chinese"),
}


def review_permission_codename(language_code: str) -> str:
    return "review_" + language_code.replace("-", "_")


class SegmentReview(models.Model):
    """Who made a segment's translation and whether a person has checked it.

    ``machine``: machine output nobody has reviewed; ``reviewed``: approved or written by a
    person; ``stale``: the source text changed since this translation was made.
    Human translations (``origin`` human or import-final) are never overwritten by a job.
    """

    class State(models.TextChoices):
        MACHINE = "machine", _("Unreviewed")
        REVIEWED = "reviewed", _("Reviewed")
        STALE = "stale", _("Stale")

    class Origin(models.TextChoices):
        MACHINE = "machine", _("Machine")
        MEMORY = "memory", _("Translation memory")
        HUMAN = "human", _("Person")
        IMPORT = "import", _("Imported file")

    translation = models.OneToOneField(
        StringTranslation, on_delete=models.CASCADE, related_name="chm_review"
    )
    state = models.CharField(
        _("state"), max_length=10, choices=State.choices, default=State.MACHINE, db_index=True
    )
    origin = models.CharField(
        _("origin"), max_length=10, choices=Origin.choices, default=Origin.MACHINE
    )
    job = models.ForeignKey(
        "translation.TranslationJob", on_delete=models.SET_NULL, null=True, blank=True
    )
    flags = models.CharField(_("engine flags"), max_length=200, blank=True)
    reviewed_by = user_reference(_("reviewed by"))
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("segment review")
        verbose_name_plural = _("segment reviews")
        permissions = [
            *[
                (review_permission_codename(code), _("Can review translations into %s") % code)
                for code in REVIEW_LANGUAGES
            ],
            ("edit_translation", _("Can edit translations")),
            ("publish_unreviewed", _("Can publish translations before review")),
        ]

    def __str__(self) -> str:
        return f"{self.translation_id}: {self.state}"

    @property
    def is_human(self) -> bool:
        return self.origin in (self.Origin.HUMAN, self.Origin.IMPORT) and (
            self.state == self.State.REVIEWED
        )
