"""Admin forms of the translation workflow."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _


def language_choices(exclude: str | None = None) -> list[tuple[str, str]]:
    return [(code, name) for code, name in settings.WAGTAIL_CONTENT_LANGUAGES if code != exclude]


class RequestForm(forms.Form):
    languages = forms.MultipleChoiceField(
        label=_("Translate into"), widget=forms.CheckboxSelectMultiple, choices=()
    )
    include_subpages = forms.BooleanField(label=_("Include its subpages"), required=False)

    def __init__(self, *args, source_language: str, with_subpages: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        choices = language_choices(exclude=source_language)
        self.fields["languages"].choices = choices
        self.fields["languages"].initial = [code for code, _name in choices]
        if not with_subpages:
            del self.fields["include_subpages"]


class BulkRequestForm(forms.Form):
    """The page listing's bulk action: languages and whether subpages come too."""

    languages = forms.MultipleChoiceField(
        label=_("Translate into"), widget=forms.CheckboxSelectMultiple, choices=()
    )
    include_subpages = forms.BooleanField(label=_("Include their subpages"), required=False)

    def __init__(self, *args, source_languages=(), **kwargs):
        """`source_languages`: the selected pages' languages. When they share one, it is
        not offered (nobody translates English pages into English); every other language
        is ticked, as on a single page's request."""
        super().__init__(*args, **kwargs)
        shared = set(source_languages)
        choices = [(code, name) for code, name in language_choices() if {code} != shared]
        self.fields["languages"].choices = choices
        self.fields["languages"].initial = [code for code, _name in choices]


class ImportFileForm(forms.Form):
    file = forms.FileField(label=_("File"))


class MemoryImportForm(ImportFileForm):
    source_language = forms.ChoiceField(label=_("Source language"), choices=())
    target_language = forms.ChoiceField(label=_("Target language"), choices=())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["source_language"].choices = language_choices()
        self.fields["target_language"].choices = language_choices()
