"""Sentence splitting on each language's tricky cases."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from translation.engine.segmenter import split_sentences


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "Hello world. This is a test!", ["Hello world.", "This is a test!"]),
        ("en", "Pi is 3.14 today. Yes.", ["Pi is 3.14 today.", "Yes."]),
        (
            "en",
            "The U.S. delegation spoke. Then it left.",
            ["The U.S. delegation spoke.", "Then it left."],
        ),
        ("en", "Use e.g. a glossary. Done.", ["Use e.g. a glossary.", "Done."]),
        (
            "en",
            "See document UNEP/CBD/COP/12/11. It is long.",
            ["See document UNEP/CBD/COP/12/11.", "It is long."],
        ),
        (
            "en",
            "Dr. Smith and J. Doe met. No. 5 was late.",
            ["Dr. Smith and J. Doe met.", "No. 5 was late."],
        ),
        ("en", "Wait... and see. Really?! Yes.", ["Wait... and see.", "Really?!", "Yes."]),
        ("en", 'He said "Stop." Then he left.', ['He said "Stop."', "Then he left."]),
        ("en", "It works (see annex I.) Next one.", ["It works (see annex I.)", "Next one."]),
        ("en", "First line\nSecond line", ["First line", "Second line"]),
        ("en", "Wait… Then go.", ["Wait…", "Then go."]),
        ("fr", "M. Dupont est là. Il parle.", ["M. Dupont est là.", "Il parle."]),
        ("fr", "Voir p. ex. la décision. Fin.", ["Voir p. ex. la décision.", "Fin."]),
        ("fr", "« Oui. » Non.", ["« Oui. »", "Non."]),
        (
            "es",
            "¿Qué es esto? ¡Es biodiversidad! Bien.",
            ["¿Qué es esto?", "¡Es biodiversidad!", "Bien."],
        ),
        ("es", "La Sra. García habló. Luego salió.", ["La Sra. García habló.", "Luego salió."]),
        ("ru", "Это т. е. пример. Конец.", ["Это т. е. пример.", "Конец."]),
        ("ru", "В 2020 г. было так. Теперь иначе.", ["В 2020 г. было так.", "Теперь иначе."]),
        (
            "zh",
            "你好世界。这是一个测试！真的吗？是的",
            ["你好世界。", "这是一个测试！", "真的吗？", "是的"],
        ),
        ("zh", "他说：“好。”然后走了。", ["他说：“好。”", "然后走了。"]),
        ("ar", "هل هذا صحيح؟ نعم۔ شكرا.", ["هل هذا صحيح؟", "نعم۔", "شكرا."]),
        ("ar", "التنوع البيولوجي مهم. نحن نحميه.", ["التنوع البيولوجي مهم.", "نحن نحميه."]),
    ],
)
def test_tricky_cases(lang: str, text: str, expected: list[str]) -> None:
    assert list(split_sentences(text, lang).sentences) == expected


def test_whitespace_and_line_structure_are_kept() -> None:
    text = "  Para one. Still one.\n\n  Para two.  "
    seg = split_sentences(text, "en")
    assert seg.sentences == ("Para one.", "Still one.", "Para two.")
    assert seg.join(seg.sentences) == text
    assert seg.join(["A", "B", "C"]) == "  A B\n\n  C  "


def test_blank_text_has_no_sentences() -> None:
    assert split_sentences("", "en").sentences == ()
    assert split_sentences(" \n ", "fr").join([]) == " \n "


@given(st.text(alphabet=st.sampled_from(list("ab .!?。؟\n\t¿“”")), max_size=60))
def test_join_reconstructs_any_text(text: str) -> None:
    for lang in ("en", "zh", "ar"):
        seg = split_sentences(text, lang)
        assert seg.join(seg.sentences) == text
        assert all(s == s.strip() and s for s in seg.sentences)
