"""Admin forms: JSON list fields edited as checkboxes and one-per-line text, human labels,
Parties in the order of their names in the admin's language."""

from django import forms
from django.core.validators import URLValidator, validate_email
from django.utils.text import capfirst
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from cms.selectors import parties_sorted
from notifications.forms import LinesField
from notifications.models import Category, Subject


def category_choices() -> list[tuple[str, str]]:
    """ "CBD National Focal Point (primary) — CBD-FP1": the name, and the code staff know."""
    return [(code, f"{label} — {code}") for code, label in Category.choices]


class FocalPointAdminForm(WagtailAdminModelForm):
    categories = forms.MultipleChoiceField(
        label=_("Categories"), choices=category_choices, widget=forms.CheckboxSelectMultiple
    )
    emails = LinesField(label=_("E-mail addresses (one per line)"), item_validator=validate_email)
    phones = LinesField(label=_("Phone numbers (one per line)"), required=False)
    websites = LinesField(
        label=_("Websites (one per line)"),
        required=False,
        # The public directory links these: web addresses only, as the portal allows.
        item_validator=URLValidator(schemes=["http", "https"]),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        language = get_language() or "en"
        self.fields["party"].choices = [("", "---------")] + [
            (party.pk, party.name_in(language)) for party in parties_sorted(language)
        ]


class NotificationAdminForm(WagtailAdminModelForm):
    categories = forms.MultipleChoiceField(
        label=_("Recipient categories"),
        choices=category_choices,
        widget=forms.CheckboxSelectMultiple,
    )
    subjects = forms.ModelMultipleChoiceField(
        label=capfirst(_("subjects")),
        queryset=Subject.objects.all(),
        required=False,
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
        choices=category_choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("None ticked: every category the notification is sent to."),
    )
