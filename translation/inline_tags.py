"""Inline markup inside a segment: the tags a translation must keep, and their numbering.

wagtail-localize keeps inline markup in segment text as ``<b>``, ``<i>``, ``<a id="a1">``
and ``<br/>`` (link targets live elsewhere, keyed by the ``id``). A translation may move
these tags but must keep every one of them, properly nested: a lost ``</a>`` breaks the
page. The editor shows each tag as a numbered token (``tag_tokens``); saving and importing
call ``tag_problems``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

_TAG = re.compile(r"<(/?)([A-Za-z][\w:-]*)((?:\s[^<>]*?)?)\s*(/?)>")
VOID = {"br", "hr", "img", "wbr"}


@dataclass(frozen=True)
class Tag:
    text: str
    name: str
    closing: bool
    void: bool
    start: int
    end: int


def tags_of(text: str) -> list[Tag]:
    tags = []
    for match in _TAG.finditer(text):
        name = match.group(2).lower()
        tags.append(
            Tag(
                text=match.group(0),
                name=name,
                closing=bool(match.group(1)),
                void=bool(match.group(4)) or name in VOID,
                start=match.start(),
                end=match.end(),
            )
        )
    return tags


def tag_numbers(text: str) -> dict[str, int]:
    """Number each opening (or void) tag of ``text`` 1, 2, …; a closing tag shares its
    opening tag's number (keyed by the exact tag text, ``</b>#2`` for the second ``</b>``)."""
    numbers: dict[str, int] = {}
    seen: dict[str, int] = {}
    stack: list[int] = []
    counter = 0
    for tag in tags_of(text):
        seen[tag.text] = seen.get(tag.text, 0) + 1
        key = f"{tag.text}#{seen[tag.text]}"
        if tag.closing:
            numbers[key] = stack.pop() if stack else 0
            continue
        counter += 1
        numbers[key] = counter
        if not tag.void:
            stack.append(counter)
    return numbers


def tag_problems(source: str, target: str) -> list[str]:
    """Why ``target`` cannot stand for ``source``: missing, extra or badly nested tags.

    An empty list means the tags are all there and well formed; their order may differ
    (languages order words differently).
    """
    wanted = _counts(tags_of(source))
    found = _counts(tags_of(target))
    problems = []
    for text, count in wanted.items():
        if found.get(text, 0) < count:
            problems.append(_("The tag %(tag)s is missing.") % {"tag": text})
    for text, count in found.items():
        if wanted.get(text, 0) < count:
            problems.append(_("The tag %(tag)s is not in the source text.") % {"tag": text})
    if not problems:
        problems.extend(_nesting_problems(target))
    return problems


def _counts(tags: list[Tag]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for tag in tags:
        counts[tag.text] = counts.get(tag.text, 0) + 1
    return counts


def _nesting_problems(text: str) -> list[str]:
    stack: list[Tag] = []
    for tag in tags_of(text):
        if tag.void:
            continue
        if not tag.closing:
            stack.append(tag)
        elif not stack or stack[-1].name != tag.name:
            return [
                _("The tags are not balanced: %(tag)s closes a tag that is not open.")
                % {"tag": tag.text}
            ]
        else:
            stack.pop()
    if stack:
        return [_("The tag %(tag)s is never closed.") % {"tag": stack[-1].text}]
    return []
