from django.contrib.auth.management import create_permissions
from django.db import migrations

SCHEDULES = [
    # (name, func, minutes)
    ("helpdesk: escalate overdue tickets", "helpdesk.tasks.tickets_escalate", 15),
    ("helpdesk: poll the inbound mailbox", "helpdesk.tasks.mailbox_poll", 5),
    ("helpdesk: check national CHM links", "helpdesk.tasks.tracker_links_check", 24 * 60),
]


def forwards(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name="Helpdesk staff")
    codenames = [
        "access_admin",
        "work_ticket",
        "add_cannedreply",
        "change_cannedreply",
        "delete_cannedreply",
        "add_queue",
        "change_queue",
        "add_awardcall",
        "change_awardcall",
        "change_nationalsite",
    ]
    group.permissions.add(*Permission.objects.filter(codename__in=codenames))
    Schedule = apps.get_model("django_q", "Schedule")
    for name, func, minutes in SCHEDULES:
        Schedule.objects.update_or_create(
            name=name, defaults={"func": func, "schedule_type": "I", "minutes": minutes, "repeats": -1}
        )


def backwards(apps, schema_editor):
    apps.get_model("django_q", "Schedule").objects.filter(name__in=[s[0] for s in SCHEDULES]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("helpdesk", "0001_initial"),
        ("django_q", "0018_task_success_index"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
