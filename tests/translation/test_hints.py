"""Reviewer hints: glossary terms found in a segment and highlighted in its source."""

from translation.hints import GlossaryHint, source_parts


def hint(term: str, missing: bool = False) -> GlossaryHint:
    return GlossaryHint(term=term, expected=f"<{term}>", missing=missing, note="")


def marked(parts) -> str:
    return "".join(f"[{p.text}]" if p.hint else p.text for p in parts)


def test_each_occurrence_of_a_term_is_marked_whatever_its_case():
    parts = source_parts("Protected areas and other protected areas.", [hint("protected areas")])
    assert marked(parts) == "[Protected areas] and other [protected areas]."
    assert "".join(p.text for p in parts) == "Protected areas and other protected areas."


def test_the_longer_of_two_overlapping_terms_wins():
    parts = source_parts(
        "Marine protected areas cover 8 %.", [hint("areas"), hint("marine protected areas")]
    )
    assert marked(parts) == "[Marine protected areas] cover 8 %."
    assert parts[0].hint.term == "marine protected areas"


def test_a_term_inside_a_longer_word_is_not_marked():
    assert marked(source_parts("Parties and partnerships", [hint("Part")])) == (
        "Parties and partnerships"
    )


def test_without_terms_the_text_is_one_part():
    assert [p.text for p in source_parts("Texte", [])] == ["Texte"]
    assert [p.text for p in source_parts("", [])] == [""]
