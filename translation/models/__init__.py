"""Models of the translation workflow (the engine itself has none)."""

from translation.models.glossary import GlossaryTerm
from translation.models.jobs import JobTarget, TranslationJob
from translation.models.memory import MemoryEntry
from translation.models.review import SegmentReview
from translation.models.site_settings import MachineTranslationSettings

__all__ = [
    "GlossaryTerm",
    "JobTarget",
    "MachineTranslationSettings",
    "MemoryEntry",
    "SegmentReview",
    "TranslationJob",
]
