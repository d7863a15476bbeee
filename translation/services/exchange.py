"""Exchange with translators: PO (gettext) and XLIFF 1.2 files per object and language.

Entries marked fuzzy (PO) or with a needs-review/new state (XLIFF) arrive *unreviewed*;
wagtail-localize's own import takes fuzzy entries as final.
"""

from __future__ import annotations

import polib
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from translate.storage import xliff
from wagtail.models import Locale
from wagtail_localize.models import StringTranslation, TranslationSource

from translation import selectors
from translation.models import MemoryEntry, SegmentReview
from translation.services.memory import ImportFormatError, memory_record

XLIFF_UNREVIEWED = {
    "new",
    "needs-translation",
    "needs-review-translation",
    "needs-adaptation",
    "needs-l10n",
    "needs-review-adaptation",
    "needs-review-l10n",
}


def po_export(*, source: TranslationSource, locale: Locale) -> str:
    po = polib.POFile(wrapwidth=0)
    po.metadata = {
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=utf-8",
        "Content-Transfer-Encoding": "8bit",
        "X-WagtailLocalize-TranslationID": str(source.pk),
        "Language": locale.language_code,
    }
    for segment in selectors.segments_for(source, locale):
        entry = polib.POEntry(
            msgctxt=segment.segment.context.path, msgid=segment.source_text, msgstr=segment.text
        )
        if segment.translation and segment.state != SegmentReview.State.REVIEWED:
            entry.flags.append("fuzzy")
        po.append(entry)
    return str(po)


def xliff_export(*, source: TranslationSource, locale: Locale) -> bytes:
    store = xliff.xlifffile(
        sourcelanguage=source.locale.language_code, targetlanguage=locale.language_code
    )
    for segment in selectors.segments_for(source, locale):
        unit = xliff.xliffunit(segment.source_text)
        store.addunit(unit)
        unit.setid(segment.segment.context.path)
        if segment.translation:
            unit.target = segment.text
            reviewed = segment.state == SegmentReview.State.REVIEWED
            target = unit.xmlelement.find(unit.namespaced("target"))
            target.set("state", "final" if reviewed else "needs-review-translation")
            unit.xmlelement.set("approved", "yes" if reviewed else "no")
    # translate-toolkit writes the 1.1 namespace; the content is valid 1.2.
    return (
        bytes(store)
        .replace(b"urn:oasis:names:tc:xliff:document:1.1", b"urn:oasis:names:tc:xliff:document:1.2")
        .replace(b'version="1.1"', b'version="1.2"', 1)
    )


def po_import(
    *, user: AbstractBaseUser, source: TranslationSource, locale: Locale, data: bytes
) -> int:
    try:
        po = polib.pofile(data.decode("utf-8-sig"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise ImportFormatError(_("The file is not a valid PO file.")) from exc
    entries = [(e.msgctxt or "", e.msgid, e.msgstr, "fuzzy" not in e.flags) for e in po if e.msgstr]
    if _holds_nul(entries):
        raise ImportFormatError(_("The file is not a valid PO file."))
    return _import(user=user, source=source, locale=locale, entries=entries)


def xliff_import(
    *, user: AbstractBaseUser, source: TranslationSource, locale: Locale, data: bytes
) -> int:
    try:
        store = xliff.xlifffile.parsestring(data)
    except Exception as exc:  # translate-toolkit raises lxml and its own errors
        raise ImportFormatError(_("The file is not a valid XLIFF 1.2 file.")) from exc
    entries = []
    for unit in store.getunits():
        if not unit.target:
            continue
        node = unit.xmlelement.find(unit.namespaced("target"))
        state = (node.get("state") if node is not None else None) or ""
        approved = unit.xmlelement.get("approved") == "yes"
        final = (
            (state in ("final", "signed-off", "translated") or approved)
            and (state not in XLIFF_UNREVIEWED)
            and not unit.isfuzzy()
        )
        entries.append((unit.xmlelement.get("id") or "", str(unit.source), str(unit.target), final))
    if _holds_nul(entries):
        raise ImportFormatError(_("The file is not a valid XLIFF 1.2 file."))
    return _import(user=user, source=source, locale=locale, entries=entries)


def _holds_nul(entries) -> bool:
    # No translation may hold a NUL character (PostgreSQL refuses them in text).
    return any("\x00" in part for entry in entries for part in entry[:3])


def _import(*, user, source, locale, entries: list[tuple[str, str, str, bool]]) -> int:
    """Write (context path, source text, translation, final?) rows; others are unreviewed."""
    language = locale.language_code
    if not selectors.can_edit(user, language):
        raise PermissionDenied(_("You may not edit translations into this language."))
    may_approve = selectors.can_review(user, language)
    by_path = {s.segment.context.path: s for s in selectors.segments_for(source, locale)}
    unknown = [path for path, *_rest in entries if path not in by_path]
    if unknown:
        raise ImportFormatError(
            _("The file does not match this page (unknown segments: %(paths)s).")
            % {"paths": ", ".join(unknown[:5])}
        )
    changed = 0
    with transaction.atomic():
        for path, source_text, text, final in entries:
            segment = by_path[path]
            if source_text != segment.source_text:
                continue  # translated from an older source text: not ours to apply
            translation, _created = StringTranslation.objects.update_or_create(
                translation_of_id=segment.segment.string_id,
                context_id=segment.segment.context_id,
                locale=locale,
                defaults={
                    "data": text,
                    "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                    "tool_name": "",
                    "last_translated_by": user,
                    "has_error": False,
                },
            )
            reviewed = final and may_approve
            SegmentReview.objects.update_or_create(
                translation=translation,
                defaults={
                    "origin": SegmentReview.Origin.IMPORT,
                    "state": SegmentReview.State.REVIEWED
                    if reviewed
                    else SegmentReview.State.MACHINE,
                    "reviewed_by": user if reviewed else None,
                    "reviewed_at": timezone.now() if reviewed else None,
                    "job": None,
                },
            )
            if reviewed:
                memory_record(
                    source_language=source.locale.language_code,
                    target_language=language,
                    source_text=source_text,
                    target_text=text,
                    origin=MemoryEntry.Origin.HUMAN,
                    user=user,
                )
            changed += 1
    return changed
