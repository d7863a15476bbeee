"""The scheduled jobs of the notifications app: the delivery reconciler and reminders."""

from django.db import migrations

SCHEDULES = [
    # (name, func, schedule type, minutes)
    ("notifications: reconcile deliveries", "notifications.tasks.deliveries_reconcile_task", "I", 1),
    ("notifications: deadline reminders", "notifications.tasks.reminders_send_task", "H", None),
]


def create(apps, schema_editor):
    Schedule = apps.get_model("django_q", "Schedule")
    for name, func, schedule_type, minutes in SCHEDULES:
        Schedule.objects.update_or_create(
            name=name,
            defaults={"func": func, "schedule_type": schedule_type, "minutes": minutes, "repeats": -1},
        )


def remove(apps, schema_editor):
    Schedule = apps.get_model("django_q", "Schedule")
    Schedule.objects.filter(name__in=[name for name, *_ in SCHEDULES]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("notifications", "0001_initial"),
        ("django_q", "0019_alter_task_options_alter_ormq_key_alter_ormq_lock_and_more"),
    ]
    operations = [migrations.RunPython(create, remove)]
