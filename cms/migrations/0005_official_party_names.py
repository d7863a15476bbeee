from django.db import migrations


def load_official_names(apps, schema_editor):
    """Replace the CLDR short names ("Russia", "Congo - Kinshasa") by the UN's official
    names in the six languages (cms/data/party_names.json)."""
    from cms.services import parties_load

    parties_load(apps.get_model("cms", "Party"))


class Migration(migrations.Migration):
    dependencies = [("cms", "0004_search_index")]

    operations = [migrations.RunPython(load_official_names, migrations.RunPython.noop)]
