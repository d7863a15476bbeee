"""Hints for reviewers: glossary terms in a segment, and memory matches (exact and close)."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from translation.machine import memory_key
from translation.models import GlossaryTerm, MemoryEntry
from translation.models.memory import source_hash

CLOSE_RATIO = 0.75
CLOSE_CANDIDATES = 500
_TAGS = re.compile(r"<[^>]+>")


@dataclass(frozen=True)
class GlossaryHint:
    term: str
    expected: str
    missing: bool
    note: str


@dataclass(frozen=True)
class SourcePart:
    """A run of a segment's source text; ``hint`` is set where it is a glossary term."""

    text: str
    hint: GlossaryHint | None = None


@dataclass(frozen=True)
class MemoryMatch:
    pk: int
    source_text: str
    target_text: str
    origin: str
    exact: bool
    score: int  # percent


def plain(text: str) -> str:
    return _TAGS.sub("", text)


def glossary_hints(
    terms: list[GlossaryTerm], source: str, translation: str, source_lang: str, target_lang: str
) -> list[GlossaryHint]:
    hints = []
    text, translated = plain(source).lower(), plain(translation).lower()
    for term in terms:
        word = term.terms().get(source_lang, "")
        if not word or not _term_pattern(word).search(text):
            continue
        expected = term.term_in(target_lang)
        if not expected:
            continue
        hints.append(GlossaryHint(word, expected, expected.lower() not in translated, term.note))
    return hints


def _term_pattern(word: str) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)" + re.escape(word) + r"(?!\w)", re.IGNORECASE)


def source_parts(source: str, hints: list[GlossaryHint]) -> list[SourcePart]:
    """The source text cut so that each glossary term in it can be highlighted.

    Where terms overlap ("protected areas", "areas") the longer one wins.
    """
    found = sorted(
        (
            (match.start(), -len(match.group()), match.end(), hint)
            for hint in hints
            for match in _term_pattern(hint.term).finditer(source)
        ),
        key=lambda item: item[:2],
    )
    parts: list[SourcePart] = []
    position = 0
    for start, _length, end, hint in found:
        if start < position:
            continue  # inside a longer term already highlighted
        if start > position:
            parts.append(SourcePart(source[position:start]))
        parts.append(SourcePart(source[start:end], hint))
        position = end
    if position < len(source) or not parts:
        parts.append(SourcePart(source[position:]))
    return parts


def memory_matches(
    source: str,
    source_lang: str,
    target_lang: str,
    candidates: list[MemoryEntry],
    kind: str = MemoryEntry.Kind.TEXT,
) -> list[MemoryMatch]:
    """Up to three matches from the same kind of field (titles for titles).

    Where a person's translation of the exact text exists, machine output for that text
    is not offered as an exact match: after approval the reviewed text is the match.
    """
    key = memory_key(source)
    digest = source_hash(key)
    candidates = [entry for entry in candidates if entry.kind == kind]
    human_exact = any(
        e.normalized_hash == digest and e.origin == MemoryEntry.Origin.HUMAN for e in candidates
    )
    matches: list[MemoryMatch] = []
    for entry in candidates:
        if entry.normalized_hash == digest:
            if human_exact and entry.origin != MemoryEntry.Origin.HUMAN:
                continue
            matches.append(
                MemoryMatch(entry.pk, entry.source_text, entry.target_text, entry.origin, True, 100)
            )
            continue
        matcher = difflib.SequenceMatcher(None, key, memory_key(entry.source_text))
        if matcher.real_quick_ratio() < CLOSE_RATIO or matcher.quick_ratio() < CLOSE_RATIO:
            continue
        ratio = matcher.ratio()
        if ratio >= CLOSE_RATIO:
            matches.append(
                MemoryMatch(
                    entry.pk,
                    entry.source_text,
                    entry.target_text,
                    entry.origin,
                    False,
                    int(ratio * 100),
                )
            )
    matches.sort(key=lambda m: (not m.exact, m.origin != "human", -m.score))
    return matches[:3]


def memory_candidates(source_lang: str, target_lang: str, texts: list[str]) -> list[MemoryEntry]:
    """Exact matches for ``texts`` plus the most recent entries of the pair for close ones."""
    hashes = [source_hash(memory_key(t)) for t in texts]
    pair = MemoryEntry.objects.filter(source_language=source_lang, target_language=target_lang)
    exact = list(pair.filter(normalized_hash__in=hashes))
    recent = list(
        pair.exclude(normalized_hash__in=hashes).order_by("-updated_at")[:CLOSE_CANDIDATES]
    )
    return exact + recent
