"""A report's life: draft by the Party, submitted, published by the Secretariat; every
change audited; nobody else can change it; bad input changes nothing."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from wagtail.models import ModelLogEntry

from cms.models import Party, UserProfile
from reports import services
from reports.models import Report
from tests.reports.builders import party_user, pdf, report_published

pytestmark = pytest.mark.django_db


def draft(user, **fields):
    values = {
        "kind": "national-report",
        "cycle": 6,
        "titles": {"fr": "Sixième rapport national"},
        "original_language": "fr",
        "document_date": date(2019, 3, 28),
    }
    values.update(fields)
    return services.report_create(user=user, party=user.profile.party, **values)


def actions(report) -> list[str]:
    entries = ModelLogEntry.objects.for_instance(report).order_by("timestamp", "pk")
    return [entry.action for entry in entries]


def test_life_of_a_report_with_its_audit_trail(france_user, secretariat):
    report = draft(france_user, aichi_targets=[11, 5, 5])
    assert report.status == "draft" and report.aichi_targets == [5, 11]
    services.report_file_add(user=france_user, report=report, language="fr", upload=pdf())
    report = services.report_submit(user=france_user, report=report)
    assert report.status == "submitted" and report.submitted_by == france_user
    report = services.report_publish(user=secretariat, report=report)
    assert report.status == "published" and report.published_at is not None
    report = services.report_withdraw(user=secretariat, report=report, reason="Wrong file")
    assert report.status == "withdrawn"
    assert actions(report) == [
        "wagtail.create",
        "reports.file_add",
        "reports.submit",
        "reports.publish",
        "reports.withdraw",
    ]


def test_only_the_partys_authorized_users_write_and_only_the_secretariat_publishes(
    france_user, secretariat
):
    brazil = party_user("BR")
    focal_point = party_user("FR", UserProfile.PartyRole.CONTRIBUTOR, name="fr-contributor")
    with pytest.raises(PermissionDenied):
        services.report_create(
            user=brazil,
            party=Party.objects.get(code="FR"),
            kind="nbsap",
            titles={"en": "x"},
            document_date=date(2020, 1, 1),
        )
    with pytest.raises(PermissionDenied):
        draft(focal_point)
    report = draft(france_user)
    with pytest.raises(PermissionDenied):
        services.report_update(user=brazil, report=report, titles={"pt": "x"})
    services.report_file_add(user=france_user, report=report, language="fr", upload=pdf())
    services.report_submit(user=france_user, report=report)
    with pytest.raises(PermissionDenied):
        services.report_publish(user=france_user, report=report)
    report.refresh_from_db()
    assert report.status == "submitted"
    # Once submitted, the Party can no longer change it.
    with pytest.raises(ValidationError):
        services.report_update(user=france_user, report=report, titles={"en": "Changed"})
    report.refresh_from_db()
    assert report.titles == {"fr": "Sixième rapport national"}
    # The Secretariat can send it back; then the Party edits again.
    services.report_return(user=secretariat, report=report, reason="Add the English title")
    services.report_update(user=france_user, report=report, titles={"en": "Sixth", "fr": "Sixième"})
    assert Report.objects.get(pk=report.pk).titles == {"en": "Sixth", "fr": "Sixième"}


@pytest.mark.parametrize(
    "fields",
    [
        {"titles": {}},
        {"titles": {"fr": "   "}},
        {"titles": {"pt": "Relatório"}},
        {"cycle": None},
        {"cycle": 9},
        {"kind": "nbsap", "cycle": 6},
        {"kind": "poem"},
        {"aichi_targets": [0, 21]},
        {"period_start": 2030, "period_end": 2020},
    ],
)
def test_bad_reports_are_refused_and_nothing_is_written(france_user, fields):
    before = Report.objects.count()
    with pytest.raises(ValidationError):
        draft(france_user, **fields)
    assert Report.objects.count() == before


def test_files_are_checked_and_a_report_needs_one_to_be_submitted(france_user):
    report = draft(france_user)
    with pytest.raises(ValidationError):
        services.report_submit(user=france_user, report=report)
    with pytest.raises(ValidationError):
        services.report_file_add(user=france_user, report=report, language="pt", upload=pdf())
    assert report.files.count() == 0
    assert Report.objects.get(pk=report.pk).status == "draft"


def test_every_change_moves_updated(france_user, secretariat):
    report = report_published(france_user, secretariat)
    before = report.updated_at
    services.report_update(user=secretariat, report=report, aichi_targets=[1])
    assert Report.objects.get(pk=report.pk).updated_at > before
