"""CountryReports and NationalPlans, as InforMEA's harvester reads them.

Only published reports. `updated` is the report's modification time (every publication,
withdrawal, correction or file change moves it), so `$filter=updated gt …` finds what
changed; `submission` is when the Party submitted it, `published` when the Secretariat
published it. Aichi Biodiversity Targets are the thematic tags (`aichi-target-5`).
"""

from django.db.models import F, TextField, Value
from django.db.models.functions import Cast
from django.urls import reverse

from api.odata.entities.base import TREATY, EntitySet, Prop, iso, localized
from reports.models import Report
from reports.selectors import reports_published

COMMON = (
    Prop("id", "Edm.String", "string", nullable=False),
    Prop("treaty", "Edm.String", "string"),
    Prop("country", "Edm.String", "string"),
    Prop("title", "Collection(informea.LocalizableString)"),
    Prop("summary", "Collection(informea.LocalizableString)"),
    Prop("url", "Edm.String"),
    Prop("files", "Collection(informea.File)"),
    Prop("languages", "Collection(Edm.String)"),
    Prop("tags", "Collection(Edm.String)"),
    Prop("documentDate", "Edm.Date"),
    Prop("submission", "Edm.DateTimeOffset", "datetime"),
    Prop("published", "Edm.DateTimeOffset", "datetime"),
    Prop("updated", "Edm.DateTimeOffset", "datetime", nullable=False),
)


class _Reports(EntitySet):
    kind = ""

    def queryset(self):
        return (
            reports_published()
            .filter(kind=self.kind)
            .annotate(
                odata_id=Cast("pk", TextField()),
                odata_treaty=Value(TREATY),
                odata_country=F("party__code"),
                odata_submission=F("submitted_at"),
                odata_published=F("published_at"),
                odata_updated=F("updated_at"),
                **self.extra_annotations(),
            )
        )

    def extra_annotations(self) -> dict:
        return {}

    def common(self, report: Report, request) -> dict:
        return {
            "id": str(report.pk),
            "treaty": TREATY,
            "country": report.party.code,
            "title": localized(report.titles),
            "summary": localized(report.summaries or {}),
            "url": request.build_absolute_uri(reverse("reports:detail", args=[report.pk])),
            "files": [
                {
                    "url": request.build_absolute_uri(reverse("reports:file", args=[item.pk])),
                    "language": item.language,
                    "filename": item.filename,
                }
                for item in report.files.all()
            ],
            "languages": report.languages(),
            "tags": [f"aichi-target-{number}" for number in report.aichi_targets],
            "documentDate": report.document_date.isoformat(),
            "submission": iso(report.submitted_at),
            "published": iso(report.published_at),
            "updated": iso(report.updated_at),
        }


class CountryReports(_Reports):
    """National reports, one per Party and reporting cycle."""

    name = "CountryReports"
    entity_type = "CountryReport"
    kind = Report.Kind.NATIONAL_REPORT
    props = (*COMMON, Prop("reportingCycle", "Edm.Int32", "int"))

    def extra_annotations(self):
        return {"odata_reportingCycle": F("cycle")}

    def serialize(self, rows, request):
        return [{**self.common(r, request), "reportingCycle": r.cycle} for r in rows]


class NationalPlans(_Reports):
    """National biodiversity strategies and action plans."""

    name = "NationalPlans"
    entity_type = "NationalPlan"
    kind = Report.Kind.NBSAP
    props = (
        *COMMON,
        Prop("type", "Edm.String", "string"),
        Prop("periodStart", "Edm.Int32", "int"),
        Prop("periodEnd", "Edm.Int32", "int"),
    )

    def extra_annotations(self):
        return {
            "odata_type": Value("nbsap"),
            "odata_periodStart": F("period_start"),
            "odata_periodEnd": F("period_end"),
        }

    def serialize(self, rows, request):
        return [
            {
                **self.common(r, request),
                "type": "nbsap",
                "periodStart": r.period_start,
                "periodEnd": r.period_end,
            }
            for r in rows
        ]
