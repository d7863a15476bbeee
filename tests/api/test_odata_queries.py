"""An OData page costs the same number of database queries whatever the number of rows
(no query per row), and contacts' `updated` is a column kept by the models."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from notifications.models import FocalPoint, FocalPointChange
from tests.api.builders import focal_point_active
from tests.reports.builders import party_user, report_published, secretariat_user

pytestmark = pytest.mark.django_db


def queries_for(client, path: str, params: dict) -> tuple[int, dict]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path, params)
    assert response.status_code == 200, response.content[:300]
    return len(captured), response.json()


def contacts(first: int, count: int) -> None:
    for index in range(first, first + count):
        focal_point = focal_point_active(
            "FR" if index % 2 else "MX", last_name=f"Martin{index}", categories=["CBD-FP1"]
        )
        FocalPointChange.objects.create(focal_point=focal_point, action="edit")


PARAMS = {"$count": "true", "$orderby": "updated desc,lastName", "$filter": "country ne 'ZZ'"}


def test_contacts_page_queries_do_not_grow_with_the_rows(client):
    contacts(0, 3)
    few, body = queries_for(client, "/odata/Contacts", PARAMS)
    assert body["@odata.count"] == 3
    contacts(3, 60)
    many, body = queries_for(client, "/odata/Contacts", PARAMS)
    assert body["@odata.count"] == len(body["value"]) == 63
    assert many == few


@pytest.mark.parametrize(
    ("entity_set", "kind"), [("CountryReports", "national-report"), ("NationalPlans", "nbsap")]
)
def test_report_page_queries_do_not_grow_with_the_rows(client, entity_set, kind):
    author, secretariat = party_user("FR"), secretariat_user()

    def publish(count: int) -> None:
        for index in range(count):
            report_published(
                author, secretariat, kind=kind, titles={"en": f"Report {index}", "fr": "Rapport"}
            )

    publish(2)
    few, body = queries_for(client, f"/odata/{entity_set}", {"$count": "true"})
    assert body["@odata.count"] == 2
    publish(12)
    many, body = queries_for(client, f"/odata/{entity_set}", {"$count": "true"})
    assert body["@odata.count"] == len(body["value"]) == 14
    assert many == few


def test_a_recorded_change_moves_updated_forward_never_back(client):
    activated = timezone.now() - timedelta(days=30)
    focal_point = focal_point_active("FR", activated_at=activated)
    assert focal_point.updated_at == activated
    FocalPointChange.objects.create(focal_point=focal_point, action="edit")
    change = focal_point.changes.get()
    focal_point.refresh_from_db()
    assert focal_point.updated_at == change.at
    # Saving with an older activation (as a correction might) does not move it back.
    focal_point.activated_at = activated - timedelta(days=1)
    focal_point.save()
    focal_point.refresh_from_db()
    assert focal_point.updated_at == change.at
    # What a harvester sees.
    entry = client.get("/odata/Contacts").json()["value"][0]
    assert entry["updated"].startswith(change.at.strftime("%Y-%m-%dT%H:%M:%S"))
    assert FocalPoint.objects.filter(updated_at__gt=activated).count() == 1
