import pytest

from cms.models import Party, Region
from cms.selectors import parties_sorted, party_choices
from cms.services import parties_load

pytestmark = pytest.mark.django_db


def test_all_196_parties_are_loaded_by_migration():
    assert Party.objects.count() == 196
    assert not Party.objects.filter(code="US").exists()  # not a Party to the Convention
    assert Party.objects.get(code="EU").region == Region.REIO
    for code in ("CK", "NU", "PS"):  # Parties that are not UN member States
        assert Party.objects.filter(code=code).exists()


def test_party_names_are_the_official_un_names_in_six_languages():
    assert Party.objects.get(code="RU").names == {
        "ar": "الاتحاد الروسي",
        "en": "Russian Federation",
        "es": "Federación de Rusia",
        "fr": "Fédération de Russie",
        "ru": "Российская Федерация",
        "zh-hans": "俄罗斯联邦",
    }
    assert Party.objects.get(code="IR").name_in("en") == "Iran (Islamic Republic of)"
    assert Party.objects.get(code="CD").name_in("en") == "Democratic Republic of the Congo"
    assert Party.objects.get(code="AG").name_in("en") == "Antigua and Barbuda"
    assert Party.objects.get(code="KR").name_in("fr") == "République de Corée"
    assert Party.objects.get(code="EU").name_in("ru") == "Европейский союз"
    for party in Party.objects.all():
        assert sorted(party.names) == ["ar", "en", "es", "fr", "ru", "zh-hans"], party.code
        assert all(name.strip() and "_" not in name for name in party.names.values())


def test_the_names_file_is_rebuilt_from_ochas_taxonomy(tmp_path):
    """The import reads the taxonomy's columns and refuses a file that lacks a Party."""
    import csv

    from cms.party_names import TAXONOMY_CODE_COLUMN, TAXONOMY_COLUMNS, names_from_taxonomy

    path = tmp_path / "taxonomy.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, [TAXONOMY_CODE_COLUMN, *TAXONOMY_COLUMNS.values()])
        writer.writeheader()
        row = {TAXONOMY_CODE_COLUMN: "NL"}
        row.update(
            {column: f"Pays-Bas {language}" for language, column in TAXONOMY_COLUMNS.items()}
        )
        row["Arabic Short"] = "هولندا (مملكة _)"
        writer.writerow(row)
    names = names_from_taxonomy(path, ["NL", "EU"])
    assert names["NL"]["ar"] == "هولندا (مملكة)"
    assert names["EU"]["fr"] == "Union européenne"
    with pytest.raises(ValueError, match="FR"):
        names_from_taxonomy(path, ["NL", "FR"])


def test_names_follow_the_active_language():
    from django.utils import translation

    party = Party.objects.get(code="CN")
    with translation.override("zh-hans"):
        assert str(party) == "中国"
    with translation.override("fr"):
        assert party.name == "Chine"


def test_loading_again_changes_nothing():
    before = list(Party.objects.values_list("code", "region", "names"))
    assert parties_load() == 196
    assert list(Party.objects.values_list("code", "region", "names")) == before


def test_parties_sort_by_name_in_the_language_not_by_code():
    names = [party.name_in("fr") for party in parties_sorted("fr")]
    assert names[:3] == ["Afghanistan", "Afrique du Sud", "Albanie"]
    # Accented initials sort with their letter, not after "Z".
    assert names.index("Égypte") < names.index("Fidji") < names.index("Zimbabwe")
    assert names.index("Émirats arabes unis") < names.index("Équateur")
    russian = [name for _code, name in party_choices("ru")]
    assert russian[:2] == ["Австралия", "Австрия"]


def test_party_drop_downs_in_the_admin_follow_the_editors_language(admin_client):
    from django.utils import translation

    from cms.party_fields import PartyChoiceField

    field = PartyChoiceField(queryset=Party.objects.all())
    with translation.override("es"):
        labels = [str(label) for _value, label in field.choices][1:]
    assert labels[:2] == ["Afganistán", "Albania"]
    assert labels.index("Egipto") < labels.index("España") < labels.index("Estonia")
