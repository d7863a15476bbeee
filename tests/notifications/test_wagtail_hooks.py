"""The focal points listing in the Wagtail admin downloads as a CSV spreadsheets open safely."""

import csv
import io

import pytest
from django.contrib.auth import get_user_model

from tests.notifications.conftest import make_focal_point

pytestmark = pytest.mark.django_db


def test_focal_point_export_quotes_formulas_and_starts_with_a_bom(client):
    client.force_login(get_user_model().objects.create_superuser("exporter", "e@example.org", "x"))
    make_focal_point("SN", last_name="Diallo", organisation='=HYPERLINK("http://evil.example")')
    make_focal_point("CN", last_name="王", organisation="生态环境部")
    response = client.get("/admin/snippets/notifications/focalpoint/?export=csv")
    assert response.status_code == 200
    body = b"".join(response.streaming_content).decode("utf-8")
    assert body.startswith("\ufeff")
    rows = {row["Last name"]: row for row in csv.DictReader(io.StringIO(body.lstrip("\ufeff")))}
    assert (rows["Diallo"]["Party"], rows["王"]["Party"]) == ("SN", "CN")
    assert rows["Diallo"]["Organisation"] == '\'=HYPERLINK("http://evil.example")'
    assert rows["王"]["Organisation"] == "生态环境部"
