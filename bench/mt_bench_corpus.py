"""CHM-like segments for the benchmark: mixed lengths, some inline markup and placeholders."""

from __future__ import annotations

import random

from translation.demo_models.lexicon import LANGUAGE_ORDER, ROWS

_ENDINGS = [".", ".", ".", ".", "!", "?"]


def _words(lang: str) -> list[str]:
    column = LANGUAGE_ORDER.index(lang)
    words = [w for row in ROWS for w in row[column].split() if w]
    # Abbreviations are where our splitter and the packaged one differ on purpose.
    return [w for w in words if "." not in w and "_" not in w]


def chm_segments(
    count: int, lang: str, *, seed: int = 2024, markup_share: float = 0.15
) -> list[str]:
    """``count`` segments of 1–4 sentences of 4–28 words; ~15 % carry markup."""
    rng = random.Random(seed)
    words = _words(lang)
    segments = []
    for _ in range(count):
        sentences = []
        for _ in range(rng.choice([1, 1, 2, 2, 2, 3, 4])):
            length = rng.choice([4, 6, 8, 10, 12, 14, 16, 18, 22, 28])
            chosen = [rng.choice(words) for _ in range(length)]
            chosen[0] = chosen[0][:1].upper() + chosen[0][1:]
            sentences.append(" ".join(chosen) + rng.choice(_ENDINGS))
        if rng.random() < markup_share:
            i = rng.randrange(len(sentences))
            tokens = sentences[i].split(" ")
            a = rng.randrange(len(tokens))
            b = min(len(tokens) - 1, a + rng.randint(0, 3))
            open_tag, close_tag = rng.choice(
                [("<b>", "</b>"), ("<i>", "</i>"), ('<a id="a1">', "</a>")]
            )
            tokens[a] = open_tag + tokens[a]
            tokens[b] = (
                tokens[b] + close_tag
                if tokens[b][-1] not in ".!?"
                else (tokens[b][:-1] + close_tag + tokens[b][-1])
            )
            extra = rng.choice(["", " {name}", " https://www.cbd.int/chm", " UNEP/CBD/COP/12/11"])
            sentences[i] = " ".join(tokens)
            if extra:
                sentences[i] = sentences[i][:-1] + extra + sentences[i][-1]
        segments.append(" ".join(sentences))
    return segments


def changed_copy(segments: list[str], share: float, *, seed: int = 7) -> tuple[list[str], int]:
    """The same segments with ``share`` of them edited (one word appended to a sentence)."""
    rng = random.Random(seed)
    edited = list(segments)
    picked = rng.sample(range(len(segments)), max(1, round(len(segments) * share)))
    for index in picked:
        text = edited[index]
        edited[index] = text[:-1] + " biodiversity" + text[-1]
    return edited, len(picked)
