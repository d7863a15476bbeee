"""Site search keeps the best documents when a word matches more than it shows."""

import pytest

from cms.models import SearchDocument, SearchTerm
from cms.search import analysis, selectors

pytestmark = pytest.mark.django_db


def document(number: int, term: str, weight: int) -> SearchDocument:
    made = SearchDocument.objects.create(
        key=f"page:{number}:en",
        group=f"page:{number}",
        language="en",
        kind="cms.contentpage",
        title=f"Forests {number}",
        url=f"/en/p{number}/",
    )
    SearchTerm.objects.create(document=made, term=term, weight=weight)
    return made


def test_the_best_scored_documents_survive_the_result_limit(monkeypatch):
    # The query's own analysed term, so the test holds whatever the stemmer makes of it.
    term = analysis.query_terms("forests", "en")[0][0][0]
    # Low scores first, so the database's natural order would keep them.
    for number in range(6):
        document(number, term, weight=1)
    best = [document(10, term, weight=5), document(11, term, weight=3)]
    monkeypatch.setattr(selectors, "MAX_RESULTS", 2)
    hits = selectors.site_search("forests", "en")
    assert [hit.document for hit in hits] == best
    assert [hit.score for hit in hits] == [5, 3]


def test_a_search_is_one_query_whatever_the_number_of_matching_documents(
    django_assert_num_queries,
):
    term = analysis.query_terms("forests", "en")[0][0][0]
    other = document(100, "unrelated", weight=1)
    for number in range(3):
        document(number, term, weight=1)
    with django_assert_num_queries(1):
        assert len(selectors.site_search("forests", "en")) == 3
    for number in range(3, 40):
        document(number, term, weight=1)
    with django_assert_num_queries(1):  # the matching ids stay in the database
        hits = selectors.site_search("forests", "en")
    assert len(hits) == 40 and other not in [hit.document for hit in hits]
