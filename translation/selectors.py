"""Reads of the translation workflow: segments and their state, jobs, reports."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Model, QuerySet
from wagtail.models import DraftStateMixin, Locale, Page
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    TranslatableObject,
    TranslationSource,
)
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments

from translation.models import JobTarget, SegmentReview, TranslationJob
from translation.models.review import review_permission_codename

State = SegmentReview.State
# Fields that are not reviewed as text: the slug of a translated page is derived from its
# reviewed title (services.drafts), never machine-translated word by word.
NOT_SEGMENT_PATHS = {"slug"}


@dataclass
class Segment:
    """One translatable string of a source object, with its translation into one locale."""

    segment: StringSegment
    translation: StringTranslation | None = None
    review: SegmentReview | None = None
    uid: str = ""

    @property
    def path(self) -> str:
        return self.segment.context.path

    @property
    def source_text(self) -> str:
        return self.segment.string.data

    @property
    def text(self) -> str:
        return self.translation.data if self.translation else ""

    @property
    def state(self) -> str:
        """``missing``, ``machine``, ``reviewed`` or ``stale``."""
        if self.translation is None:
            return "missing"
        if self.review is None:
            return State.REVIEWED  # written in wagtail-localize's own editor: a person
        return self.review.state

    @property
    def is_human(self) -> bool:
        """A person wrote or approved this text: machine output must never replace it."""
        if self.translation is None:
            return False
        if self.review is None:
            return True
        return self.review.origin in (SegmentReview.Origin.HUMAN, SegmentReview.Origin.IMPORT)


@dataclass
class Progress:
    total: int = 0
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def reviewed(self) -> int:
        return self.counts.get(State.REVIEWED, 0)

    @property
    def complete(self) -> bool:
        return self.total > 0 and self.reviewed == self.total


def source_for_object(
    obj: TranslatableObject, locale: Locale | None = None
) -> TranslationSource | None:
    """The translation source of an object (its original language unless ``locale``)."""
    sources = TranslationSource.objects.filter(object=obj)
    if locale is not None:
        sources = sources.filter(locale=locale)
    return sources.order_by("created_at").first()


def source_for_instance(instance: Model) -> TranslationSource | None:
    """The source this instance was translated from, or that it is (for the original)."""
    obj = TranslatableObject.objects.filter(translation_key=instance.translation_key).first()
    if obj is None:
        return None
    own = source_for_object(obj, instance.locale)
    return own or source_for_object(obj)


def is_source_instance(instance: Model) -> bool:
    """True unless the object has a translation source in another language (a target)."""
    return (
        not TranslationSource.objects.filter(object__translation_key=instance.translation_key)
        .exclude(locale_id=instance.locale_id)
        .exists()
    )


def segments_for(source: TranslationSource, locale: Locale) -> list[Segment]:
    """Every string segment of ``source`` in order, with its translation into ``locale``."""
    segments = list(
        StringSegment.objects.filter(source=source)
        .exclude(context__path__in=NOT_SEGMENT_PATHS)
        .select_related("string", "context")
        .order_by("order")
    )
    translations = {
        (t.translation_of_id, t.context_id): t
        for t in StringTranslation.objects.filter(
            locale=locale,
            translation_of_id__in=[s.string_id for s in segments],
            context_id__in=[s.context_id for s in segments],
        ).select_related("chm_review", "chm_review__reviewed_by")
    }
    result = []
    ordinals: dict[int, int] = {}
    for segment in segments:
        translation = translations.get((segment.string_id, segment.context_id))
        review = getattr(translation, "chm_review", None) if translation else None
        ordinals[segment.context_id] = ordinals.get(segment.context_id, 0) + 1
        uid = segment_uid(segment.context.path, ordinals[segment.context_id])
        result.append(Segment(segment, translation, review, uid))
    return result


def segment_uid(path: str, ordinal: int) -> str:
    """The id of a segment in the review screen, XLIFF and PO: field path + position.

    wagtail-localize gives all paragraphs of one rich-text block the same context path;
    the 1-based position among that path's segments makes each paragraph and sentence
    addressable on its own ("body.5f1c….#2"). It stays the same as long as the source
    keeps its structure; when paragraphs move, the text under an id changes and an
    import reports that unit as stale instead of writing it to the wrong paragraph.
    """
    return f"{path}#{ordinal}"


def progress_for(source: TranslationSource, locale: Locale) -> Progress:
    segments = segments_for(source, locale)
    progress = Progress(total=len(segments))
    for segment in segments:
        progress.counts[segment.state] = progress.counts.get(segment.state, 0) + 1
    return progress


def instance_unreviewed(instance: Model) -> bool:
    """A published translation that still contains segments no person reviewed."""
    source = source_for_instance(instance)
    if source is None or source.locale_id == instance.locale_id:
        return False
    progress = progress_for(source, instance.locale)
    return progress.total > 0 and not progress.complete


def can_review(user: AbstractBaseUser, language_code: str) -> bool:
    return user.is_active and user.has_perm(
        "translation." + review_permission_codename(language_code)
    )


def can_edit(user: AbstractBaseUser, language_code: str) -> bool:
    return can_review(user, language_code) or (
        user.is_active and user.has_perm("translation.edit_translation")
    )


def can_publish_unreviewed(user: AbstractBaseUser) -> bool:
    return user.is_active and user.has_perm("translation.publish_unreviewed")


def reviewable_languages(user: AbstractBaseUser) -> list[str]:
    return [code for code, _name in _content_languages() if can_review(user, code)]


def _content_languages() -> list[tuple[str, str]]:
    from django.conf import settings

    return list(settings.WAGTAIL_CONTENT_LANGUAGES)


def jobs_visible(user: AbstractBaseUser) -> QuerySet[TranslationJob]:
    """Jobs a user may see: all for editors, their own and their languages' otherwise."""
    jobs = TranslationJob.objects.select_related("source_locale", "requested_by").prefetch_related(
        "targets__locale"
    )
    if user.is_superuser or user.has_perm("translation.request_machine_translation"):
        return jobs
    languages = reviewable_languages(user)
    return jobs.filter(targets__locale__language_code__in=languages).distinct()


