"""Per-site rule: machine-translate pages into chosen languages whenever they are published."""

from django import forms
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


class LanguagesField(models.JSONField):
    """A list of language codes, edited as checkboxes."""

    def formfield(self, **kwargs):
        return forms.MultipleChoiceField(
            choices=settings.LANGUAGES,
            widget=forms.CheckboxSelectMultiple,
            required=False,
            label=self.verbose_name,
            help_text=self.help_text,
        )


@register_setting(icon="globe")
class MachineTranslationSettings(BaseSiteSetting):
    translate_on_publish_into = LanguagesField(
        _("machine-translate on publish into"),
        default=list,
        blank=True,
        help_text=_(
            "When a page of this site is published, machine-translate it into these "
            "languages (as drafts for review)."
        ),
    )

    panels = [FieldPanel("translate_on_publish_into")]

    class Meta:
        verbose_name = _("machine translation")
