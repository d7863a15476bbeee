"""The OData v4 service for InforMEA."""

import xml.etree.ElementTree as ET
from datetime import date, timedelta

import pytest
from django.utils import timezone
from wagtail.models import Locale

from cms.models import DocumentIndexPage, OfficialDocumentPage

pytestmark = pytest.mark.django_db

EDM = "{http://docs.oasis-open.org/odata/ns/edm}"


@pytest.fixture
def decision(demo_site):
    """COP decision XII/2 in English and French."""
    index = DocumentIndexPage.objects.get(locale__language_code="en")
    page = OfficialDocumentPage(
        title="Decision XII/2: Technical and scientific cooperation",
        slug="cop-dec-xii-2",
        symbol="UNEP/CBD/COP/DEC/XII/2",
        meeting="COP-12",
        document_date=date(2014, 10, 17),
        intro="The Conference of the Parties welcomes the progress report.",
    )
    index.add_child(instance=page)
    page.save_revision().publish()
    french = page.copy_for_translation(Locale.objects.get(language_code="fr"))
    french.title = "Décision XII/2 : Coopération technique et scientifique"
    french.save_revision().publish()
    page.refresh_from_db()
    return page


def test_service_document_and_metadata(client):
    service = client.get("/odata/")
    assert service.status_code == 200
    assert service["OData-Version"] == "4.0"
    names = {item["name"] for item in service.json()["value"]}
    assert {"Meetings", "Decisions"} <= names
    metadata = client.get("/odata/$metadata")
    assert metadata["Content-Type"].startswith("application/xml")
    root = ET.fromstring(metadata.content)  # noqa: S314 (our own output)
    sets = {node.get("Name") for node in root.iter(f"{EDM}EntitySet")}
    assert {"Meetings", "Decisions"} <= sets
    meeting = next(n for n in root.iter(f"{EDM}EntityType") if n.get("Name") == "Meeting")
    props = {p.get("Name"): p.get("Type") for p in meeting.iter(f"{EDM}Property")}
    assert props["updated"] == "Edm.DateTimeOffset"
    assert props["title"] == "Collection(informea.LocalizableString)"


def test_meetings_from_document_meeting_codes_with_titles_in_six_languages(client, decision):
    data = client.get("/odata/Meetings", {"$format": "json"}).json()
    cop12 = next(item for item in data["value"] if item["id"] == "COP-12")
    assert cop12["documents"] == 2  # the progress report and the decision
    languages = [title["language"] for title in cop12["title"]]
    assert languages == ["ar", "en", "es", "fr", "ru", "zh-hans"]
    english = next(t["value"] for t in cop12["title"] if t["language"] == "en")
    assert english == "Conference of the Parties, meeting 12"
    french = next(t["value"] for t in cop12["title"] if t["language"] == "fr")
    assert french.startswith("Conférence des Parties")


def test_decisions_only_decision_symbols_with_translated_titles(client, decision):
    data = client.get("/odata/Decisions").json()
    assert [item["symbol"] for item in data["value"]] == ["UNEP/CBD/COP/DEC/XII/2"]
    item = data["value"][0]
    assert item["number"] == "XII/2" and item["meetingId"] == "COP-12"
    assert {t["language"]: t["value"] for t in item["title"]} == {
        "en": "Decision XII/2: Technical and scientific cooperation",
        "fr": "Décision XII/2 : Coopération technique et scientifique",
    }
    assert item["published"] == "2014-10-17T00:00:00Z"
    single = client.get(f"/odata/Decisions('{item['id']}')")
    assert single.json()["symbol"] == item["symbol"]
    assert client.get("/odata/Decisions('nope')").status_code == 404


@pytest.mark.parametrize(
    "template",
    [
        "updated ge {t}",
        "updated gt datetime'{t}'",
        "(updated ge {t}) and id eq 'COP-12'",
    ],
)
def test_filter_on_updated_for_incremental_harvesting(client, decision, template):
    before = (decision.last_published_at - timedelta(seconds=1)).isoformat()
    found = client.get("/odata/Meetings", {"$filter": template.format(t=before)}).json()
    assert [item["id"] for item in found["value"]] == ["COP-12"]
    later = (timezone.now() + timedelta(days=1)).strftime("%Y-%m-%dT%H:%M:%SZ")
    none = client.get("/odata/Meetings", {"$filter": template.format(t=later)}).json()
    assert none["value"] == []


def test_lt_le_eq_and_ordering_top_skip_count(client, decision):
    later = (timezone.now() + timedelta(days=1)).strftime("%Y-%m-%dT%H:%M:%SZ")
    assert client.get("/odata/Meetings", {"$filter": f"updated lt {later}"}).json()["value"]
    assert client.get("/odata/Meetings", {"$filter": f"updated le {later}"}).json()["value"]
    assert client.get("/odata/Meetings", {"$filter": f"updated eq {later}"}).json()["value"] == []
    index = DocumentIndexPage.objects.get(locale__language_code="en")
    for number in (13, 14):
        page = OfficialDocumentPage(
            title=f"Report {number}",
            slug=f"report-{number}",
            symbol=f"CBD/COP/{number}/1",
            meeting=f"COP-{number}",
            document_date=date(2016, 1, 1),
        )
        index.add_child(instance=page)
        page.save_revision().publish()
    ordered = client.get("/odata/Meetings", {"$orderby": "id desc", "$count": "true"}).json()
    assert [item["id"] for item in ordered["value"]] == ["COP-14", "COP-13", "COP-12"]
    assert ordered["@odata.count"] == 3
    paged = client.get(
        "/odata/Meetings", {"$orderby": "updated asc", "$top": "1", "$skip": "1", "$count": "true"}
    ).json()
    assert [item["id"] for item in paged["value"]] == ["COP-13"]
    assert paged["@odata.count"] == 3
    assert client.get("/odata/Meetings/$count").content == b"3"


