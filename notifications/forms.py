"""Forms of the public portal; the services validate again."""

from django import forms
from django.core.validators import URLValidator, validate_email
from django.utils.translation import gettext_lazy as _

from cms.uploads import UploadRefused
from notifications.models import Category, FocalPoint
from notifications.services.focal_points import EDITABLE_FIELDS
from notifications.services.responses import response_file_check

MAX_RESPONSE_FILES = 5


class LinesField(forms.CharField):
    """One value per line, kept as a list."""

    widget = forms.Textarea(attrs={"rows": 2})

    def __init__(self, *, item_validator=None, **kwargs):
        self.item_validator = item_validator
        super().__init__(**kwargs)

    def prepare_value(self, value):
        return "\n".join(value) if isinstance(value, list) else value

    def to_python(self, value):
        return [line.strip() for line in (value or "").splitlines() if line.strip()]

    def validate(self, value):
        if self.required and not value:
            raise forms.ValidationError(self.error_messages["required"], code="required")
        if self.item_validator:
            for item in value:
                self.item_validator(item)


class FocalPointForm(forms.ModelForm):
    categories = forms.MultipleChoiceField(
        label=_("Categories"), choices=Category.choices, widget=forms.CheckboxSelectMultiple
    )
    emails = LinesField(label=_("E-mail addresses (one per line)"), item_validator=validate_email)
    phones = LinesField(label=_("Phone numbers (one per line)"), required=False)
    websites = LinesField(
        label=_("Websites (one per line)"), required=False, item_validator=URLValidator()
    )

    class Meta:
        model = FocalPoint
        # The portal edits exactly what the service lets a Party change.
        fields = list(EDITABLE_FIELDS)
        widgets = {"address": forms.Textarea(attrs={"rows": 3})}


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else ([data] if data else [])
        return [super(MultipleFileField, self).clean(item, initial) for item in files]


class ResponseForm(forms.Form):
    text = forms.CharField(label=_("Response"), widget=forms.Textarea(attrs={"rows": 8}))
    files = MultipleFileField(label=_("Files"), required=False)

    def clean_files(self):
        files = self.cleaned_data.get("files") or []
        if len(files) > MAX_RESPONSE_FILES:
            raise forms.ValidationError(
                _("Attach at most %(count)s files.") % {"count": MAX_RESPONSE_FILES}
            )
        for upload in files:
            try:
                response_file_check(upload)
            except UploadRefused as refusal:
                raise forms.ValidationError(refusal.message) from None
        return files
