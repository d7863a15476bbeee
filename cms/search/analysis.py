"""Text analysis for site search, the same at index and at query time, in the six languages.

- Arabic, English, French, Russian, Spanish: words, case-folded, Arabic diacritics and
  tatweel removed, then reduced to their Snowball stem (PyStemmer): "сотрудничество" and
  "сотрудничества" are one term.
- Chinese: runs of Han characters are cut into words by jieba (`cut_for_search` when
  indexing, so long words also give their parts) and, for recall, into character bigrams; a
  query word matches a document holding the word, or holding all of its bigrams.
- Notification numbers (`2014-107`) and UN symbols (`UNEP/CBD/COP/12/11`) are also kept
  whole, so they are found exactly, whatever the language.
Pure Python, no Django: the index (`cms.search.indexing`) and the query
(`cms.search.selectors`) both call it.
"""

from __future__ import annotations

import logging
import re
from functools import cache

import jieba
import Stemmer

jieba.setLogLevel(logging.WARNING)

STEMMERS = {"ar": "arabic", "en": "english", "es": "spanish", "fr": "french", "ru": "russian"}
CHINESE = "zh-hans"
MAX_TERM_LENGTH = 64

EXACT = re.compile(
    r"(?<![\w/-])(?:\d{4}-\d{3,4}|[A-Za-z][A-Za-z0-9.-]*(?:/[A-Za-z0-9.-]+)+)(?![\w/-])"
)
WORD = re.compile(r"\w+")
HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
ARABIC_MARKS = re.compile(r"[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")


@cache
def _stemmer(language: str) -> Stemmer.Stemmer | None:
    algorithm = STEMMERS.get(language)
    return Stemmer.Stemmer(algorithm) if algorithm else None


def exact_terms(text: str) -> list[str]:
    """Notification numbers and UN symbols, whole and lower-cased."""
    terms = (match.group().rstrip(".-").lower() for match in EXACT.finditer(text))
    return [term for term in terms if len(term) <= MAX_TERM_LENGTH]


def _words(text: str, language: str) -> list[str]:
    # Diacritics are not word characters: remove them before cutting words.
    words = [word.casefold() for word in WORD.findall(ARABIC_MARKS.sub("", text))]
    stemmer = _stemmer(language)
    if stemmer is not None:
        words = stemmer.stemWords(words)
    return [word for word in words if word and len(word) <= MAX_TERM_LENGTH]


def bigrams(han: str) -> list[str]:
    return [han[i : i + 2] for i in range(len(han) - 1)]


def index_terms(text: str, language: str) -> set[str]:
    """Every term a document's text is found by."""
    terms = set(exact_terms(text))
    if language == CHINESE:
        for run in HAN_RUN.findall(text):
            terms.update(word for word in jieba.cut_for_search(run) if len(word) > 1)
            terms.update(bigrams(run))
        text = HAN_RUN.sub(" ", text)
    terms.update(_words(text, language))
    return terms


def query_terms(query: str, language: str) -> list[list[list[str]]]:
    """What a query asks for: every item must match; an item matches a document holding all
    the terms of any one of its alternatives (a Chinese word, or all of its bigrams)."""
    items: list[list[list[str]]] = [[[term]] for term in exact_terms(query)]
    rest = EXACT.sub(" ", query)
    if language == CHINESE:
        for run in HAN_RUN.findall(rest):
            for word in jieba.cut(run):
                if len(word) > 1:
                    items.append([[word], bigrams(word)] if len(word) > 2 else [[word]])
        rest = HAN_RUN.sub(" ", rest)
    items.extend([[word]] for word in _words(rest, language))
    return items
