"""The site-search index: one document per object and language, and its analysed terms.

Our own table rather than a search engine's, so search behaves the same on SQLite and on
PostgreSQL, with Snowball stemming and Chinese segmentation (`cms.search.analysis`) in
both. Terms are looked up by equality through an index, which stays fast at the CHM's scale
(thousands of pages and notifications); a search engine can replace it behind
`cms.search.selectors` when that changes.
"""

from django.db import models


class SearchDocument(models.Model):
    """What a result shows. `group` is shared by the language versions of one thing, so an
    English version stands in for a language that has none."""

    key = models.CharField(max_length=120, unique=True)
    group = models.CharField(max_length=120, db_index=True)
    language = models.CharField(max_length=10, db_index=True)
    kind = models.CharField(max_length=100)  # "notification" or a page model label
    title = models.CharField(max_length=500)
    summary = models.TextField(blank=True)
    url = models.CharField(max_length=500)
    date = models.DateField(null=True, blank=True)

    def __str__(self) -> str:
        return self.key


class SearchTerm(models.Model):
    document = models.ForeignKey(SearchDocument, on_delete=models.CASCADE, related_name="terms")
    term = models.CharField(max_length=64, db_index=True)
    weight = models.PositiveSmallIntegerField(default=1)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["document", "term"], name="search_term_unique")
        ]
