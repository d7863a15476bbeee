"""The demo reports: several Parties and languages, every state, loaded once."""

import pytest

from reports.demo import REPORTS, reports_demo_load
from reports.models import Report

pytestmark = pytest.mark.django_db


def test_demo_reports_in_several_languages_and_states_idempotent(client):
    assert reports_demo_load() == f"{len(REPORTS)} demo national reports and NBSAPs created."
    assert reports_demo_load() == "0 demo national reports and NBSAPs created."
    statuses = set(Report.objects.values_list("status", flat=True))
    assert statuses == {"draft", "submitted", "published"}
    languages = {report.original_language for report in Report.objects.all()}
    assert {"ar", "zh-hans", "fr", "es", "ru", "en"} <= languages
    harvested = client.get("/odata/CountryReports", {"$filter": "country in ('EG','CN')"}).json()
    assert {item["country"] for item in harvested["value"]} == {"EG", "CN"}
    item = Report.objects.get(party__code="EG").files.get()
    assert b"".join(client.get(f"/ar/reports/files/{item.pk}/").streaming_content)[:4] == b"%PDF"
