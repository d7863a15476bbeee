"""The public list and page of national reports, in the reader's language; drafts and
their files stay private."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from reports import services
from tests.reports.builders import party_user, pdf, report_published

pytestmark = pytest.mark.django_db


def test_list_search_and_page_in_six_languages(client, france_user, secretariat):
    report = report_published(
        france_user,
        secretariat,
        titles={"fr": "Sixième rapport national de la France", "en": "Sixth national report"},
        summaries={"fr": "Progrès vers les objectifs d'Aichi"},
        aichi_targets=[5, 11],
    )
    for language in ("ar", "zh-hans", "en", "fr", "ru", "es"):
        listing = client.get(f"/{language}/reports/")
        assert listing.status_code == 200
        assert report.title_in(language) in listing.content.decode()

    def listed(**params) -> bool:
        page = client.get("/fr/reports/", params).content.decode()
        return f'href="/fr/reports/{report.pk}/"' in page

    assert listed(q="SIXIÈME") and listed(q="objectifs aichi") and listed(q="France")
    assert not listed(q="Brasil")
    assert listed(target="11") and not listed(target="1")
    assert listed(party="FR", cycle="6") and not listed(kind="nbsap")
    assert (
        client.get("/en/reports/", {"cycle": "²", "target": "x", "page": "-1"}).status_code == 200
    )
    # Russian readers see the French original, marked as such.
    russian = client.get(f"/ru/reports/{report.pk}/").content.decode()
    assert 'lang="fr"' in russian and "Sixième rapport national de la France" in russian
    item = report.files.get()
    download = client.get(f"/en/reports/files/{item.pk}/")
    assert download.status_code == 200 and b"".join(download.streaming_content).startswith(b"%PDF")
    assert download["Content-Type"] == "application/pdf"


def test_an_uploaded_page_is_only_ever_a_download(client, france_user, secretariat):
    report = report_published(france_user, secretariat)
    page = SimpleUploadedFile("annex.html", b"<script>alert(1)</script>")
    item = services.report_file_add(user=secretariat, report=report, language="en", upload=page)
    response = client.get(f"/en/reports/files/{item.pk}/")
    assert response["Content-Type"] == "application/octet-stream"
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"


def test_drafts_and_their_files_are_private(client, france_user, secretariat):
    report = services.report_create(
        user=france_user,
        party=france_user.profile.party,
        kind="nbsap",
        titles={"fr": "Stratégie en préparation"},
        document_date="2024-01-01",
    )
    item = services.report_file_add(user=france_user, report=report, language="fr", upload=pdf())
    assert "Stratégie en préparation" not in client.get("/fr/reports/").content.decode()
    assert client.get(f"/fr/reports/{report.pk}/").status_code == 404
    assert client.get(f"/fr/reports/files/{item.pk}/").status_code == 404
    client.force_login(party_user("BR"))
    assert client.get(f"/fr/reports/files/{item.pk}/").status_code == 404
    client.force_login(france_user)
    assert client.get(f"/fr/reports/{report.pk}/").status_code == 200
    assert client.get(f"/fr/reports/files/{item.pk}/")["Cache-Control"] == "private, no-store"
    client.force_login(secretariat)
    assert client.get(f"/fr/reports/{report.pk}/").status_code == 200