@pytest.mark.parametrize(
    "params",
    [
        {"$filter": "updated ge yesterday"},
        {"$filter": "updated ge 2024-13-45T00:00:00Z"},
        {"$filter": "title eq 'x'"},
        {"$filter": "updated between 1 and 2"},
        {"$filter": "id eq unquoted"},
        {"$filter": "updated ge 0001-01-01T00:00:00+05:00"},
        {"$orderby": "nothing"},
        {"$orderby": "id sideways"},
        {"$top": "-1"},
        {"$top": "1000000000000"},
        {"$skiptoken": "x"},
        {"$select": "id,nothing"},
        {"$filter": "updated eq 'yesterday'"},
        {"$filter": "documents gt 'many'"},
        {"$filter": "contains(updated,'2024')"},
        {"$filter": "id in ()"},
        {"$filter": "id gt null"},
        {"$filter": "documents add 1 eq 2"},
        {"$filter": "id eq 'COP-12' and"},
        {"$filter": "unknownfunction(id) eq 'x'"},
        {"$filter": "documents"},
        {"$filter": "id eq '" + "x" * 2100 + "'"},
        {"$skip": "x"},
        {"$count": "yes"},
        {"$expand": "title"},
        {"$filter": "id eq '\x00'"},
    ],
)
def test_bad_query_options_are_odata_400s(client, decision, params):
    response = client.get("/odata/Meetings", params)
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "invalid_query"
    assert error["target"] in params


def test_unknown_entity_set_is_404_json_not_a_redirect(client):
    response = client.get("/odata/Treaties")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


def test_conditional_get_and_rate_limit(client, decision, api_limits):
    first = client.get("/odata/Meetings")
    again = client.get("/odata/Meetings", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    api_limits.API_RATE_LIMIT_IP = 1
    from django.core.cache import cache

    cache.clear()
    assert client.get("/odata/Meetings").status_code == 200
    limited = client.get("/odata/Meetings")
    assert limited.status_code == 429 and int(limited["Retry-After"]) >= 1


@pytest.mark.parametrize(
    ("params", "headers"),
    [
        ({"$format": "xml"}, {}),
        ({"$format": "atom"}, {}),
        ({"$format": "application/json;odata.metadata=full"}, {}),
        ({}, {"HTTP_ACCEPT": "application/xml"}),
        ({}, {"HTTP_ACCEPT": "application/atom+xml, text/html"}),
        ({}, {"HTTP_ACCEPT": "application/json;q=0"}),
        ({}, {"HTTP_ODATA_MAXVERSION": "3.0"}),
    ],
)
def test_formats_and_versions_not_served_are_406_in_odata_json(client, decision, params, headers):
    response = client.get("/odata/Meetings", params, **headers)
    assert response.status_code == 406
    assert response["OData-Version"] == "4.0"
    assert response.json()["error"]["code"] == "not_acceptable"


def test_metadata_is_xml_only_and_json_clients_are_told(client):
    assert client.get("/odata/$metadata", HTTP_ACCEPT="application/xml").status_code == 200
    assert client.get("/odata/$metadata", HTTP_ACCEPT="application/json").status_code == 406
    browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
    assert client.get("/odata/Meetings", HTTP_ACCEPT=browser).status_code == 200
    assert client.get("/odata/Meetings", HTTP_ODATA_MAXVERSION="4.01").status_code == 200


def test_server_driven_paging_with_prefer_and_next_link(client, decision):
    index = DocumentIndexPage.objects.get(locale__language_code="en")
    for number in range(13, 18):
        page = OfficialDocumentPage(
            title=f"Report {number}",
            slug=f"report-{number}",
            symbol=f"CBD/COP/{number}/1",
            meeting=f"COP-{number}",
            document_date=date(2016, 1, 1),
        )
        index.add_child(instance=page)
        page.save_revision().publish()
    seen, url, params = [], "/odata/Meetings", {"$count": "true", "$orderby": "id desc"}
    while url:
        response = client.get(url, params, HTTP_PREFER="odata.maxpagesize=2")
        assert response["Preference-Applied"] == "odata.maxpagesize=2"
        body = response.json()
        assert body["@odata.count"] == 6 and len(body["value"]) <= 2
        seen += [item["id"] for item in body["value"]]
        url, params = body.get("@odata.nextLink"), None
    assert seen == [f"COP-{n}" for n in range(17, 11, -1)]
    assert client.get("/odata/Meetings/$count", {"$filter": "id ge 'COP-15'"}).content == b"3"
    selected = client.get("/odata/Meetings", {"$select": "id,documents", "$top": "1"}).json()
    assert selected["value"] == [{"id": "COP-12", "documents": 2}]
    assert selected["@odata.context"].endswith("$metadata#Meetings(id,documents)")
