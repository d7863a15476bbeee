"""Admin forms: JSON list fields edited as checkboxes and one-per-line text."""

from django import forms
from django.core.validators import URLValidator, validate_email
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from notifications.forms import LinesField
from notifications.models import Category


class FocalPointAdminForm(WagtailAdminModelForm):
    categories = forms.MultipleChoiceField(
        label=_("Categories"), choices=Category.choices, widget=forms.CheckboxSelectMultiple
    )
    emails = LinesField(label=_("E-mail addresses (one per line)"), item_validator=validate_email)
    phones = LinesField(label=_("Phone numbers (one per line)"), required=False)
    websites = LinesField(
        label=_("Websites (one per line)"), required=False, item_validator=URLValidator()
    )


class NotificationAdminForm(WagtailAdminModelForm):
    categories = forms.MultipleChoiceField(
        label=_("Recipient categories"),
        choices=Category.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    meeting_codes = LinesField(label=_("Related meetings (one code per line)"), required=False)
    reminder_dates = forms.MultipleChoiceField(
        label=_("Remind before"),
        choices=[("action_required_by", _("Action required by")), ("deadline", _("Deadline"))],
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("None ticked: no reminders."),
    )
    reminder_categories = forms.MultipleChoiceField(
        label=_("Remind these categories"),
        choices=Category.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("None ticked: every category the notification is sent to."),
    )
