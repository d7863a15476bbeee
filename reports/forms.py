"""The Party's forms on the public site: a report's description (titles and summaries in
each of the six languages) and a file in one language. Both hand their values to
`reports.services`, the same functions the API calls."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from cms.languages import language_direction, language_name
from reports.models import AICHI_TARGETS, Report

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]
# Native names: a Party picks the language its text is written in, whatever the page's.
NATIVE_LANGUAGES = [(code, language_name(code)) for code in LANGUAGE_CODES]


def _in_language(code: str, widget: type[forms.Widget], **attrs) -> forms.Widget:
    """Each language's text field is marked with its language and direction, so Arabic
    is typed right to left on a French page and English left to right on an Arabic one."""
    return widget(attrs={"lang": code, "dir": language_direction(code), **attrs})


class ReportForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=Report.Kind.choices)
    cycle = forms.TypedChoiceField(
        label=_("Reporting cycle"),
        choices=[("", "—"), *Report.Cycle.choices],
        coerce=int,
        empty_value=None,
        required=False,
        help_text=_("National reports only."),
    )
    document_date = forms.DateField(
        label=_("Date of the document"), widget=forms.DateInput(attrs={"type": "date"})
    )
    original_language = forms.ChoiceField(
        label=_("Language the report is written in"), choices=NATIVE_LANGUAGES, initial="en"
    )
    period_start = forms.IntegerField(
        label=_("period from (year)"), min_value=1900, max_value=2100, required=False
    )
    period_end = forms.IntegerField(
        label=_("period to (year)"), min_value=1900, max_value=2100, required=False
    )
    aichi_targets = forms.TypedMultipleChoiceField(
        label=_("Aichi Biodiversity Targets"),
        choices=[(number, str(number)) for number in AICHI_TARGETS],
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for code, name in NATIVE_LANGUAGES:
            self.fields[f"title_{code}"] = forms.CharField(
                label=_("Title in %(language)s") % {"language": name},
                max_length=1000,
                required=False,
                widget=_in_language(code, forms.TextInput),
            )
            self.fields[f"summary_{code}"] = forms.CharField(
                label=_("Summary in %(language)s") % {"language": name},
                max_length=20000,
                required=False,
                widget=_in_language(code, forms.Textarea, rows=3),
            )

    def general_fields(self) -> list[forms.BoundField]:
        names = ("kind", "cycle", "document_date", "original_language", "period_start")
        return [self[name] for name in (*names, "period_end")]

    def language_fields(self) -> list[tuple[str, forms.BoundField, forms.BoundField]]:
        """(code, title, summary) per language, for the template."""
        return [(code, self[f"title_{code}"], self[f"summary_{code}"]) for code in LANGUAGE_CODES]

    def clean(self):
        cleaned = super().clean()
        if not any((cleaned.get(f"title_{code}") or "").strip() for code in LANGUAGE_CODES):
            self.add_error(
                f"title_{LANGUAGE_CODES[0]}", _("Give a title in at least one language.")
            )
        if cleaned.get("kind") == Report.Kind.NBSAP:
            cleaned["cycle"] = None
        return cleaned

    def service_values(self) -> dict:
        """The keyword arguments of `report_create` / `report_update`."""
        data = self.cleaned_data
        return {
            "kind": data["kind"],
            "cycle": data["cycle"],
            "document_date": data["document_date"],
            "original_language": data["original_language"],
            "period_start": data["period_start"],
            "period_end": data["period_end"],
            "aichi_targets": data["aichi_targets"],
            "titles": {code: data[f"title_{code}"] for code in LANGUAGE_CODES},
            "summaries": {code: data[f"summary_{code}"] for code in LANGUAGE_CODES},
        }

    @classmethod
    def initial_for(cls, report: Report) -> dict:
        initial = {
            "kind": report.kind,
            "cycle": report.cycle,
            "document_date": report.document_date,
            "original_language": report.original_language,
            "period_start": report.period_start,
            "period_end": report.period_end,
            "aichi_targets": report.aichi_targets,
        }
        for code in LANGUAGE_CODES:
            initial[f"title_{code}"] = report.titles.get(code, "")
            initial[f"summary_{code}"] = (report.summaries or {}).get(code, "")
        return initial


class ReportFileForm(forms.Form):
    language = forms.ChoiceField(label=_("Language of the file"), choices=NATIVE_LANGUAGES)
    file = forms.FileField(label=_("File"))