def active_target(obj: TranslatableObject, locale: Locale) -> JobTarget | None:
    return JobTarget.objects.filter(object=obj, locale=locale, active=True).first()


def draft_state_for(instance: Model) -> str:
    """``published`` when the translated instance is live, else ``draft``."""
    if isinstance(instance, Page | DraftStateMixin) and not instance.live:
        return "draft"
    return "published"


def segments_issues(
    source: TranslationSource, locale: Locale, segments: list[Segment] | None = None
) -> dict[str, list]:
    """Quality issues of each translated segment, by segment id (``translation.quality``)."""
    from translation.hints import glossary_hints
    from translation.models import GlossaryTerm
    from translation.quality import QualityChecker

    segments = segments if segments is not None else segments_for(source, locale)
    terms = list(GlossaryTerm.objects.all())
    keep = sorted({t.term_in(locale.language_code) for t in terms if t.do_not_translate} - {""})
    checker = QualityChecker(locale.language_code, keep)
    source_language = source.locale.language_code
    issues = {}
    for segment in segments:
        if segment.translation is None:
            continue
        missing = [
            hint.expected
            for hint in glossary_hints(
                terms, segment.source_text, segment.text, source_language, locale.language_code
            )
            if hint.missing
        ]
        issues[segment.uid] = checker.check(
            segment.source_text, segment.text, glossary_missing=missing
        )
    return issues


def error_count(issues: dict[str, list]) -> int:
    """How many segments have at least one error (what blocks publishing)."""
    return sum(1 for found in issues.values() if any(issue.is_error for issue in found))


def draft_preview_facts(instance: Model) -> dict[str, int] | None:
    """For a preview of a translation: how many segments are unreviewed machine output and
    how many came from a demonstration model (None when ``instance`` is not a translation).
    """
    source = source_for_instance(instance)
    if source is None or source.locale_id == instance.locale_id:
        return None
    segments = segments_for(source, instance.locale)
    unreviewed = [s for s in segments if s.translation is not None and s.state != State.REVIEWED]
    return {
        "total": len(segments),
        "unreviewed": len(unreviewed),
        "demonstration": sum(
            1 for s in unreviewed if s.review and "demonstration_model" in s.review.flags
        ),
    }


@dataclass
class PlanCell:
    """What a bulk machine translation would do for one page in one language: segments a
    person translated or approved are kept; only the others are machine-translated."""

    language: str
    total: int | None  # None: never translated (the segments are counted when it runs)
    human: int = 0  # written or approved by a person: kept
    to_translate: int = 0  # without any translation: what the job would machine-translate


def _texts_as_last_saved(page: Page) -> list[tuple[str, str]]:
    """(field path, text) of each segment of the page's latest revision: what a job would
    translate (it reads the latest revision too), so a draft edited since the last
    translation is counted as it is now, not as the stored source remembers it."""
    page = page.specific
    content = page.get_latest_revision_as_object() if page.latest_revision_id else page
    return [
        (value.path, value.string.data)
        for value in extract_segments(content)
        if isinstance(value, StringSegmentValue) and value.path not in NOT_SEGMENT_PATHS
    ]


def _plan_cell(code: str, texts: list[tuple[str, str]], segments: list[Segment]) -> PlanCell:
    """Match the page's current texts to the stored segments by path and text: an unchanged
    segment keeps its state; new or changed text has no translation yet."""
    stored: dict[tuple[str, str], list[Segment]] = {}
    for segment in segments:
        stored.setdefault((segment.path, segment.source_text), []).append(segment)
    human = missing = 0
    for key in texts:
        matches = stored.get(key)
        segment = matches.pop(0) if matches else None
        if segment is None or segment.translation is None:
            missing += 1
        elif segment.is_human or segment.state == State.REVIEWED:
            human += 1
    return PlanCell(code, len(texts), human, missing)


def bulk_translation_plan(pages: list[Page]) -> list[tuple[Page, list[PlanCell]]]:
    """For each page, per other language: how much is human-translated (kept) and how much
    machine translation would write. Reads only: nothing is created before confirmation."""
    plan = []
    for page in pages:
        source = source_for_instance(page)
        if source is not None and source.locale_id != page.locale_id:
            source = None  # the page is itself a translation of another page
        texts = _texts_as_last_saved(page) if source is not None else []
        cells = []
        for code, _name in _content_languages():
            if code == page.locale.language_code:
                continue
            locale = Locale.objects.filter(language_code=code).first()
            if source is None or locale is None:
                cells.append(PlanCell(code, None))
                continue
            cells.append(_plan_cell(code, texts, segments_for(source, locale)))
        plan.append((page, cells))
    return plan
