"""Import of PO and XLIFF 1.2 files from translators, reported unit by unit.

Every unit of the file gets one outcome: *applied* (text or review state changed),
*unchanged*, *unknown id* (no such segment in the current source), *stale* (the source
text changed since the file was exported; the translation is not written) or *rejected*
(with the reason, e.g. a missing tag). A file that cannot be read, or is for another
language, changes nothing. The state mapping is the export's table read backwards
(``exchange`` module docstring): XLIFF ``state="final"``/``"signed-off"`` or
``approved="yes"`` (without a ``needs-*``/``new`` state) and PO entries without ``fuzzy``
arrive *reviewed* when the importer may review the language; everything else arrives
unreviewed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import polib
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, to_locale
from translate.storage import xliff
from wagtail.log_actions import log
from wagtail.models import Locale
from wagtail_localize.models import StringTranslation, TranslationSource

from translation import selectors
from translation.inline_tags import tag_problems
from translation.models import MemoryEntry, SegmentReview
from translation.models.memory import field_kind
from translation.services.adopt import translation_text_by_person
from translation.services.memory import ImportFormatError, memory_record

State = SegmentReview.State
IMPORT_ACTION = "chm_translation.import"
XLIFF_REVIEWED = {"final", "signed-off"}
XLIFF_UNREVIEWED = {
    "new",
    "needs-translation",
    "needs-review-translation",
    "needs-adaptation",
    "needs-l10n",
    "needs-review-adaptation",
    "needs-review-l10n",
}


class Outcome(models.TextChoices):
    APPLIED = "applied", gettext_lazy("Applied")
    UNCHANGED = "unchanged", gettext_lazy("Unchanged")
    UNKNOWN = "unknown", gettext_lazy("Unknown id")
    STALE = "stale", gettext_lazy("Source changed since export")
    REJECTED = "rejected", gettext_lazy("Rejected")


@dataclass(frozen=True)
class FileUnit:
    uid: str
    source_text: str
    text: str
    reviewed: bool


@dataclass(frozen=True)
class UnitResult:
    uid: str
    outcome: str
    reason: str = ""
    text: str = ""

    @property
    def outcome_label(self) -> str:
        return str(Outcome(self.outcome).label)


@dataclass
class ImportReport:
    results: list[UnitResult] = field(default_factory=list)

    def count(self, outcome: str) -> int:
        return sum(1 for result in self.results if result.outcome == outcome)

    @property
    def counts(self) -> list[tuple[str, str, int]]:
        return [(o.value, str(o.label), self.count(o.value)) for o in Outcome]


def po_read(data: bytes) -> tuple[str, list[FileUnit]]:
    """(language of the file or "", units) of a PO file."""
    try:
        po = polib.pofile(data.decode("utf-8-sig"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise ImportFormatError(_("The file is not a valid PO file.")) from exc
    units = [
        FileUnit(entry.msgctxt or "", entry.msgid, entry.msgstr, "fuzzy" not in entry.flags)
        for entry in po
        if not entry.obsolete
    ]
    return po.metadata.get("Language", ""), units


def xliff_read(data: bytes) -> tuple[str, list[FileUnit]]:
    """(target language of the file or "", units) of an XLIFF 1.2 file."""
    try:
        store = xliff.xlifffile.parsestring(data)
    except Exception as exc:  # translate-toolkit raises lxml's and its own errors
        raise ImportFormatError(_("The file is not a valid XLIFF 1.2 file.")) from exc
    units = []
    for unit in store.getunits():
        node = unit.xmlelement.find(unit.namespaced("target"))
        state = (node.get("state") if node is not None else None) or ""
        approved = unit.xmlelement.get("approved") == "yes"
        reviewed = state in XLIFF_REVIEWED or (approved and state not in XLIFF_UNREVIEWED)
        units.append(
            FileUnit(
                unit.xmlelement.get("id") or "",
                str(unit.source or ""),
                str(unit.target or ""),
                reviewed,
            )
        )
    return store.gettargetlanguage() or "", units


def translations_import(
    *, user: AbstractBaseUser, source: TranslationSource, locale: Locale, data: bytes, name: str
) -> ImportReport:
    """Apply a translator's PO or XLIFF file to ``source`` in ``locale``, unit by unit."""
    language = locale.language_code
    if not selectors.can_edit(user, language):
        raise PermissionDenied(_("You may not edit translations into this language."))
    is_xliff = name.lower().endswith((".xlf", ".xliff")) or data.lstrip().startswith(b"<")
    file_language, units = xliff_read(data) if is_xliff else po_read(data)
    if any("\x00" in part for unit in units for part in (unit.uid, unit.source_text, unit.text)):
        # PostgreSQL refuses NUL characters in text; no translation holds one.
        raise ImportFormatError(_("The file holds a NUL character; nothing was imported."))
    if file_language and _normal(file_language) != _normal(language):
        raise ImportFormatError(
            _("This file is a translation into “%(found)s”, not “%(expected)s”.")
            % {"found": file_language, "expected": language}
        )
    by_uid = {segment.uid: segment for segment in selectors.segments_for(source, locale)}
    may_review = selectors.can_review(user, language)
    report = ImportReport()
    seen: set[str] = set()
    with transaction.atomic():
        for unit in units:
            segment = by_uid.get(unit.uid)
            if unit.uid in seen:
                report.results.append(
                    UnitResult(unit.uid, Outcome.REJECTED, _("This id appears twice in the file."))
                )
            elif segment is None:
                report.results.append(
                    UnitResult(
                        unit.uid, Outcome.UNKNOWN, _("No segment has this id in the current text.")
                    )
                )
            elif unit.source_text != segment.source_text:
                report.results.append(
                    UnitResult(
                        unit.uid,
                        Outcome.STALE,
                        _("The source text changed after the file was exported; not applied."),
                    )
                )
            elif not unit.text.strip():
                report.results.append(
                    UnitResult(unit.uid, Outcome.UNCHANGED, _("No translation in the file."))
                )
            elif problems := tag_problems(segment.source_text, unit.text):
                report.results.append(
                    UnitResult(unit.uid, Outcome.REJECTED, " ".join(problems), unit.text)
                )
            else:
                report.results.append(
                    _apply(user, source, locale, segment, unit.text.strip(), unit, may_review)
                )
            seen.add(unit.uid)
        if report.count(Outcome.APPLIED):
            log(
                instance=source.get_source_instance(),
                action=IMPORT_ACTION,
                user=user,
                data={
                    "file": name[:200],
                    "language": language,
                    **{o.value: report.count(o.value) for o in Outcome},
                },
            )
    return report


