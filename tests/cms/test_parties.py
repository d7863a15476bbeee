import pytest
from babel import Locale as BabelLocale

from cms.models import Party, Region
from cms.selectors import parties_sorted
from cms.services import parties_load

pytestmark = pytest.mark.django_db


def test_all_196_parties_are_loaded_by_migration():
    assert Party.objects.count() == 196
    assert not Party.objects.filter(code="US").exists()  # not a Party to the Convention
    assert Party.objects.get(code="EU").region == Region.REIO
    for code in ("CK", "NU", "PS"):  # Parties that are not UN member States
        assert Party.objects.filter(code=code).exists()


@pytest.mark.parametrize(
    "language,babel_code", [("ar", "ar"), ("fr", "fr"), ("ru", "ru"), ("zh-hans", "zh_Hans")]
)
def test_party_names_come_from_cldr(language, babel_code):
    party = Party.objects.get(code="KR")
    assert party.names[language] == BabelLocale.parse(babel_code).territories["KR"]


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


def test_parties_sort_by_name_in_the_language():
    names = [party.name_in("fr") for party in parties_sorted("fr")]
    assert names == sorted(names, key=str.casefold)
    assert names[0] == "Afghanistan"
