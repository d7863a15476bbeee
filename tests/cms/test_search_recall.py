"""Site search recall in the six UN languages, measured on the demo content.

Each query is a word taken from the demo pages (or the demo notification), sometimes in
another inflection than the one the page holds (the stemmer's job), and for Chinese a word
inside a run of characters with no spaces (the segmenter's job). Every page in the query's
language whose text holds the word must be among the results: recall must stay 100 %.
Runs on SQLite and, marked `postgres`, on PostgreSQL.
"""

import re

import pytest
from django.db import connection
from wagtail.models import Page

from cms.search.indexing import search_rebuild
from cms.search.pages import page_document
from cms.search.selectors import site_search

# language -> (query, the form the content holds)
QUERIES = {
    "en": [
        ("mission", "mission"),
        ("cooperation", "cooperation"),
        ("biodiversity", "Biodiversity"),
        ("Pyeongchang", "Pyeongchang"),
        ("Bioland", "Bioland"),
        ("award", "awards"),
        ("meetings", "meeting"),
        ("Montreal", "Montreal"),
        ("Secretariat", "Secretariat"),
        ("networks", "network"),
        ("UNEP/CBD/COP/12/11", "UNEP/CBD/COP/12/11"),
    ],
    "fr": [
        ("mission", "mission"),
        ("coopération", "coopération"),
        ("diversité", "diversité"),
        ("réseaux", "réseau"),
        ("partenaire", "partenaires"),
        ("stratégique", "stratégique"),
        ("rapports", "rapport"),
        ("Conférence", "Conférence"),
        ("efficace", "efficaces"),
        ("Bioland", "Bioland"),
        ("UNEP/CBD/COP/12/11", "UNEP/CBD/COP/12/11"),
    ],
    "es": [
        ("misión", "misión"),
        ("cooperación", "cooperación"),
        ("diversidad", "diversidad"),
        ("premio", "premios"),
        ("mecanismo", "mecanismos"),
        ("servicio", "servicios"),
        ("informes", "informe"),
        ("decisiones", "decisión"),
        ("apropiado", "apropiados"),
        ("Bioland", "Bioland"),
        ("reunión", "reunión"),
    ],
    "ru": [
        ("сотрудничество", "сотрудничеству"),
        ("сотрудничества", "сотрудничества"),
        ("миссия", "Миссия"),
        ("Пхёнчхан", "Пхёнчхан"),
        ("конференция", "Конференции"),
        ("доклады", "доклад"),
        ("премия", "премии"),
        ("биоразнообразия", "биоразнообразия"),
        ("партнер", "партнеров"),
        ("эффективный", "эффективных"),
        ("Bioland", "Bioland"),
    ],
    "ar": [
        ("اتفاقية", "الاتفاقية"),
        ("بيولاند", "بيولاند"),
        ("مونتريال", "مونتريال"),
        ("الأمانة", "الأمانة"),
        ("اللجنة", "اللجنة"),
        ("الاجتماع", "الاجتماع"),
        ("المعلومات", "المعلومات"),
        ("التعاون", "التعاون"),
        ("أطراف", "الأطراف"),
        ("المادة", "المادة"),
        ("مجانية", "مجانية"),
    ],
    "zh-hans": [
        ("缔约方", "缔约方"),
        ("信息交换所", "信息交换所"),
        ("平昌", "平昌"),
        ("蒙特利尔", "蒙特利尔"),
        ("秘书处", "秘书处"),
        ("生物多样性", "生物多样性"),
        ("科技合作", "科技合作"),
        ("咨询委员会", "咨询委员会"),
        ("免费工具", "免费工具"),
        ("决定草案", "决定草案"),
        ("机制", "机制"),
    ],
}


def holds(text: str, word: str, language: str) -> bool:
    if language == "zh-hans" or "/" in word:
        return word.casefold() in text.casefold()
    return re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text, re.IGNORECASE) is not None


def page_text(page) -> str:
    document = page_document(page)
    return " ".join([document.title, *(text for text, _weight in document.texts)])


def language_pages(language: str) -> list[tuple[str, str]]:
    """(address, searchable text) of every public page in `language` (bench/search.py too)."""
    return [
        (page.get_url(), page_text(page))
        for page in Page.objects.filter(locale__language_code=language, depth__gt=1)
        .live()
        .public()
        .specific()
        .iterator(chunk_size=500)
    ]


def recall(language: str) -> tuple[float, list]:
    pages = language_pages(language)
    expected_total, found_total, missed = 0, 0, []
    for query, held in QUERIES[language]:
        expected = {url for url, text in pages if holds(text, held, language)}
        assert expected, f"{held!r} is not in the {language} demo content"
        found = {hit.document.url for hit in site_search(query, language)}
        expected_total += len(expected)
        found_total += len(expected & found)
        missed += [(query, url) for url in sorted(expected - found)]
    return found_total / expected_total, missed


@pytest.fixture
def indexed(demo_site):
    search_rebuild()


@pytest.mark.django_db
@pytest.mark.parametrize("language", list(QUERIES))
def test_every_query_finds_every_page_that_holds_it(indexed, language):
    assert len(QUERIES[language]) >= 10
    figure, missed = recall(language)
    assert missed == [] and figure == 1.0


@pytest.mark.postgres
@pytest.mark.django_db
@pytest.mark.parametrize("language", list(QUERIES))
def test_recall_is_complete_on_postgresql(indexed, language):
    assert connection.vendor == "postgresql"
    figure, missed = recall(language)
    assert missed == [] and figure == 1.0
