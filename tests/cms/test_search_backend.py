import pytest
from django.db import connection
from django.utils import translation

from cms.models import NewsIndexPage, NewsPage
from cms.search_backend import postgres_config
from cms.selectors import page_search


def test_each_language_has_a_postgres_text_search_configuration():
    assert postgres_config("fr") == "french"
    assert postgres_config("ru") == "russian"
    assert postgres_config("ar") == "arabic"
    assert postgres_config("zh-hans") == "simple"
    assert postgres_config(None) == "simple"


@pytest.mark.django_db
def test_search_finds_the_exact_word_on_any_database(demo_site):
    with translation.override("fr"):
        titles = [page.title for page in page_search("outil", "fr")]
    assert titles == ["Bioland : un outil gratuit pour les sites nationaux du Centre d'échange"]


@pytest.mark.postgres
@pytest.mark.django_db
def test_postgres_stems_words_in_the_page_language(demo_site):
    assert connection.vendor == "postgresql"
    index = NewsIndexPage.objects.get(locale__language_code="ru")
    index.add_child(
        instance=NewsPage(title="Охраняемые территории", slug="охраняемые", date="2024-02-02")
    ).save_revision().publish()
    with translation.override("ru"):
        # "территорий" (genitive plural) finds "территории" through the Russian stemmer.
        assert [p.title for p in page_search("территорий", "ru")] == ["Охраняемые территории"]
    with translation.override("fr"):
        # "outils" (plural) finds "outil" through the French stemmer.
        assert len(page_search("outils", "fr")) == 1
