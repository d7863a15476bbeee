"""The Party's pages on the public site: a national authorized user drafts a report,
attaches files per language and submits it (the same services as the API); nobody else
reaches them."""

import pytest
from wagtail.models import ModelLogEntry

from reports.models import Report
from tests.reports.builders import party_user, pdf

pytestmark = pytest.mark.django_db

LANGUAGES = ("ar", "en", "es", "fr", "ru", "zh-hans")


def draft_values(**extra) -> dict:
    values = {
        "kind": "nbsap",
        "cycle": "",
        "document_date": "2024-05-02",
        "original_language": "ar",
        "title_ar": "الاستراتيجية الوطنية للتنوع البيولوجي",
        "title_fr": "Stratégie nationale pour la biodiversité",
        "summary_ar": "خطة العمل حتى عام 2030",
        "aichi_targets": ["11", "5"],
        "period_start": "2024",
        "period_end": "2030",
    }
    values.update(extra)
    return values


def test_draft_file_and_submit_through_the_site(client, france_user):
    client.force_login(france_user)
    response = client.post("/fr/reports/mine/new/", draft_values())
    report = Report.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/fr/reports/mine/{report.pk}/"
    assert report.party.code == "FR" and report.status == Report.Status.DRAFT
    assert report.titles == {
        "ar": "الاستراتيجية الوطنية للتنوع البيولوجي",
        "fr": "Stratégie nationale pour la biodiversité",
    }
    assert report.aichi_targets == [5, 11] and report.cycle is None
    assert ModelLogEntry.objects.filter(object_id=str(report.pk), action="wagtail.create").exists()
    # Nothing public yet.
    client.logout()
    assert client.get(f"/fr/reports/{report.pk}/").status_code == 404
    client.force_login(france_user)

    # A file per language, then submission.
    page = client.get(f"/fr/reports/mine/{report.pk}/").content.decode()
    assert "Stratégie nationale pour la biodiversité" in page
    for language in ("ar", "fr"):
        response = client.post(
            f"/fr/reports/mine/{report.pk}/files/",
            {"language": language, "file": pdf(f"nbsap-{language}.pdf")},
        )
        assert response.status_code == 302
    assert sorted(report.files.values_list("language", flat=True)) == ["ar", "fr"]
    response = client.post(f"/fr/reports/mine/{report.pk}/submit/", follow=True)
    report.refresh_from_db()
    assert report.status == Report.Status.SUBMITTED and report.submitted_by == france_user
    assert "Soumis au Secrétariat" in response.content.decode()

    # Submitted: the form is gone and a change is refused, nothing changed.
    page = client.get(f"/fr/reports/mine/{report.pk}/").content.decode()
    assert 'name="title_fr"' not in page
    client.post(f"/fr/reports/mine/{report.pk}/", draft_values(title_fr="Autre titre"))
    client.post(f"/fr/reports/mine/{report.pk}/files/", {"language": "en", "file": pdf()})
    report.refresh_from_db()
    assert report.titles["fr"] == "Stratégie nationale pour la biodiversité"
    assert report.files.count() == 2


def test_bad_input_is_explained_in_the_users_language_and_changes_nothing(client, france_user):
    client.force_login(france_user)
    no_title = {key: value for key, value in draft_values().items() if "title" not in key}
    response = client.post("/fr/reports/mine/new/", no_title)
    assert response.status_code == 200
    assert "Indiquez un titre dans au moins une langue." in response.content.decode()
    response = client.post("/es/reports/mine/new/", draft_values(kind="national-report"))
    assert "Un informe nacional pertenece a un ciclo" in response.content.decode()
    response = client.post("/fr/reports/mine/new/", draft_values(period_end="2020"))
    assert response.status_code == 200
    assert not Report.objects.exists()

    client.post("/fr/reports/mine/new/", draft_values())
    report = Report.objects.get()
    response = client.post(f"/fr/reports/mine/{report.pk}/submit/", follow=True)
    assert "Joignez le fichier du rapport avant de le soumettre." in response.content.decode()
    response = client.post(f"/fr/reports/mine/{report.pk}/files/", {"language": "xx"})
    assert response.status_code == 400
    report.refresh_from_db()
    assert report.status == Report.Status.DRAFT and not report.files.exists()


def test_only_the_partys_national_authorized_users(client, france_user):
    client.force_login(france_user)
    client.post("/fr/reports/mine/new/", draft_values())
    report = Report.objects.get()
    item_url = f"/en/reports/mine/{report.pk}/"
    client.logout()
    response = client.get("/en/reports/mine/")
    assert response.status_code == 302 and "login" in response["Location"]

    brazil = party_user("BR")
    reader = party_user("FR", role="", name="reader")
    for user in (brazil, reader):
        client.force_login(user)
        assert client.get(item_url).status_code == 404
        assert client.post(f"{item_url}submit/").status_code == 404
        assert (
            client.post(f"{item_url}files/", {"language": "en", "file": pdf()}).status_code == 404
        )
    assert client.get("/en/reports/mine/").status_code == 404  # the reader has no Party role
    report.refresh_from_db()
    assert report.status == Report.Status.DRAFT and not report.files.exists()


@pytest.mark.parametrize("language", LANGUAGES)
def test_pages_in_six_languages_with_each_text_in_its_direction(client, france_user, language):
    client.force_login(france_user)
    listing = client.get(f"/{language}/reports/mine/")
    assert listing.status_code == 200
    page = client.get(f"/{language}/reports/mine/new/").content.decode()
    direction = "rtl" if language == "ar" else "ltr"
    assert f'<html lang="{language}" dir="{direction}">' in page
    # Each language's fields carry their own language and direction.
    assert 'lang="ar" dir="rtl"' in page and 'lang="fr" dir="ltr"' in page
    public = client.get(f"/{language}/reports/").content.decode()
    assert f'href="/{language}/reports/mine/"' in public
