"""Per-language reviewer groups, the translators' group, editors' rights, the reconciler."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

LANGUAGES = {
    "ar": "Arabic",
    "en": "English",
    "es": "Spanish",
    "fr": "French",
    "ru": "Russian",
    "zh_hans": "Chinese",
}


def forwards(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")

    def perm(app, codename):
        return Permission.objects.get(content_type__app_label=app, codename=codename)

    access = perm("wagtailadmin", "access_admin")
    edit = perm("translation", "edit_translation")
    for code, name in LANGUAGES.items():
        group, _ = Group.objects.get_or_create(name=f"Reviewers — {name}")
        # Reviewers edit and approve their own language only (review_<lang>); the
        # language-independent edit right belongs to translators.
        group.permissions.add(access, perm("translation", f"review_{code}"))
    translators, _ = Group.objects.get_or_create(name="Translators")
    translators.permissions.add(access, edit)
    everything = [
        edit,
        perm("translation", "publish_unreviewed"),
        perm("translation", "request_machine_translation"),
        *[perm("translation", f"review_{code}") for code in LANGUAGES],
    ]
    for name in ("Editors", "Moderators"):
        group = Group.objects.filter(name=name).first()
        if group is not None:
            group.permissions.add(*everything)

    Schedule = apps.get_model("django_q", "Schedule")
    Schedule.objects.update_or_create(
        name="translation: re-enqueue stalled jobs",
        defaults={
            "func": "translation.tasks.jobs_reconcile",
            "schedule_type": "I",
            "minutes": 5,
            "repeats": -1,
        },
    )


def backwards(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.filter(name__startswith="Reviewers — ").delete()
    Group.objects.filter(name="Translators").delete()
    apps.get_model("django_q", "Schedule").objects.filter(
        func="translation.tasks.jobs_reconcile"
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("translation", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailcore", "0002_initial_data"),
        ("django_q", "0019_alter_task_options_alter_ormq_key_alter_ormq_lock_and_more"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
