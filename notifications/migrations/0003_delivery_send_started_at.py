from django.db import migrations, models
from django.db.models import F


def mark_in_flight_as_started(apps, schema_editor):
    # Rows `sending` under the old one-row claim may have reached SMTP: keep treating
    # them as possibly received (unconfirmed after a crash), never as unsent.
    Delivery = apps.get_model("notifications", "Delivery")
    Delivery.objects.filter(status="sending").update(send_started_at=F("claimed_at"))


class Migration(migrations.Migration):
    dependencies = [
        ("notifications", "0002_schedules"),
    ]

    operations = [
        migrations.AddField(
            model_name="delivery",
            name="send_started_at",
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.RunPython(mark_in_flight_as_started, migrations.RunPython.noop),
    ]
