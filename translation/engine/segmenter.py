"""Sentence splitting for the six UN languages, offline and deterministic.

Models translate sentences, and Argos's own splitter downloads a model on first use; this
one is rules only. It keeps the text's exact whitespace so that a translated segment can
be reassembled with the same paragraph and line structure.

A sentence ends after ``.!?…`` followed by whitespace, unless the word before the full stop
is a known abbreviation (``e.g.``, ``U.S.``, ``No.``, ``т. е.``), a single initial, or the
next word starts in lower case. Chinese ``。！？`` and Arabic ``؟ ۔`` end a sentence without
needing a space. Closing quotes and brackets stay with the sentence they close. A line
break always ends a sentence. Numbers (``3.14``) and document symbols never split because
their full stops are not followed by whitespace.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_CLOSERS = "\"'”’»)]}」』）》"
_BOUNDARY = re.compile(
    rf"(?P<cjk>[。！？]+[!?！？]*)(?P<cjk_close>[{re.escape(_CLOSERS)}]*)"
    # French closes quotes with a space before the guillemet: « Oui. »
    rf"|(?P<term>[.!?…؟۔]+)(?P<close>[{re.escape(_CLOSERS)}]*(?:[ \u00a0\u202f]»)?)(?=\s|$)"
)
_LINE_BREAK = re.compile(r"[ \t]*\r?\n\s*")
_LAST_WORD = re.compile(r"(\S+)$")
_DOTTED_ACRONYM = re.compile(r"(?:\w\.)+\w", re.UNICODE)

_COMMON_ABBREVIATIONS = {
    "e.g", "i.e", "etc", "cf", "vs", "viz", "approx", "no", "nos", "vol", "pp", "p",
    "para", "paras", "art", "fig", "rev", "add", "corr", "mr", "mrs", "ms", "dr", "prof",
    "st", "jr", "sr", "inc", "ltd", "co", "dept", "est", "jan", "feb", "mar", "apr", "jun",
    "jul", "aug", "sep", "sept", "oct", "nov", "dec", "ibid", "op", "ch", "sect", "ed",
    "eds", "al",
}  # fmt: skip
_ABBREVIATIONS = {
    "en": _COMMON_ABBREVIATIONS,
    "fr": _COMMON_ABBREVIATIONS | {"m", "mme", "mlle", "ex", "env", "chap", "av", "janv",
                                   "févr", "avr", "juil", "déc", "n°"},
    "es": _COMMON_ABBREVIATIONS | {"sra", "srta", "ej", "núm", "pág", "ud", "uds", "dto",
                                   "admón", "ene", "dic"},
    "ru": {"т", "е", "д", "п", "г", "гг", "см", "стр", "им", "др", "пр", "ст", "т.е", "т.д",
           "т.п", "т.к", "и.о", "млн", "млрд", "тыс", "руб", "рис", "табл", "ул", "акад"},
    "ar": _COMMON_ABBREVIATIONS,
    "zh": _COMMON_ABBREVIATIONS,
}  # fmt: skip
# Multi-word abbreviations whose last part alone is ambiguous ("p. ex.", "т. е.").
_ABBREVIATION_PAIRS = {"p. ex", "p. ej", "т. е", "т. д", "т. п", "и т. д", "e. g", "i. e"}
_CASELESS = {"ar", "zh"}


@dataclass(frozen=True)
class Segmentation:
    """A text cut into sentences. ``leading + Σ(sentence + separator) == text``."""

    leading: str
    sentences: tuple[str, ...]
    separators: tuple[str, ...]

    def join(self, sentences: list[str] | tuple[str, ...]) -> str:
        return self.leading + "".join(
            s + sep for s, sep in zip(sentences, self.separators, strict=True)
        )


def split_sentences(text: str, lang: str) -> Segmentation:
    """Cut ``text`` (language ``lang``, an Argos code) into sentences, keeping whitespace."""
    stripped = text.lstrip()
    leading = text[: len(text) - len(stripped)]
    sentences: list[str] = []
    separators: list[str] = []
    for line_start, line_end, line_break in _lines(stripped):
        start = line_start
        for cut in _cuts(stripped, line_start, line_end, lang):
            sentence_end = cut
            gap_end = cut
            while gap_end < line_end and stripped[gap_end].isspace():
                gap_end += 1
            if gap_end >= line_end:
                break
            sentences.append(stripped[start:sentence_end])
            separators.append(stripped[sentence_end:gap_end])
            start = gap_end
        body = stripped[start:line_end]
        trimmed = body.rstrip()
        if trimmed:
            sentences.append(trimmed)
            separators.append(body[len(trimmed) :] + line_break)
        elif separators:
            separators[-1] += body + line_break
        else:
            leading += body + line_break
    return Segmentation(leading, tuple(sentences), tuple(separators))


def _lines(text: str) -> list[tuple[int, int, str]]:
    """(start, end, line break that follows) for each line; blank lines fold into breaks."""
    lines = []
    start = 0
    for match in _LINE_BREAK.finditer(text):
        lines.append((start, match.start(), match.group()))
        start = match.end()
    lines.append((start, len(text), ""))
    return lines


def _cuts(text: str, start: int, end: int, lang: str) -> list[int]:
    """Offsets, inside one line, right after each sentence-final punctuation."""
    cuts = []
    for match in _BOUNDARY.finditer(text, start, end):
        if match.group("cjk"):
            cuts.append(match.end())
            continue
        if _is_boundary(text, match, end, lang):
            cuts.append(match.end())
    return cuts


def _is_boundary(text: str, match: re.Match[str], end: int, lang: str) -> bool:
    term = match.group("term")
    rest = text[match.end() : end].lstrip()
    if not rest:
        return True
    following = rest[0]
    if lang not in _CASELESS and following.islower():
        return False
    if term != "." or match.group("close"):
        return True
    word_match = _LAST_WORD.search(text, 0, match.start())
    word = word_match.group(1) if word_match else ""
    word = word.lstrip("\"'“‘«([{")
    if not word:
        return True
    lowered = word.lower()
    if lowered in _ABBREVIATIONS.get(lang, _COMMON_ABBREVIATIONS):
        return False
    before = text[max(0, match.start() - 8) : match.start()].lower()
    if any(before.endswith(pair) for pair in _ABBREVIATION_PAIRS):
        return False
    if len(word) == 1 and word.isalpha() and word.isupper():
        return False  # an initial: "J. Smith"
    if _DOTTED_ACRONYM.fullmatch(word):
        return False  # "U.S.", "e.g." written without the final dot check above
    return True
