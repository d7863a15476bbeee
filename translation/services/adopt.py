"""People's own text in a target page becomes their translation before anything else runs.

A French page written or corrected in Wagtail's editor holds translations that
wagtail-localize knows nothing about (no ``StringTranslation``). Without this step a job
would see those segments as missing, machine-translate them and write the machine text
into the next draft over the person's work. ``target_text_adopt`` reads the target's
latest revision and records every segment whose text differs from the source (so a
person changed it) as a human translation: reviewed when that text is what the public
sees, unreviewed when it is only in a draft. Jobs never replace human translations.
"""

from __future__ import annotations

from django.db import transaction
from django.db.models import Model
from wagtail.models import Locale, Page, RevisionMixin
from wagtail_localize.models import StringTranslation, TranslationSource
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments

from translation import selectors
from translation.machine import memory_key
from translation.models import MemoryEntry, SegmentReview
from translation.models.memory import source_hash


def _target(source: TranslationSource, locale: Locale) -> tuple[Model, Model] | None:
    """(the target's latest content, the target row), or None when there is no target."""
    target = source.get_source_instance().get_translation_or_none(locale)
    if target is None:
        return None
    target = target.specific if isinstance(target, Page) else target
    if isinstance(target, RevisionMixin) and target.latest_revision_id:
        return target.get_latest_revision_as_object(), target
    return target, target


def _texts_by_path(instance: Model) -> dict[str, list[str]]:
    texts: dict[str, list[str]] = {}
    for value in extract_segments(instance):
        if isinstance(value, StringSegmentValue):
            texts.setdefault(value.path, []).append(value.string.data)
    return texts


def target_text_adopt(*, source: TranslationSource, locale: Locale) -> int:
    """Record the target's own human text as translations; returns how many were adopted.

    A field is compared only where the target has as many segments under its path as the
    source (same structure); a segment still equal to the source text is untranslated.
    """
    found = _target(source, locale)
    if found is None:
        return 0
    content, row = found
    theirs = _texts_by_path(content)
    public = bool(getattr(row, "live", True)) and not getattr(row, "has_unpublished_changes", False)
    revision = getattr(row, "latest_revision", None)
    author = revision.user if revision is not None else None
    segments = selectors.segments_for(source, locale)
    by_path: dict[str, list[selectors.Segment]] = {}
    for segment in segments:
        by_path.setdefault(segment.path, []).append(segment)
    adopted = 0
    with transaction.atomic():
        for path, ours in by_path.items():
            texts = theirs.get(path)
            if texts is None or len(texts) != len(ours):
                continue
            for segment, text in zip(ours, texts, strict=True):
                language = source.locale.language_code
                if _adopt(segment, text, locale, language, public, author):
                    adopted += 1
    return adopted


def _remembered(segment: selectors.Segment, text: str, languages: tuple[str, str]) -> bool:
    """An older machine or memory output for this text (a draft not rebuilt since)."""
    return MemoryEntry.objects.filter(
        source_language=languages[0],
        target_language=languages[1],
        normalized_hash=source_hash(memory_key(segment.source_text)),
        target_text=text,
    ).exists()


def _adopt(
    segment: selectors.Segment,
    text: str,
    locale: Locale,
    source_language: str,
    public: bool,
    author,
) -> bool:
    if not text.strip() or text == segment.source_text:
        return False  # still the copied source: not translated
    if segment.translation is not None and (
        segment.is_human
        or segment.translation.data == text
        or segment.state == SegmentReview.State.STALE
        or _remembered(segment, text, (source_language, locale.language_code))
    ):
        return False
    translation = segment.translation or StringTranslation(
        translation_of_id=segment.segment.string_id,
        context_id=segment.segment.context_id,
        locale=locale,
    )
    translation_text_by_person(translation, text, author)
    state = SegmentReview.State.REVIEWED if public else SegmentReview.State.MACHINE
    SegmentReview.objects.update_or_create(
        translation=translation,
        defaults={
            "origin": SegmentReview.Origin.HUMAN,
            "state": state,
            "job": None,
            "flags": "",
            "reviewed_by": author if public else None,
            "reviewed_at": translation.updated_at if public else None,
        },
    )
    return True


def translation_text_by_person(translation: StringTranslation, text: str, user) -> None:
    """`text`, written by `user` (in review, in an imported file or on the page itself),
    becomes the segment's translation, marked as a person's (manual) with no error."""
    translation.data = text
    translation.translation_type = StringTranslation.TRANSLATION_TYPE_MANUAL
    translation.tool_name = ""
    translation.last_translated_by = user
    translation.has_error = False
    translation.save()
