"""A form field for choosing a Party: names in the reader's language, sorted as that
language sorts them. Wagtail's admin uses it for every foreign key to Party
(registered in `cms.wagtail_hooks`); other forms can use it directly."""

from django import forms
from django.utils.translation import get_language

from cms.selectors import FALLBACK_LANGUAGE, parties_sorted


class PartyChoiceIterator(forms.models.ModelChoiceIterator):
    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        language = get_language() or FALLBACK_LANGUAGE
        for party in parties_sorted(language, self.queryset):
            yield self.choice(party)


class PartyChoiceField(forms.ModelChoiceField):
    iterator = PartyChoiceIterator
