"""The one door between the Django side and the pure-Python engine (translation/engine).

Services, views and hints reach the engine only through this module (a test holds them to
it), so a change of engine is a change here. It builds the engine's glossary and memory hook
from our tables; the engine itself knows nothing of Django.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from django.conf import settings
from django.db.models import Case, IntegerField, Value, When

from translation.engine.argos_settings import packages_dir
from translation.engine.errors import TranslationEngineError
from translation.engine.glossary import Glossary, GlossaryEntry
from translation.engine.languages import argos_code
from translation.engine.protection import UN_SYMBOL_RE
from translation.engine.translator import Engine, engine_for, memory_key
from translation.models import GlossaryTerm, MemoryEntry
from translation.models.memory import source_hash


def engine() -> Engine:
    """The process-wide engine over ``MT_MODELS_DIR`` (models stay loaded in a worker)."""
    return engine_for(packages_dir(Path(settings.MT_MODELS_DIR)))


def glossary_load() -> Glossary:
    """The glossary table as engine entries, for every pair of languages a term names."""
    glossary = Glossary()
    for term in GlossaryTerm.objects.all():
        terms = {code: text for code, text in term.terms().items() if text}
        if term.do_not_translate:
            for text in set(terms.values()):
                glossary.do_not_translate(text)
            continue
        for source, source_text in terms.items():
            for target, target_text in terms.items():
                if source != target:
                    glossary.add(
                        GlossaryEntry(
                            argos_code(source), argos_code(target), source_text, target_text
                        )
                    )
    return glossary


class MemoryLookup:
    """The engine's memory hook for one pair: normalized source → remembered translation.

    Human entries win over machine ones, then the newest. Remembers the entries it supplied
    (``used_ids``) so the job can count their uses (the memory screen's "uses" column).
    """

    def __init__(self, source_language: str, target_language: str) -> None:
        self.source_language = source_language
        self.target_language = target_language
        self.used_ids: set[int] = set()

    def __call__(self, keys: list[str]) -> Mapping[str, str]:
        by_hash = {source_hash(key): key for key in keys}
        found: dict[str, str] = {}
        rows = (
            MemoryEntry.objects.filter(
                source_language=self.source_language,
                target_language=self.target_language,
                normalized_hash__in=list(by_hash),
            )
            .annotate(
                rank=Case(
                    When(origin=MemoryEntry.Origin.HUMAN, then=Value(0)),
                    default=Value(1),
                    output_field=IntegerField(),
                )
            )
            .order_by("rank", "-updated_at")
            .values_list("pk", "normalized_hash", "target_text")
        )
        for pk, digest, text in rows:
            key = by_hash[digest]
            if key not in found:
                found[key] = text
                self.used_ids.add(pk)
        return found


__all__ = [
    "MemoryLookup",
    "TranslationEngineError",
    "UN_SYMBOL_RE",
    "argos_code",
    "engine",
    "glossary_load",
    "memory_key",
]
