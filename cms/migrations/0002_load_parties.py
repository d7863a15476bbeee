from django.db import migrations


def load_parties(apps, schema_editor):
    from cms.services import parties_load

    parties_load(apps.get_model("cms", "Party"))


class Migration(migrations.Migration):
    dependencies = [("cms", "0001_initial")]

    operations = [migrations.RunPython(load_parties, migrations.RunPython.noop)]
