"""National CHM tracker: edits with history, link checker, dashboard and exports."""

import csv
import datetime
import io
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.exceptions import ValidationError

from cms.models import Party
from helpdesk import selectors
from helpdesk.errors import HelpdeskError
from helpdesk.models import NationalSite
from helpdesk.services.tracker import national_site_update, national_sites_check_links

pytestmark = pytest.mark.django_db


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802
        code = 200 if self.path.startswith("/ok") else 404
        self.send_response(code)
        self.end_headers()
        self.wfile.write(b"hello")

    def log_message(self, *args):
        pass


@pytest.fixture
def local_site():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_authorized_user_updates_own_party_and_history_is_kept(french_user):
    france = Party.objects.get(code="FR")
    national_site_update(party=france, user=french_user, status="planned")
    national_site_update(
        party=france,
        user=french_user,
        status="operational",
        url="https://chm.fr.example",
        platform="bioland",
        languages=["fr", "en"],
        launch_date=datetime.date(2015, 5, 22),
    )
    site = NationalSite.objects.get(party=france)
    assert site.languages == ["fr", "en"]
    with pytest.raises(ValidationError):  # refused, never silently dropped (issue 16)
        national_site_update(party=france, user=french_user, languages=["fr", "FR", "xx"])
    site.refresh_from_db()
    assert site.languages == ["fr", "en"]
    history = list(selectors.tracker_history(site))
    assert [v.data["status"] for v in history] == ["operational", "planned"]
    assert history[0].changed_by == french_user
    national_site_update(party=france, user=french_user, status="operational")  # no change
    assert site.versions.count() == 2


def test_other_parties_and_focal_points_cannot_edit(kenyan_user, make_user):
    with pytest.raises(HelpdeskError):
        national_site_update(party=Party.objects.get(code="FR"), user=kenyan_user, status="planned")
    focal_point = make_user("FR", role="focal-point")
    with pytest.raises(HelpdeskError):
        national_site_update(party=Party.objects.get(code="FR"), user=focal_point, status="planned")
    assert not NationalSite.objects.filter(party__code="FR").exists()


def test_staff_can_edit_any_party(staff_user):
    national_site_update(
        party=Party.objects.get(code="BR"), user=staff_user, status="in-development"
    )
    assert NationalSite.objects.get(party__code="BR").status == "in-development"


def test_link_checker_records_who_answers(staff_user, local_site):
    national_site_update(
        party=Party.objects.get(code="FR"),
        user=staff_user,
        status="operational",
        url=f"{local_site}/ok",
    )
    national_site_update(
        party=Party.objects.get(code="KE"),
        user=staff_user,
        status="operational",
        url=f"{local_site}/gone",
    )
    national_site_update(
        party=Party.objects.get(code="JP"),
        user=staff_user,
        status="operational",
        url="http://127.0.0.1:9/",
    )
    assert national_sites_check_links() == 3
    sites = {s.party.code: s for s in NationalSite.objects.select_related("party")}
    assert sites["FR"].link_ok is True and sites["FR"].link_status == "200"
    assert sites["KE"].link_ok is False and sites["KE"].link_status == "404"
    assert sites["JP"].link_ok is False and sites["JP"].link_checked_at is not None


def test_every_party_is_counted_and_unknown_ones_are_none(staff_user):
    national_site_update(party=Party.objects.get(code="FR"), user=staff_user, status="operational")
    national_site_update(party=Party.objects.get(code="KE"), user=staff_user, status="planned")
    counts = selectors.tracker_counts_by_status()
    assert sum(counts.values()) == Party.objects.count() == 196
    assert counts["operational"] == 1 and counts["planned"] == 1 and counts["none"] == 194
    by_region = selectors.tracker_counts_by_region()
    assert by_region["weog"]["operational"] == 1 and by_region["africa"]["planned"] == 1


def test_dashboard_shows_counts_chart_and_filtered_table_without_js(client, staff_user):
    national_site_update(
        party=Party.objects.get(code="FR"),
        user=staff_user,
        status="operational",
        url="https://chm.fr.example",
    )
    national_site_update(party=Party.objects.get(code="KE"), user=staff_user, status="planned")
    html = client.get("/fr/helpdesk/tracker/?region=weog&status=operational").content.decode()
    chart = html.split('<ul class="chart-bars">', 1)[1].split("</ul>", 1)[0]
    assert "Groupe des États d&#x27;Afrique" in chart  # region labels are text, in French
    assert chart.count('class="chart-segment"') >= 2 and "Opérationnel 1" in chart
    assert 'data-party="FR"' in html and 'data-party="KE"' not in html
    assert "Opérationnel" in html
    assert "<script" not in html.split("<main", 1)[1]


def test_json_and_csv_exports_follow_the_filters(client, staff_user):
    national_site_update(
        party=Party.objects.get(code="FR"),
        user=staff_user,
        status="operational",
        url="https://chm.fr.example",
        languages=["fr"],
        notes="Internal: focal point unresponsive",
    )
    json_response = client.get("/zh-hans/helpdesk/tracker.json?status=operational")
    data = json.loads(json_response.content)
    assert data["count"] == 1
    (row,) = data["results"]
    assert row["party"] == "FR" and row["party_name"] == "法国" and row["languages"] == ["fr"]
    response = client.get("/en/helpdesk/tracker.csv?region=weog")
    assert response["Content-Disposition"].startswith("attachment")
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert {r["region"] for r in rows} == {"weog"}
    assert "notes" not in rows[0] and "notes" not in row  # the tracker's notes are internal
    for export in (json_response, response):
        assert "focal point unresponsive" not in export.content.decode("utf-8-sig")


def test_tracker_edit_page_is_404_for_other_parties(client, kenyan_user, french_user):
    client.force_login(kenyan_user)
    assert client.get("/en/helpdesk/tracker/FR/edit/").status_code == 404
    client.force_login(french_user)
    response = client.post(
        "/fr/helpdesk/tracker/FR/edit/",
        {
            "status": "needs-update",
            "url": "https://chm.fr.example",
            "platform": "other",
            "languages": ["fr"],
            "notes": "",
        },
    )
    assert response.status_code == 302
    assert NationalSite.objects.get(party__code="FR").status == "needs-update"
