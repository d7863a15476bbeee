"""Inline tags: what a translation must keep, and their numbering in the editor."""

from translation.inline_tags import tag_numbers, tag_problems

SOURCE = 'Read the <a id="a1">convention</a> and <b>act</b>.<br/>'


def test_moved_tags_are_fine():
    assert tag_problems(SOURCE, '<b>Agissez</b> et lisez la <a id="a1">convention</a>.<br/>') == []


def test_a_missing_tag_is_named():
    problems = tag_problems(SOURCE, 'Lisez la <a id="a1">convention</a> et agissez.<br/>')
    assert problems == ["The tag <b> is missing.", "The tag </b> is missing."]


def test_an_extra_tag_is_named():
    problems = tag_problems("Plain.", "<i>Texte</i>.")
    assert "The tag <i> is not in the source text." in problems


def test_crossed_tags_are_not_balanced():
    problems = tag_problems(SOURCE, '<a id="a1">Lisez <b>la</a> convention</b>.<br/>')
    assert problems == ["The tags are not balanced: </a> closes a tag that is not open."]


def test_a_closing_tag_before_its_opening_is_refused():
    assert tag_problems("<b>x</b>", "</b>x<b>")


def test_numbers_pair_openings_with_closings_in_source_order():
    numbers = tag_numbers(SOURCE)
    assert numbers == {
        '<a id="a1">#1': 1,
        "</a>#1": 1,
        "<b>#1": 2,
        "</b>#1": 2,
        "<br/>#1": 3,
    }
