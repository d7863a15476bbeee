"""The engine: translate lists of segments, batched, protected, with memory and pivot.

One call takes a list of segments (plain text or inline HTML) and returns a list of the
same length and order. Inside a call:

1. blank segments pass through; the translation memory answers what it knows;
2. each remaining segment is protected (markup, placeholders, glossary terms become
   sentinels) and split into sentences;
3. all distinct sentences of the call go through the model in token-sized batches: for a
   pivot (fr→ru through English) each leg is one batch, and when one source goes to
   several targets the English leg is computed once and shared;
4. sentences are reassembled with the source's whitespace and the protected items put
   back; anything repaired on the way is flagged.
"""

from __future__ import annotations

import threading
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from translation.engine.errors import EmptyInputError, OversizeInputError, UnknownPairError
from translation.engine.glossary import Glossary
from translation.engine.languages import PIVOT_LANGUAGE, argos_code
from translation.engine.packages import InstalledPackage
from translation.engine.protection import Protected, Term, protect, restore
from translation.engine.runtime import DecodingSettings, ModelCache, SentenceTranslation
from translation.engine.segmenter import Segmentation, split_sentences

MemoryLookup = Mapping[str, str] | Callable[[list[str]], Mapping[str, str]]

FLAG_MEMORY = "memory"
FLAG_BLANK = "blank"
FLAG_PIVOT = "pivot"
FLAG_TRUNCATED = "truncated"
FLAG_SAME_LANGUAGE = "same_language"
FLAG_DEMONSTRATION = "demonstration_model"


def memory_key(text: str) -> str:
    """Normalized source text, the key of translation-memory lookups."""
    return " ".join(unicodedata.normalize("NFC", text).split())


@dataclass(frozen=True)
class SegmentResult:
    source_text: str
    text: str
    flags: tuple[str, ...] = ()
    glossary: tuple[str, ...] = ()  # keys of the glossary entries applied

    @property
    def from_memory(self) -> bool:
        return FLAG_MEMORY in self.flags


@dataclass
class TranslationResult:
    source: str
    target: str
    segments: list[SegmentResult]
    models: tuple[str, ...] = ()  # "en-fr 1.0", with "(demonstration model)" where so
    pivot: str | None = None
    demonstration: bool = False

    @property
    def outputs(self) -> list[str]:
        return [segment.text for segment in self.segments]

    @property
    def memory_hits(self) -> int:
        return sum(segment.from_memory for segment in self.segments)

    @property
    def glossary_applied(self) -> list[str]:
        return sorted({key for segment in self.segments for key in segment.glossary})

    def __len__(self) -> int:
        return len(self.segments)


_UnitKey = tuple[int, tuple[Term, ...]]


@dataclass
class _Unit:
    """One segment prepared for one group of targets (same glossary terms)."""

    protected: Protected
    segmentation: Segmentation
    translations: dict[str, list[SentenceTranslation]] = field(default_factory=dict)


