"""Site search that stems each page in its own language on PostgreSQL.

Wagtail's database backend indexes everything with one text-search configuration. Our page
trees are per language, so on PostgreSQL each object is indexed with the configuration of
its locale (French pages with `french`, Russian with `russian`…) and a query uses the
visitor's language. Chinese has no stemmer in PostgreSQL: `simple`. Other databases fall
back to Wagtail's own backend unchanged.
"""

import copy
from collections import defaultdict

from django.db import connection
from django.utils.translation import get_language

POSTGRES_CONFIGS = {
    "ar": "arabic",
    "en": "english",
    "es": "spanish",
    "fr": "french",
    "ru": "russian",
    "zh-hans": "simple",
}
FALLBACK_CONFIG = "simple"


def postgres_config(language_code: str | None) -> str:
    return POSTGRES_CONFIGS.get(language_code or "", FALLBACK_CONFIG)


def object_language(obj) -> str | None:
    locale = getattr(obj, "locale", None)
    return getattr(locale, "language_code", None)


def SearchBackend(params):  # noqa: N802 (Wagtail looks the backend up by this name)
    if connection.vendor != "postgresql":
        from modelsearch.backends.database import SearchBackend as database_backend

        return database_backend(params)

    from modelsearch.backends.database.postgres.postgres import (
        PostgresIndex,
        PostgresSearchBackend,
        PostgresSearchQueryCompiler,
        PostgresSearchResults,
    )

    class LocalizedIndex(PostgresIndex):
        def add_items(self, model, objs):
            groups = defaultdict(list)
            for obj in objs:
                groups[postgres_config(object_language(obj))].append(obj)
            shared_backend = self.backend
            try:
                for config, group in groups.items():
                    self.backend = copy.copy(shared_backend)
                    self.backend.config = config
                    super().add_items(model, group)
            finally:
                self.backend = shared_backend

    class LocalizedQueryCompiler(PostgresSearchQueryCompiler):
        def get_config(self, backend):
            return postgres_config(get_language())

    class LocalizedPostgresSearchBackend(PostgresSearchBackend):
        index_class = LocalizedIndex
        query_compiler_class = LocalizedQueryCompiler
        results_class = PostgresSearchResults

    return LocalizedPostgresSearchBackend(params)
