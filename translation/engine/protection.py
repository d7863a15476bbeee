"""Keep what must not be translated out of the model's reach, and put it back afterwards.

Inline markup (``<b>``, ``<a id="a1">`` from wagtail-localize), HTML entities, URLs,
e-mail addresses, placeholders (``{name}``, ``%(name)s``, ``{{ var }}``), UN document
symbols, decision numbers, numbers with units or separators and do-not-translate terms are replaced by
sentinels ``⟦n⟧`` before translation and restored byte-identical afterwards. Glossary terms
use the same mechanism with a replacement: the sentinel comes back as the forced
translation.

A model may drop, repeat or invent sentinels. Restoration never saves a broken result
silently: missing items are appended, repeats dropped, unknown sentinels removed (flag
``protected_moved``); and when the inline tags would not come out well formed, every tag
is removed and the segment is flagged ``markup_fallback`` for a reviewer.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

SENTINEL = "⟦{}⟧"
SENTINEL_RE = re.compile(r"⟦\s*(\d+)\s*⟧")
FLAG_MOVED = "protected_moved"
FLAG_MARKUP_FALLBACK = "markup_fallback"
FLAG_SOURCE_MARKUP_INVALID = "source_markup_invalid"

_TAG = r"</?[A-Za-z][A-Za-z0-9-]*(?:\s+[^<>]*?)?/?>"
_ENTITY = r"&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});"
_URL = r"(?:(?:https?|ftp)://|www\.)[^\s<>\"'⟦⟧]+"
_EMAIL = r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+"
_PLACEHOLDER = (
    r"\{\{.*?\}\}|\{%.*?%\}|%\([A-Za-z_][A-Za-z0-9_]*\)[-#0 +]?\d*(?:\.\d+)?[sdifrxXeEgGc%]"
    r"|%[sd]|\{[A-Za-z_0-9.\[\]]*(?:![rsa])?(?::[^{}]*)?\}|\$\{[A-Za-z_][A-Za-z0-9_]*\}"
)
_UN_SYMBOL = r"(?<![A-Za-z0-9/])[A-Z][A-Z0-9]{1,}(?:/(?:Add\.\d+|Rev\.\d+|Corr\.\d+|Amend\.\d+|[A-Z0-9]+(?:[.-][A-Z0-9]+)*))+"
# Not \b: in Chinese text a symbol touches word characters ("见XI/2").
_DECISION = r"(?<![A-Za-z0-9/.])(?:[IVXL]{1,6}|\d{1,2})/\d{1,3}(?![/\d])"
_DATE = r"(?<![A-Za-z0-9/.])\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}(?![/\d])"
_UNITS = r"%|‰|km²|km2|m²|m2|m³|ha|km|cm|mm|kg|mg|µg|t|GW|MW|kW|kWh|°C|°F|°|ppm|GB|MB|KB"
_NUMBER = r"\d{1,3}(?:[,\u00a0\u202f ]\d{3})+(?:\.\d+)?|\d+(?:[.,]\d+)?"
# A number with a group or decimal separator ("2,500", "3.5", "1 000,5" with a no-break
# space) comes back as written: a model that translates "," or "." as punctuation would
# turn it into "2،500" (an Arabic list comma) or "3。5" (an ideographic full stop).
_SEPARATED_NUMBER = (
    r"(?<![\w.,])(?:\d{1,3}(?:[,\u00a0\u202f]\d{3})+(?:[.,]\d+)?|\d+[.,]\d+)(?![\w]|[.,]\d)"
)
_MEASURE = (
    rf"(?:(?:US\$|USD|EUR|CHF|€|\$|£)\s?(?:{_NUMBER})|(?:{_NUMBER})\s?(?:{_UNITS})(?![A-Za-z]))"
)

# Public for the quality checks: a UN document symbol must come back unchanged.
UN_SYMBOL_RE = re.compile(_UN_SYMBOL)

# Order matters for overlaps: earlier patterns win when two matches start together.
_PATTERNS: tuple[tuple[str, str], ...] = (
    ("tag", _TAG),
    ("entity", _ENTITY),
    ("url", _URL),
    ("email", _EMAIL),
    ("placeholder", _PLACEHOLDER),
    ("symbol", _UN_SYMBOL),
    ("date", _DATE),
    ("decision", _DECISION),
    ("measure", _MEASURE),
    ("number", _SEPARATED_NUMBER),
)
_COMBINED = re.compile("|".join(f"(?P<{kind}>{pattern})" for kind, pattern in _PATTERNS))
_TAG_NAME = re.compile(r"</?\s*([A-Za-z][A-Za-z0-9-]*)")
_VOID_TAGS = {"br", "img", "hr", "wbr", "input", "meta", "link", "source", "col", "area"}
_TRAILING_URL_PUNCTUATION = ".,;:!?)]}'\""


@dataclass(frozen=True)
class Term:
    """A span to hide from the model: a do-not-translate term or a glossary term."""

    start: int
    end: int
    replacement: str | None = None  # None: restore the source text unchanged
    key: str = ""


@dataclass
class Item:
    index: int
    kind: str  # tag / entity / url / email / placeholder / symbol / … / term / glossary
    original: str
    replacement: str
    glue_left: bool
    glue_right: bool
    key: str = ""
    tag_name: str = ""
    tag_role: str = ""  # open / close / void


@dataclass
class Protected:
    """Text with sentinels, ready for the model, plus what the sentinels stand for."""

    source: str
    text: str
    items: list[Item] = field(default_factory=list)

    @property
    def glossary_keys(self) -> list[str]:
        return [item.key for item in self.items if item.key]


@dataclass
class Restored:
    text: str
    flags: list[str]


def protect(text: str, terms: Iterable[Term] = ()) -> Protected:
    """Replace every protected span of ``text`` by a sentinel ``⟦n⟧``.

    Sentinels are padded with spaces so that the model sees them as separate words; the
    original spacing is recorded and restored by :func:`restore`.
    """
    spans = _find_spans(text, terms)
    protected = Protected(source=text, text="")
    out: list[str] = []
    cursor = 0
    for start, end, kind, term in spans:
        out.append(text[cursor:start])
        original = text[start:end]
        item = Item(
            index=len(protected.items),
            kind=kind,
            original=original,
            replacement=original if term is None or term.replacement is None else term.replacement,
            glue_left=start > 0 and not text[start - 1].isspace(),
            glue_right=end < len(text) and not text[end].isspace(),
            key=term.key if term else "",
        )
        if kind == "tag":
            item.tag_name, item.tag_role = _tag_info(original)
        protected.items.append(item)
        out.append(f" {SENTINEL.format(item.index)} ")
        cursor = end
    out.append(text[cursor:])
    protected.text = "".join(out)
    # Padding is collapsed where it doubled existing spaces; ends are trimmed as they came.
    protected.text = re.sub(r"(?<=⟧) (?=\s)", "", protected.text)
    protected.text = re.sub(r"(?<=\s) (?=⟦)", "", protected.text)
    lead = len(text) - len(text.lstrip())
    trail = len(text) - len(text.rstrip())
    core = protected.text.strip()
    protected.text = text[:lead] + core + (text[len(text) - trail :] if trail else "")
    return protected


def _find_spans(text: str, terms: Iterable[Term]) -> list[tuple[int, int, str, Term | None]]:
    candidates: list[tuple[int, int, int, str, Term | None]] = []
    for match in _COMBINED.finditer(text):
        kind = match.lastgroup or "tag"
        start, end = match.span()
        if kind == "url":
            end = _trim_url(text, start, end)
        candidates.append((start, -(end - start), 0, kind, None))
    for term in terms:
        kind = "glossary" if term.replacement is not None else "term"
        candidates.append((term.start, -(term.end - term.start), 1, kind, term))
    candidates.sort(key=lambda c: (c[0], c[2], c[1]))
    chosen: list[tuple[int, int, str, Term | None]] = []
    taken_until = 0
    for start, negative_length, _priority, kind, term in candidates:
        end = start - negative_length
        if start < taken_until or end <= start:
            continue
        chosen.append((start, end, kind, term))
        taken_until = end
    return chosen


def _trim_url(text: str, start: int, end: int) -> int:
    """A URL at the end of a sentence does not own the full stop (or an unmatched ')')."""
    while end > start and text[end - 1] in _TRAILING_URL_PUNCTUATION:
        if text[end - 1] == ")" and text.count("(", start, end) >= text.count(")", start, end):
            break
        end -= 1
    return end


def _tag_info(tag: str) -> tuple[str, str]:
    match = _TAG_NAME.match(tag)
    name = match.group(1).lower() if match else ""
    if tag.startswith("</"):
        return name, "close"
    if tag.endswith("/>") or name in _VOID_TAGS:
        return name, "void"
    return name, "open"


def restore(translated: str, protected: Protected, *, source: str, target: str) -> Restored:
    """Put the protected items back into the model's output; flag anything repaired."""
    flags: list[str] = []
    items = protected.items
    translated = translated.replace("\x00", "")
    if not items:
        return Restored(translated, flags)
    order: list[int] = []
    pieces: list[str] = []
    cursor = 0
    for match in SENTINEL_RE.finditer(translated):
        pieces.append(translated[cursor : match.start()])
        index = int(match.group(1))
        if index >= len(items) or index in order:
            if FLAG_MOVED not in flags:
                flags.append(FLAG_MOVED)
            pieces.append("")  # unknown or repeated sentinel: dropped
        else:
            order.append(index)
            pieces.append(f"\x00{index}\x00")
        cursor = match.end()
    pieces.append(translated[cursor:])
    body = "".join(pieces)
    missing = [item.index for item in items if item.index not in order]
    if missing:
        if FLAG_MOVED not in flags:
            flags.append(FLAG_MOVED)
        # A lost tag cannot be put back in a meaningful place: the fallback below drops
        # the markup. Other items (a placeholder, a URL) must survive, at the end.
        kept = [index for index in missing if items[index].kind != "tag"]
        body = body.rstrip() + "".join(f" \x00{index}\x00" for index in kept)
        order.extend(kept)
    lost_tag = any(items[index].kind == "tag" for index in missing)

    tags_ok = True
    if any(item.kind == "tag" for item in items):
        source_order = [item.index for item in items if item.kind == "tag"]
        output_order = [index for index in order if items[index].kind == "tag"]
        if not _well_formed(items, source_order):
            flags.append(FLAG_SOURCE_MARKUP_INVALID)
            tags_ok = output_order == source_order
        else:
            tags_ok = not lost_tag and _well_formed(items, output_order)
        if not tags_ok:
            flags.append(FLAG_MARKUP_FALLBACK)
    text = _fill(body, items, tags_ok, source=source, target=target)
    return Restored(text, flags)


