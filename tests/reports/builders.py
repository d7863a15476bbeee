"""Users and reports for the reports tests (and the OData harvest test)."""

from datetime import date

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile

from cms.models import Party, UserProfile
from reports import services


def party_user(code: str, role=UserProfile.PartyRole.AUTHORIZED, name: str = ""):
    user = get_user_model().objects.create_user(
        username=name or f"user-{code.lower()}-{role or 'none'}", password="x"
    )
    UserProfile.objects.update_or_create(
        user=user, defaults={"party": Party.objects.get(code=code), "party_role": role}
    )
    return user


def secretariat_user():
    user = get_user_model().objects.create_user(username="secretariat", password="x")
    user.user_permissions.add(Permission.objects.get(codename="publish_report"))
    return get_user_model().objects.get(pk=user.pk)


def pdf(name="report.pdf", size=100):
    return SimpleUploadedFile(name, b"%PDF-1.4\n" + b"x" * size, content_type="application/pdf")


def report_published(author, secretariat, *, titles=None, kind="national-report", cycle=6, **extra):
    report = services.report_create(
        user=author,
        party=author.profile.party,
        kind=kind,
        cycle=cycle if kind == "national-report" else None,
        titles=titles or {"fr": "Sixième rapport national", "en": "Sixth national report"},
        original_language="fr",
        document_date=date(2019, 3, 28),
        **extra,
    )
    services.report_file_add(user=author, report=report, language="fr", upload=pdf())
    services.report_submit(user=author, report=report)
    return services.report_publish(user=secretariat, report=report)