def _normal(code: str) -> str:
    return to_locale(code.replace("_", "-")).lower()


def _apply(
    user: AbstractBaseUser,
    source: TranslationSource,
    locale: Locale,
    segment: selectors.Segment,
    text: str,
    unit: FileUnit,
    may_review: bool,
) -> UnitResult:
    reviewed = unit.reviewed and may_review
    note = (
        _("Kept unreviewed: you may not approve translations into this language.")
        if unit.reviewed and not may_review
        else ""
    )
    translation = (
        StringTranslation.objects.select_for_update()
        .filter(
            translation_of_id=segment.segment.string_id,
            context_id=segment.segment.context_id,
            locale=locale,
        )
        .first()
    )
    review = SegmentReview.objects.filter(translation=translation).first() if translation else None
    state = (review.state if review else State.REVIEWED) if translation else "missing"
    same_text = translation is not None and translation.data == text
    if reviewed:
        new_state = State.REVIEWED
    elif same_text and state != State.REVIEWED:
        new_state = state  # untouched unreviewed text keeps its state (machine or stale)
    elif same_text and not may_review:
        new_state = state  # only a reviewer takes back a review
    else:
        new_state = State.MACHINE
    if same_text and new_state == state:
        return UnitResult(unit.uid, Outcome.UNCHANGED, note, text)
    if translation is None:
        translation = StringTranslation(
            translation_of_id=segment.segment.string_id,
            context_id=segment.segment.context_id,
            locale=locale,
        )
    if not same_text:
        translation_text_by_person(translation, text, user)
    review = review or SegmentReview(translation=translation)
    if not same_text or new_state == State.REVIEWED:
        review.origin = SegmentReview.Origin.IMPORT
        review.job = None
    review.state = new_state
    review.reviewed_by = user if new_state == State.REVIEWED else None
    review.reviewed_at = timezone.now() if new_state == State.REVIEWED else None
    review.save()
    if new_state == State.REVIEWED:
        memory_record(
            source_language=source.locale.language_code,
            target_language=locale.language_code,
            source_text=segment.source_text,
            target_text=text,
            origin=MemoryEntry.Origin.HUMAN,
            user=user,
            kind=field_kind(segment.path),
        )
    return UnitResult(unit.uid, Outcome.APPLIED, note, text)