class Engine:
    """Translate with the Argos packages installed in ``packages_dir``.

    Thread-safe; keep one per process (see :func:`engine_for`) so models stay loaded.
    """

    def __init__(
        self,
        packages_dir: Path,
        *,
        settings: DecodingSettings | None = None,
        glossary: Glossary | None = None,
        max_segment_chars: int = 20_000,
    ) -> None:
        self.packages_dir = Path(packages_dir)
        self.settings = settings or DecodingSettings()
        self.glossary = glossary
        self.max_segment_chars = max_segment_chars
        self.models = ModelCache(self.packages_dir, self.settings)

    # -- routes -------------------------------------------------------------------------
    def pairs(self) -> list[tuple[str, str]]:
        """Directly installed pairs."""
        return sorted(self.models.installed())

    def route(self, source: str, target: str) -> list[tuple[str, str]]:
        """The legs from ``source`` to ``target``: direct, or through English."""
        source, target = argos_code(source), argos_code(target)
        return self._route(source, target, self.models.installed())

    @staticmethod
    def _route(
        source: str, target: str, installed: Mapping[tuple[str, str], InstalledPackage]
    ) -> list[tuple[str, str]]:
        if source == target:
            return []
        if (source, target) in installed:
            return [(source, target)]
        legs = [(source, PIVOT_LANGUAGE), (PIVOT_LANGUAGE, target)]
        if PIVOT_LANGUAGE in (source, target):
            raise UnknownPairError(source, target)
        missing = [f"{a}-{b}" for a, b in legs if (a, b) not in installed]
        if missing:
            raise UnknownPairError(source, target, missing)
        return legs

    # -- translation --------------------------------------------------------------------
    def translate(
        self,
        texts: Sequence[str],
        source: str,
        target: str,
        *,
        memory: MemoryLookup | None = None,
        glossary: Glossary | None = None,
    ) -> TranslationResult:
        """Translate ``texts`` from ``source`` to ``target``; same length and order."""
        memories = None if memory is None else {argos_code(target): memory}
        results = self.translate_many(texts, source, [target], memory=memories, glossary=glossary)
        return results[argos_code(target)]

    def translate_many(
        self,
        texts: Sequence[str],
        source: str,
        targets: Sequence[str],
        *,
        memory: Mapping[str, MemoryLookup] | None = None,
        glossary: Glossary | None = None,
    ) -> dict[str, TranslationResult]:
        """Translate ``texts`` into several targets, sharing the English leg of pivots."""
        source = argos_code(source)
        target_codes = list(dict.fromkeys(argos_code(t) for t in targets))
        texts = list(texts)
        if not texts or not target_codes:
            raise EmptyInputError(source, ",".join(target_codes) or "?")
        for index, text in enumerate(texts):
            if len(text) > self.max_segment_chars:
                raise OversizeInputError(
                    source, ",".join(target_codes), index, len(text), self.max_segment_chars
                )
        installed = self.models.installed()
        routes = {t: self._route(source, t, installed) for t in target_codes}
        glossary = glossary if glossary is not None else self.glossary
        memories = {argos_code(k): v for k, v in (memory or {}).items()}

        done: dict[str, dict[int, SegmentResult]] = {t: {} for t in target_codes}
        pending: dict[str, list[int]] = {}
        for target in target_codes:
            hits = _memory_hits(memories.get(target), texts)
            for index, text in enumerate(texts):
                if not text.strip():
                    done[target][index] = SegmentResult(text, text, (FLAG_BLANK,))
                elif not routes[target]:
                    done[target][index] = SegmentResult(text, text, (FLAG_SAME_LANGUAGE,))
                elif memory_key(text) in hits:
                    done[target][index] = SegmentResult(
                        text, hits[memory_key(text)], (FLAG_MEMORY,)
                    )
            pending[target] = [i for i in range(len(texts)) if i not in done[target]]

        units, assigned = self._prepare(texts, source, pending, glossary)
        self._run_legs(units, assigned, routes, installed)
        for (target, index), key in assigned.items():
            done[target][index] = self._assemble(units[key], texts[index], source, target, routes)

        return {
            target: self._result(
                source, target, routes[target], done[target], len(texts), installed
            )
            for target in target_codes
        }

    @staticmethod
    def _prepare(
        texts: list[str],
        source: str,
        pending: dict[str, list[int]],
        glossary: Glossary | None,
    ) -> tuple[dict[_UnitKey, _Unit], dict[tuple[str, int], _UnitKey]]:
        """Protect and split each pending segment once per distinct set of glossary terms."""
        units: dict[_UnitKey, _Unit] = {}
        assigned: dict[tuple[str, int], _UnitKey] = {}
        for target, indices in pending.items():
            for index in indices:
                key = (index, _terms(glossary, texts[index], source, target))
                if key not in units:
                    protected = protect(texts[index], key[1])
                    units[key] = _Unit(protected, split_sentences(protected.text, source))
                assigned[(target, index)] = key
        return units, assigned

    def _run_legs(
        self,
        units: dict[_UnitKey, _Unit],
        assigned: dict[tuple[str, int], _UnitKey],
        routes: dict[str, list[tuple[str, str]]],
        installed: Mapping[tuple[str, str], InstalledPackage],
    ) -> None:
        """Translate leg by leg; each distinct (leg, sentence) is computed once per call."""
        cache: dict[tuple[str, str], dict[str, SentenceTranslation]] = {}
        depth = max((len(r) for r in routes.values()), default=0)
        for step in range(depth):
            work = [
                (units[key], routes[target])
                for (target, _index), key in assigned.items()
                if step < len(routes[target])
            ]
            wanted: dict[tuple[str, str], list[str]] = {}
            for unit, route in work:
                wanted.setdefault(route[step], []).extend(_inputs(unit, route, step))
            for leg, sentences in wanted.items():
                known = cache.setdefault(leg, {})
                todo = [s for s in dict.fromkeys(sentences) if s not in known]
                if todo:
                    known.update(self.models.get(*leg, installed).translate(todo))
            for unit, route in work:
                chain = _chain(route[: step + 1])
                if chain not in unit.translations:
                    unit.translations[chain] = [
                        cache[route[step]].get(s, SentenceTranslation(s, False))
                        for s in _inputs(unit, route, step)
                    ]

    @staticmethod
    def _assemble(
        unit: _Unit,
        text: str,
        source: str,
        target: str,
        routes: dict[str, list[tuple[str, str]]],
    ) -> SegmentResult:
        route = routes[target]
        translated = unit.translations[_chain(route)]
        segmentation = unit.segmentation
        separators = [_separator(sep, source, target) for sep in segmentation.separators]
        if separators:
            separators[-1] = segmentation.separators[-1]  # the segment's own trailing space
        body = segmentation.leading + "".join(
            t.text + sep for t, sep in zip(translated, separators, strict=True)
        )
        restored = restore(body, unit.protected, source=source, target=target)
        flags = list(restored.flags)
        if len(route) > 1:
            flags.append(FLAG_PIVOT)
        if any(t.truncated for t in translated):
            flags.append(FLAG_TRUNCATED)
        return SegmentResult(text, restored.text, tuple(flags), tuple(unit.protected.glossary_keys))

    def _result(
        self,
        source: str,
        target: str,
        route: list[tuple[str, str]],
        done: dict[int, SegmentResult],
        count: int,
        installed: Mapping[tuple[str, str], InstalledPackage],
    ) -> TranslationResult:
        packages = [installed[leg] for leg in route]
        demonstration = any(p.demonstration for p in packages)
        segments = [done[i] for i in range(count)]
        if demonstration:
            segments = [
                s
                if set(s.flags) & {FLAG_BLANK, FLAG_MEMORY, FLAG_SAME_LANGUAGE}
                else SegmentResult(
                    s.source_text, s.text, (*s.flags, FLAG_DEMONSTRATION), s.glossary
                )
                for s in segments
            ]
        return TranslationResult(
            source=source,
            target=target,
            segments=segments,
            models=tuple(_describe(p) for p in packages),
            pivot=PIVOT_LANGUAGE if len(route) > 1 else None,
            demonstration=demonstration,
        )


