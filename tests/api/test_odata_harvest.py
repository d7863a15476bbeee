"""An InforMEA-style harvest through OData: reports are created, changed, published and
withdrawn between runs of docs/examples/harvest_odata.py (urllib routed to Django's test
client); incremental runs by modification date, with small pages, end with exactly the
published set, each entity as published."""

import importlib.util
import io
import urllib.error
from datetime import date
from pathlib import Path

import pytest

from reports import services
from reports.models import Report
from tests.reports.builders import party_user, pdf, report_published, secretariat_user

pytestmark = pytest.mark.django_db

SCRIPT = Path(__file__).resolve().parents[2] / "docs" / "examples" / "harvest_odata.py"


@pytest.fixture
def secretariat(db):
    return secretariat_user()


@pytest.fixture
def france_user(db):
    return party_user("FR")


@pytest.fixture
def example(client, monkeypatch):
    spec = importlib.util.spec_from_file_location("harvest_odata", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    calls = []

    class Answer(io.BytesIO):
        def __init__(self, response):
            super().__init__(response.content)
            self.status = response.status_code
            self.headers = response.headers

    def urlopen(request, timeout=None):
        path = request.full_url.replace("http://testserver", "")
        headers = {f"HTTP_{k.upper().replace('-', '_')}": v for k, v in request.header_items()}
        response = client.get(path, **headers)
        calls.append(path)
        if response.status_code >= 300:
            raise urllib.error.HTTPError(
                request.full_url, response.status_code, "", response.headers, Answer(response)
            )
        return Answer(response)

    monkeypatch.setattr(module.urllib.request, "urlopen", urlopen)
    module.calls = calls
    return module


def published_titles() -> dict[str, dict]:
    return {
        str(report.pk): {item["language"]: item["value"] for item in _titles(report)}
        for report in Report.objects.filter(status="published", kind="national-report")
    }


def _titles(report):
    return [{"language": k, "value": v} for k, v in report.titles.items() if v]


def held(store) -> dict[str, dict]:
    return {key: {t["language"]: t["value"] for t in e["title"]} for key, e in store.items()}


def test_incremental_harvest_ends_with_exactly_the_published_set(example, secretariat):
    france, brazil = party_user("FR"), party_user("BR")
    first = [
        report_published(france, secretariat, titles={"fr": f"Rapport {n}"}, cycle=n)
        for n in (3, 4, 5)
    ]
    report_published(brazil, secretariat, titles={"en": "Sixth national report"})
    waiting = services.report_create(
        user=brazil, party=brazil.profile.party, kind="national-report", cycle=5,
        titles={"es": "Quinto informe"}, document_date=date(2014, 3, 1),
    )  # fmt: skip
    services.report_file_add(user=brazil, report=waiting, language="es", upload=pdf())
    services.report_submit(user=brazil, report=waiting)

    store, state = {}, {}
    assert example.harvest("http://testserver", "CountryReports", store, state, page_size=2) == 4
    assert any("$skiptoken" in call for call in example.calls), "paging was used"
    assert held(store) == published_titles()

    # Between runs: a correction, a publication, a withdrawal, a new draft.
    services.report_update(user=secretariat, report=first[0], titles={"fr": "Rapport 3 (corrigé)"})
    services.report_publish(user=secretariat, report=waiting)
    services.report_withdraw(user=secretariat, report=first[1], reason="Superseded")
    services.report_create(
        user=france, party=france.profile.party, kind="national-report", cycle=7,
        titles={"fr": "Brouillon"}, document_date=date(2026, 1, 1),
    )  # fmt: skip
    example.calls.clear()
    received = example.harvest(
        "http://testserver", "CountryReports", store, state, page_size=2, prune=True
    )
    # Only what changed since the newest update seen (plus that newest one, `ge`).
    assert received <= 4
    assert held(store) == published_titles()
    assert store[str(first[0].pk)]["title"] == [{"language": "fr", "value": "Rapport 3 (corrigé)"}]
    assert str(first[1].pk) not in store

    # A run with nothing new receives only the newest entity again.
    assert example.harvest("http://testserver", "CountryReports", store, state) <= 1
    assert held(store) == published_titles()


def test_country_reports_and_national_plans_shapes(client, france_user, secretariat):
    report = report_published(france_user, secretariat, aichi_targets=[5, 11])
    plan = report_published(
        france_user, secretariat, kind="nbsap", titles={"fr": "Stratégie nationale"},
        period_start=2023, period_end=2030,
    )  # fmt: skip
    reports = client.get("/odata/CountryReports").json()["value"]
    assert [item["id"] for item in reports] == [str(report.pk)]
    item = reports[0]
    assert item["country"] == "FR" and item["treaty"] == "cbd" and item["reportingCycle"] == 6
    assert item["title"] == [
        {"language": "en", "value": "Sixth national report"},
        {"language": "fr", "value": "Sixième rapport national"},
    ]
    assert item["tags"] == ["aichi-target-5", "aichi-target-11"]
    assert item["files"][0]["language"] == "fr" and item["files"][0]["url"].startswith("http")
    assert item["submission"] and item["published"] and item["updated"].endswith("Z")
    plans = client.get("/odata/NationalPlans", {"$filter": "periodEnd ge 2030"}).json()["value"]
    assert [(p["id"], p["type"]) for p in plans] == [(str(plan.pk), "nbsap")]
    assert client.get("/odata/CountryReports", {"$filter": "country eq 'BR'"}).json()["value"] == []
    single = client.get(f"/odata/NationalPlans('{plan.pk}')").json()
    assert single["periodStart"] == 2023