def _well_formed(items: Sequence[Item], order: Sequence[int]) -> bool:
    stack: list[str] = []
    for index in order:
        item = items[index]
        if item.tag_role == "open":
            stack.append(item.tag_name)
        elif item.tag_role == "close":
            if not stack or stack.pop() != item.tag_name:
                return False
    return not stack


_MARKER = re.compile(r"\x00(\d+)\x00")


def _fill(body: str, items: Sequence[Item], tags_ok: bool, *, source: str, target: str) -> str:
    """Replace markers by the items, fixing the spaces that the sentinel padding added."""
    unspaced_target = target == "zh"
    crosses_script = (source == "zh") != (target == "zh")
    parts = _MARKER.split(body)  # text, index, text, index, …, text
    texts = parts[0::2]
    markers = [items[int(index)] for index in parts[1::2]]
    dropped = [m.kind == "tag" and not tags_ok for m in markers]
    out: list[str] = []
    for position, text in enumerate(texts):
        before = markers[position - 1] if position > 0 else None
        after = markers[position] if position < len(markers) else None
        core = text.strip(" \t")
        if before is not None and after is not None and not core:
            # Two items side by side: one space unless the source had them touching.
            touching = before.glue_right or after.glue_left
            kinds = {before.kind, after.kind}
            # In Chinese, markup hugs its neighbour, but a URL must never touch one.
            hug = unspaced_target and kinds & {"tag", "entity"} and not kinds & {"url", "email"}
            gap = "" if touching or hug else " "
            gap = text if "\n" in text else gap
            out.append(gap)
        else:
            lead_ws = text[: len(text) - len(text.lstrip(" \t"))]
            trail_ws = text[len(text.rstrip(" \t")) :]
            if before is None:
                out.append(lead_ws)
            elif core and core[0] != "\n":
                out.append(_side_space(before, "right", unspaced_target, crosses_script, core[0]))
            out.append(core)
            if after is None:
                out.append(trail_ws)
            elif core and core[-1] != "\n":
                out.append(_side_space(after, "left", unspaced_target, crosses_script, core[-1]))
        if after is not None:
            out.append("" if dropped[position] else after.replacement)
    result = "".join(out)
    if any(dropped):
        result = re.sub(r"[ \t]{2,}", " ", result).strip(" \t")
    return result


def _side_space(
    item: Item,
    side: str,
    unspaced_target: bool,
    crosses_script: bool,
    neighbour: str,
) -> str:
    glued = item.glue_right if side == "right" else item.glue_left
    # The inner side of a tag hugs the words it wraps, in every language.
    inner = (item.tag_role == "open" and side == "right") or (
        item.tag_role == "close" and side == "left"
    )
    if inner and glued:
        return ""
    if unspaced_target:
        if glued or _is_closing_punctuation(neighbour, side):
            return ""
        # A URL touching Chinese characters would swallow them when auto-linked.
        latin_neighbour = neighbour.isascii() and neighbour.isalnum()
        return " " if item.kind in ("url", "email") or latin_neighbour else ""
    if crosses_script:
        return "" if _is_closing_punctuation(neighbour, side) else " "
    return "" if glued else " "


def _is_closing_punctuation(char: str, side: str) -> bool:
    if side == "right":
        return char in ".,;:!?)]}»”’%。，；：！？、）"
    return char in "([{«“‘¿¡（"