def _chain(legs: Sequence[tuple[str, str]]) -> str:
    return ">".join(f"{a}-{b}" for a, b in legs)


def _inputs(unit: _Unit, route: list[tuple[str, str]], step: int) -> list[str]:
    """Sentences entering leg ``step``: the source's, or the previous leg's output."""
    if step == 0:
        return list(unit.segmentation.sentences)
    return [t.text for t in unit.translations[_chain(route[:step])]]


def _memory_hits(memory: MemoryLookup | None, texts: list[str]) -> Mapping[str, str]:
    if memory is None:
        return {}
    keys = list(dict.fromkeys(memory_key(t) for t in texts if t.strip()))
    if callable(memory):
        return memory(keys) or {}
    return {key: memory[key] for key in keys if key in memory}


def _terms(glossary: Glossary | None, text: str, source: str, target: str) -> tuple[Term, ...]:
    return tuple(glossary.terms(text, source, target)) if glossary else ()


def _separator(separator: str, source: str, target: str) -> str:
    """Whitespace between two translated sentences of one paragraph."""
    if "\n" in separator:
        return separator
    if target == "zh":
        return ""  # Chinese sentences follow each other without a space
    if source == "zh" and not separator:
        return " "
    return separator


def _describe(package: InstalledPackage) -> str:
    label = f"{package.pair} {package.version}".strip()
    return f"{label} (demonstration model)" if package.demonstration else label


_ENGINES: dict[Path, Engine] = {}
_ENGINES_LOCK = threading.Lock()


def engine_for(packages_dir: Path, **options: object) -> Engine:
    """The process-wide engine for a packages folder, so models load once per worker."""
    key = Path(packages_dir).resolve()
    with _ENGINES_LOCK:
        if key not in _ENGINES:
            _ENGINES[key] = Engine(key, **options)  # type: ignore[arg-type]
        return _ENGINES[key]
