"""Review actions: approve, edit, publish. Every approval feeds the translation memory."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log
from wagtail.models import DraftStateMixin, Locale, Page, Revision
from wagtail_localize.models import StringTranslation, TranslationSource

from translation import selectors
from translation.inline_tags import tag_problems
from translation.models import MemoryEntry, SegmentReview
from translation.models.memory import field_kind
from translation.services.adopt import translation_text_by_person
from translation.services.drafts import draft_build
from translation.services.memory import memory_record

PUBLISH_OVERRIDE = "chm_translation.publish_override"


class ReviewError(ValueError):
    """A review action that cannot be done (message fit for the user)."""


def _translation(translation_id: int) -> StringTranslation:
    translation = (
        # of=self: the context is the nullable side of an outer join, which PostgreSQL
        # cannot lock.
        StringTranslation.objects.select_for_update(of=("self",))
        .select_related("locale", "translation_of", "translation_of__locale", "context")
        .filter(pk=translation_id)
        .first()
    )
    if translation is None:
        raise ReviewError(_("This segment no longer exists; reload the page."))
    return translation


def segment_save(
    *, user: AbstractBaseUser, translation_id: int, text: str | None = None, approve: bool = True
) -> SegmentReview:
    """Edit and/or approve one segment.

    Reviewers of the language may approve; translators may edit, and their text stays
    unreviewed until a reviewer approves it. An edit is a human translation: no job will
    ever replace it. Approvals (edited or as is) go into the memory as human entries.
    """
    with transaction.atomic():
        translation = _translation(translation_id)
        language = translation.locale.language_code
        if approve and not selectors.can_review(user, language):
            raise PermissionDenied(_("You may not approve translations into this language."))
        if not selectors.can_edit(user, language):
            raise PermissionDenied(_("You may not edit translations into this language."))
        review, _created = SegmentReview.objects.get_or_create(
            translation=translation, defaults={"origin": SegmentReview.Origin.HUMAN}
        )
        if text is not None:
            text = text.strip()
            if not text:
                raise ReviewError(_("A translation cannot be empty."))
            problems = tag_problems(translation.translation_of.data, text)
            if problems:
                # A lost </a> or a stray <b> breaks the page: nothing is saved.
                raise ReviewError(" ".join(problems))
            if text != translation.data:
                translation_text_by_person(translation, text, user)
                review.origin = SegmentReview.Origin.HUMAN
        if approve:
            review.state = SegmentReview.State.REVIEWED
            review.reviewed_by = user
            review.reviewed_at = timezone.now()
            if review.origin in (SegmentReview.Origin.MACHINE, SegmentReview.Origin.MEMORY):
                # Approved as is: the text is now a person's decision.
                review.origin = SegmentReview.Origin.HUMAN
            memory_record(
                source_language=translation.translation_of.locale.language_code,
                target_language=language,
                source_text=translation.translation_of.data,
                target_text=translation.data,
                origin=MemoryEntry.Origin.HUMAN,
                user=user,
                kind=field_kind(translation.context.path if translation.context else ""),
            )
        elif text is not None and review.state == SegmentReview.State.REVIEWED:
            review.state = SegmentReview.State.MACHINE  # changed text needs a new approval
        review.save()
    return review


def draft_save(
    *, user: AbstractBaseUser, source: TranslationSource, locale: Locale
) -> Revision | None:
    if not selectors.can_edit(user, locale.language_code):
        raise PermissionDenied(_("You may not edit translations into this language."))
    return draft_build(source=source, locale=locale, user=user)


def translation_publish(
    *, user: AbstractBaseUser, source: TranslationSource, locale: Locale, reason: str = ""
) -> object:
    """Publish the translation of ``source`` into ``locale`` through Wagtail's publish path.

    Allowed to the language's reviewers when every segment is reviewed and no segment
    fails a quality check. Publishing earlier (needs ``publish_unreviewed``; the page then
    carries a notice) or over quality errors needs a ``reason``, recorded in the object's
    history (Wagtail's audit log, action ``chm_translation.publish_override``).
    """
    language = locale.language_code
    if not selectors.can_review(user, language):
        raise PermissionDenied(_("You may not publish translations into this language."))
    segments = selectors.segments_for(source, locale)
    progress = selectors.progress_for(source, locale)
    if not progress.total:
        raise ReviewError(_("There is nothing to publish yet."))
    missing = progress.counts.get("missing", 0)
    if missing:
        raise ReviewError(
            _("%(count)s segments have no translation yet; translate them first.")
            % {"count": missing}
        )
    if not progress.complete and not selectors.can_publish_unreviewed(user):
        raise ReviewError(
            _("Every segment must be reviewed before publishing (%(done)s of %(total)s).")
            % {"done": progress.reviewed, "total": progress.total}
        )
    errors = selectors.error_count(selectors.segments_issues(source, locale, segments))
    reason = reason.strip()
    if (errors or not progress.complete) and not reason:
        raise ReviewError(
            _(
                "Review is not complete or some segments have errors: give a reason to "
                "publish anyway."
            )
        )
    original = source.as_instance()
    with transaction.atomic():
        if not isinstance(original, DraftStateMixin):
            instance, _created = source.create_or_update_translation(
                locale, user=user, publish=True, fallback=False
            )
            _override_log(instance, user, reason, progress, errors)
            return instance
        draft_build(source=source, locale=locale, user=user)
        target = original.get_translation(locale)
        target = target.specific if isinstance(target, Page) else target
        revision = target.latest_revision
        if revision is None:
            raise ReviewError(_("There is no draft to publish."))
        # Our per-language review permission is the authority here: reviewers hold no
        # page permissions on the target tree.
        revision.publish(user=user, skip_permission_checks=True)
        _override_log(target, user, reason, progress, errors)
    target.refresh_from_db()
    return target


def _override_log(instance, user, reason: str, progress, errors: int) -> None:
    if not reason or (progress.complete and not errors):
        return  # nothing was overridden
    log(
        instance=instance,
        action=PUBLISH_OVERRIDE,
        user=user,
        data={
            "reason": reason,
            "reviewed": progress.reviewed,
            "total": progress.total,
            "error_segments": errors,
        },
    )
