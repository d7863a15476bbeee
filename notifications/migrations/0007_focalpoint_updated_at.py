from django.db import migrations, models
from django.db.models import Max


def fill_updated_at(apps, schema_editor):
    """Activation or the latest recorded change, whichever is later (as the directory
    computed it per row before the column existed)."""
    FocalPoint = apps.get_model("notifications", "FocalPoint")
    latest = dict(
        apps.get_model("notifications", "FocalPointChange")
        .objects.values("focal_point")
        .annotate(latest=Max("at"))
        .values_list("focal_point", "latest")
    )
    changed = []
    for focal_point in FocalPoint.objects.only("pk", "activated_at").iterator(chunk_size=2000):
        moments = [m for m in (focal_point.activated_at, latest.get(focal_point.pk)) if m]
        if moments:
            focal_point.updated_at = max(moments)
            changed.append(focal_point)
    FocalPoint.objects.bulk_update(changed, ["updated_at"], batch_size=2000)


class Migration(migrations.Migration):
    dependencies = [("notifications", "0006_english_notice")]

    operations = [
        migrations.AddField(
            model_name="focalpoint",
            name="updated_at",
            field=models.DateTimeField(
                blank=True, db_index=True, editable=False, null=True, verbose_name="updated at"
            ),
        ),
        migrations.RunPython(fill_updated_at, migrations.RunPython.noop),
    ]
