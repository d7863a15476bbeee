"""Translation memory and glossary writes (including TBX and CSV imports)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from translation.machine import memory_key
from translation.models import GlossaryTerm, MemoryEntry
from translation.models.glossary import TERM_FIELDS
from translation.models.memory import source_hash


class ImportFormatError(ValueError):
    """A file that cannot be imported (message fit for the user)."""


def memory_record(
    *,
    source_language: str,
    target_language: str,
    source_text: str,
    target_text: str,
    origin: str = MemoryEntry.Origin.HUMAN,
    user: AbstractBaseUser | None = None,
    kind: str = MemoryEntry.Kind.TEXT,
) -> MemoryEntry | None:
    """Remember a pair; a person's newer translation replaces their older one.

    ``kind`` is the kind of field (``models.memory.field_kind``): reviewers are offered
    a title's translation for titles only.
    """
    if not source_text.strip() or not target_text.strip():
        return None
    digest = source_hash(memory_key(source_text))
    entry, created = MemoryEntry.objects.update_or_create(
        source_language=source_language,
        target_language=target_language,
        normalized_hash=digest,
        origin=origin,
        kind=kind,
        defaults={
            "source_text": source_text,
            "target_text": target_text,
            "created_by": user if user is not None and user.is_authenticated else None,
        },
    )
    return entry


def memory_record_many(
    *,
    source_language: str,
    target_language: str,
    pairs: Iterable[tuple[str, str, str]],
    origin: str,
) -> int:
    """Remember (source text, translation, kind of field) triples, as `memory_record` does
    one by one, in one read and two writes: a job stores a whole batch at a time. A source
    repeated in the batch keeps its last translation; an entry another job writes at the
    same moment is kept (both are the same kind of text for the same source)."""
    wanted: dict[tuple[str, str], tuple[str, str]] = {}
    for source_text, target_text, kind in pairs:
        if source_text.strip() and target_text.strip():
            wanted[(source_hash(memory_key(source_text)), kind)] = (source_text, target_text)
    if not wanted:
        return 0
    same_pair = {
        "source_language": source_language,
        "target_language": target_language,
        "origin": origin,
    }
    existing = {
        (entry.normalized_hash, entry.kind): entry
        for entry in MemoryEntry.objects.filter(
            **same_pair, normalized_hash__in={digest for digest, _kind in wanted}
        )
    }
    now = timezone.now()
    changed, created = [], []
    for (digest, kind), (source_text, target_text) in wanted.items():
        entry = existing.get((digest, kind))
        if entry is None:
            entry = MemoryEntry(**same_pair, normalized_hash=digest, kind=kind)
            created.append(entry)
        else:
            changed.append(entry)
        entry.source_text, entry.target_text = source_text, target_text
        entry.created_by, entry.updated_at = None, now
    fields = ["source_text", "target_text", "created_by", "updated_at"]
    MemoryEntry.objects.bulk_update(changed, fields, batch_size=500)
    MemoryEntry.objects.bulk_create(created, batch_size=500, ignore_conflicts=True)
    return len(wanted)


def memory_use(*, entry_ids: Iterable[int]) -> None:
    MemoryEntry.objects.filter(pk__in=list(entry_ids)).update(use_count=F("use_count") + 1)


def memory_import_csv(
    *, data: bytes, source_language: str, target_language: str, user: AbstractBaseUser | None
) -> int:
    """Import ``source,target`` rows (UTF-8, optional header) as human entries."""
    text = _decode(data)
    rows = list(csv.reader(io.StringIO(text)))
    if rows and [c.strip().lower() for c in rows[0][:2]] == ["source", "target"]:
        rows = rows[1:]
    bad = [i + 1 for i, row in enumerate(rows) if row and len(row) < 2]
    if bad:
        raise ImportFormatError(
            _("Rows %(rows)s need two columns: source and translation.")
            % {"rows": ", ".join(map(str, bad[:10]))}
        )
    with transaction.atomic():
        return sum(
            1
            for row in rows
            if row
            and memory_record(
                source_language=source_language,
                target_language=target_language,
                source_text=row[0],
                target_text=row[1],
                user=user,
            )
        )


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportFormatError(_("The file is not UTF-8 text.")) from exc


def glossary_import_csv(*, data: bytes) -> int:
    """Import a CSV whose header names languages (en, ar, …) plus optional dnt and note."""
    rows = list(csv.DictReader(io.StringIO(_decode(data))))
    if not rows:
        return 0
    columns = {c.strip().lower() for c in rows[0]}
    if not columns & set(TERM_FIELDS):
        raise ImportFormatError(
            _("The first row must name the languages of the columns (en, ar, es, fr, ru, zh-hans).")
        )
    with transaction.atomic():
        for row in rows:
            clean = {k.strip().lower(): (v or "").strip() for k, v in row.items() if k}
            _glossary_upsert(
                {code: clean.get(code, "") for code in TERM_FIELDS},
                do_not_translate=clean.get("dnt", "").lower() in ("1", "yes", "true", "x"),
                note=clean.get("note", ""),
            )
    return len(rows)


def glossary_import_tbx(*, data: bytes) -> int:
    """Import TBX (termEntry / langSet / term, with an optional note)."""
    from xml.etree import ElementTree  # noqa: S405 (parsing with defused entities below)

    if b"<!ENTITY" in data or b"<!DOCTYPE" in data:
        raise ImportFormatError(_("TBX files with a DOCTYPE or entities are refused."))
    try:
        root = ElementTree.fromstring(data)  # noqa: S314 (DOCTYPE/entities refused above)
    except ElementTree.ParseError as exc:
        raise ImportFormatError(_("The file is not valid TBX: %(error)s") % {"error": exc}) from exc
    xml_lang = "{http://www.w3.org/XML/1998/namespace}lang"
    count = 0
    with transaction.atomic():
        for entry in root.iter():
            if _local(entry.tag) not in ("termEntry", "conceptEntry"):
                continue
            terms: dict[str, str] = {}
            note = ""
            for node in entry.iter():
                tag = _local(node.tag)
                if tag in ("langSet", "langSec"):
                    lang = (node.get(xml_lang) or node.get("lang") or "").lower()
                    lang = "zh-hans" if lang.startswith("zh") else lang.split("-")[0]
                    term = next((t.text or "" for t in node.iter() if _local(t.tag) == "term"), "")
                    if lang in TERM_FIELDS and term.strip():
                        terms[lang] = term.strip()
                elif tag in ("note", "descrip") and node.text and not note:
                    note = node.text.strip()
            if terms:
                dnt = len(set(terms.values())) == 1 and len(terms) > 1
                _glossary_upsert(terms, do_not_translate=dnt, note=note)
                count += 1
    return count


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _glossary_upsert(terms: dict[str, str], *, do_not_translate: bool, note: str) -> GlossaryTerm:
    key_code = next((c for c in ("en", *TERM_FIELDS) if terms.get(c)), None)
    if key_code is None:
        raise ImportFormatError(_("A glossary entry has no term in any language."))
    lookup = {TERM_FIELDS[key_code] + "__iexact": terms[key_code]}
    term = GlossaryTerm.objects.filter(**lookup).first() or GlossaryTerm()
    for code, value in terms.items():
        if value:
            setattr(term, TERM_FIELDS[code], value)
    term.do_not_translate = do_not_translate or term.do_not_translate
    term.note = note or term.note
    term.save()
    return term
