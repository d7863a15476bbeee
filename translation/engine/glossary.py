"""Glossaries: forced translations and do-not-translate terms, per language pair.

Matched terms are hidden from the model (see :mod:`translation.engine.protection`) and come
back as the forced translation, or unchanged for do-not-translate terms, so the model can
neither mistranslate nor inflect them. Every match is reported by entry key so reviewers
can see which glossary entries shaped a translation.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from translation.engine.languages import SUPPORTED_LANGUAGES
from translation.engine.protection import Term

ANY_LANGUAGE = "*"


@dataclass(frozen=True)
class GlossaryEntry:
    """``term`` in ``source`` must come out as ``translation`` in ``target``.

    A do-not-translate entry has ``translation == term``; ``target`` may be ``"*"``.
    """

    source: str
    target: str
    term: str
    translation: str
    case_sensitive: bool = False

    @property
    def do_not_translate(self) -> bool:
        return self.translation == self.term

    @property
    def key(self) -> str:
        return f"{self.source}>{self.target}:{self.term}"


class Glossary:
    """A set of entries, matched longest first on word boundaries."""

    def __init__(self, entries: Iterable[GlossaryEntry] = ()) -> None:
        self._entries: dict[tuple[str, str], list[GlossaryEntry]] = {}
        for entry in entries:
            self.add(entry)

    def add(self, entry: GlossaryEntry) -> None:
        bucket = self._entries.setdefault((entry.source, entry.target), [])
        bucket[:] = [e for e in bucket if e.term.lower() != entry.term.lower()] + [entry]
        bucket.sort(key=lambda e: -len(e.term))
        _pattern.cache_clear()

    def do_not_translate(self, term: str, source: str = ANY_LANGUAGE) -> None:
        """Keep ``term`` unchanged from ``source`` (or any language) into every language."""
        self.add(GlossaryEntry(source, ANY_LANGUAGE, term, term, case_sensitive=True))

    def __iter__(self) -> Iterator[GlossaryEntry]:
        for bucket in self._entries.values():
            yield from bucket

    def __len__(self) -> int:
        return sum(len(bucket) for bucket in self._entries.values())

    def entries_for(self, source: str, target: str) -> list[GlossaryEntry]:
        found: list[GlossaryEntry] = []
        for key in ((source, target), (source, ANY_LANGUAGE), (ANY_LANGUAGE, ANY_LANGUAGE)):
            found.extend(self._entries.get(key, ()))
        return sorted(found, key=lambda e: -len(e.term))

    def terms(self, text: str, source: str, target: str) -> list[Term]:
        """Non-overlapping matches in ``text`` as protection terms, in text order."""
        taken: list[tuple[int, int]] = []
        terms: list[Term] = []
        for entry in self.entries_for(source, target):
            for match in _pattern(entry.term, entry.case_sensitive).finditer(text):
                start, end = match.span()
                if any(start < t_end and t_start < end for t_start, t_end in taken):
                    continue
                taken.append((start, end))
                replacement = None if entry.do_not_translate else _match_case(match.group(), entry)
                terms.append(Term(start, end, replacement, entry.key))
        return sorted(terms, key=lambda t: t.start)


@lru_cache(maxsize=4096)
def _pattern(term: str, case_sensitive: bool) -> re.Pattern[str]:
    flags = 0 if case_sensitive else re.IGNORECASE
    # Word boundaries that also work for Arabic and Cyrillic; Chinese has no spaces, so a
    # Chinese term matches anywhere.
    if any("\u4e00" <= ch <= "\u9fff" for ch in term):
        return re.compile(re.escape(term), flags)
    return re.compile(rf"(?<![\w-]){re.escape(term)}(?![\w-])", flags)


def _match_case(found: str, entry: GlossaryEntry) -> str:
    """Capitalise the forced translation where the source term was capitalised."""
    translation = entry.translation
    if (
        not entry.case_sensitive
        and found[:1].isupper()
        and not entry.term[:1].isupper()
        and translation[:1].islower()
    ):
        return translation[:1].upper() + translation[1:]
    return translation


# CHM terms in the six languages (official UN terminology where it exists).
# fmt: off
SEED_CONCEPTS: tuple[dict[str, str], ...] = (
    {"en": "Clearing-House Mechanism", "fr": "Centre d'échange", "es": "Mecanismo de Facilitación",
     "ru": "Механизм посредничества", "zh": "信息交换所机制", "ar": "آلية تبادل المعلومات"},
    {"en": "Aichi Biodiversity Targets", "fr": "Objectifs d'Aichi pour la biodiversité",
     "es": "Metas de Aichi para la Diversidad Biológica",
     "ru": "Айтинские целевые задачи в области биоразнообразия", "zh": "爱知生物多样性目标",
     "ar": "أهداف أيشي للتنوع البيولوجي"},
    {"en": "Conference of the Parties", "fr": "Conférence des Parties",
     "es": "Conferencia de las Partes", "ru": "Конференция Сторон", "zh": "缔约方大会",
     "ar": "مؤتمر الأطراف"},
    {"en": "national focal point", "fr": "correspondant national", "es": "coordinador nacional",
     "ru": "национальный координационный центр", "zh": "国家联络点", "ar": "جهة الاتصال الوطنية"},
    {"en": "national focal points", "fr": "correspondants nationaux",
     "es": "coordinadores nacionales", "ru": "национальные координационные центры",
     "zh": "国家联络点", "ar": "جهات الاتصال الوطنية"},
    {"en": "Convention on Biological Diversity", "fr": "Convention sur la diversité biologique",
     "es": "Convenio sobre la Diversidad Biológica", "ru": "Конвенция о биологическом разнообразии",
     "zh": "生物多样性公约", "ar": "اتفاقية التنوع البيولوجي"},
    {"en": "Secretariat", "fr": "Secrétariat", "es": "Secretaría", "ru": "Секретариат",
     "zh": "秘书处", "ar": "الأمانة"},
    {"en": "Executive Secretary", "fr": "Secrétaire exécutif", "es": "Secretario Ejecutivo",
     "ru": "Исполнительный секретарь", "zh": "执行秘书", "ar": "الأمين التنفيذي"},
    {"en": "Kunming-Montreal Global Biodiversity Framework",
     "fr": "Cadre mondial de la biodiversité de Kunming-Montréal",
     "es": "Marco Mundial de Biodiversidad de Kunming-Montreal",
     "ru": "Куньминско-Монреальская глобальная рамочная программа в области биоразнообразия",
     "zh": "昆明-蒙特利尔全球生物多样性框架", "ar": "إطار كونمينغ-مونتريال العالمي للتنوع البيولوجي"},
    {"en": "Cartagena Protocol on Biosafety", "fr": "Protocole de Cartagena sur la prévention des risques biotechnologiques",
     "es": "Protocolo de Cartagena sobre Seguridad de la Biotecnología",
     "ru": "Картахенский протокол по биобезопасности", "zh": "卡塔赫纳生物安全议定书",
     "ar": "بروتوكول قرطاجنة بشأن السلامة الأحيائية"},
    {"en": "Nagoya Protocol", "fr": "Protocole de Nagoya", "es": "Protocolo de Nagoya",
     "ru": "Нагойский протокол", "zh": "名古屋议定书", "ar": "بروتوكول ناغويا"},
    {"en": "Subsidiary Body on Scientific, Technical and Technological Advice",
     "fr": "Organe subsidiaire chargé de fournir des avis scientifiques, techniques et technologiques",
     "es": "Órgano Subsidiario de Asesoramiento Científico, Técnico y Tecnológico",
     "ru": "Вспомогательный орган по научным, техническим и технологическим консультациям",
     "zh": "科学、技术和工艺咨询附属机构", "ar": "الهيئة الفرعية للمشورة العلمية والتقنية والتكنولوجية"},
    {"en": "national biodiversity strategies and action plans",
     "fr": "stratégies et plans d'action nationaux pour la biodiversité",
     "es": "estrategias y planes de acción nacionales en materia de biodiversidad",
     "ru": "национальные стратегии и планы действий по сохранению биоразнообразия",
     "zh": "国家生物多样性战略和行动计划", "ar": "الاستراتيجيات وخطط العمل الوطنية للتنوع البيولوجي"},
    {"en": "indigenous peoples and local communities",
     "fr": "peuples autochtones et communautés locales",
     "es": "pueblos indígenas y comunidades locales", "ru": "коренные народы и местные общины",
     "zh": "土著人民和地方社区", "ar": "الشعوب الأصلية والمجتمعات المحلية"},
)
SEED_DO_NOT_TRANSLATE: tuple[str, ...] = (
    "CBD", "CHM", "SBSTTA", "SBI", "NBSAP", "NBSAPs", "BCH", "ABS", "COP", "COP-MOP", "UNEP",
    "IPBES", "GBIF", "Bioland",
)
# fmt: on


def seed_glossary() -> Glossary:
    """The CHM seed glossary: concepts for all 30 ordered pairs, plus do-not-translate terms."""
    glossary = Glossary()
    for concept in SEED_CONCEPTS:
        for source in SUPPORTED_LANGUAGES:
            for target in SUPPORTED_LANGUAGES:
                if source != target and source in concept and target in concept:
                    glossary.add(GlossaryEntry(source, target, concept[source], concept[target]))
    for term in SEED_DO_NOT_TRANSLATE:
        glossary.do_not_translate(term)
    return glossary
