"""Draft building: translated content goes into a new *revision*, never the live row.

wagtail-localize's ``save_target(publish=False)`` writes the draft into the page row of an
already-live page (the public sees unpublished machine text), creates missing parents as
live aliases, drops non-Latin slugs and ignores locks. This module does none of that: a
live target only gets a revision; missing parents become draft copies; the slug keeps its
script; a locked target is refused with a clear error.
"""

from __future__ import annotations

import json

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.db.models import Model
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.coreutils import find_available_slug
from wagtail.models import DraftStateMixin, Locale, LockableMixin, Page, Revision, RevisionMixin
from wagtail_localize.fields import copy_synchronised_fields
from wagtail_localize.models import TranslationSource
from wagtail_localize.segments.ingest import ingest_segments

from translation import selectors
from translation.models import SegmentReview
from translation.services.adopt import target_text_adopt


class TargetLockedError(Exception):
    """The target page or snippet is locked for the user the job runs for."""


# Fields that change with every save and say nothing about the content.
_VOLATILE = {
    "latest_revision",
    "latest_revision_created_at",
    "has_unpublished_changes",
    "draft_title",
    "live_revision",
    "last_published_at",
    "first_published_at",
    "live",
    "locked",
    "locked_at",
    "locked_by",
    "url_path",
    "numchild",
    "path",
    "depth",
    "comments",
    "wagtail_admin_comments",
}


def _content(instance: Model) -> dict:
    data = json.loads(json.dumps(instance.serializable_data(), default=str))
    return {key: value for key, value in data.items() if key not in _VOLATILE}


def _locked_for(instance: Model, user: AbstractBaseUser | None) -> str | None:
    if not isinstance(instance, LockableMixin | Page):
        return None
    lock = instance.get_lock()
    if lock is None:
        return None
    if user is None or lock.for_user(user):
        return str(lock.get_message(user) if user else _("it is locked"))
    return None


def _translation_lock(original: Model) -> None:
    """Hold ``original``'s row until the transaction ends, before looking for its translation.

    Jobs run side by side: a page's job and its child's job (which needs the parent in the
    same language) both found no Arabic parent and both copied it; the second copy failed
    on the slug and its job with it. Locks are taken child first, then ancestors, in every
    job, so two jobs never wait for each other in a circle. (SQLite writes one at a time.)
    """
    if transaction.get_connection().in_atomic_block:
        manager = type(original)._base_manager
        list(manager.select_for_update().filter(pk=original.pk).values_list("pk", flat=True))


def parent_ensure(page: Page, locale: Locale, user: AbstractBaseUser | None = None) -> Page:
    """The parent of ``page`` in ``locale``, created as a *draft* copy where missing."""
    parent = page.get_parent().specific
    if parent.is_root():
        return parent
    _translation_lock(parent)
    translated = parent.get_translation_or_none(locale)
    if translated is not None:
        return translated
    parent_ensure(parent, locale, user)
    # copy_for_translation without copy_parents makes an ordinary, non-live copy; with
    # copy_parents it would make live aliases of the ancestors.
    return parent.copy_for_translation(locale, copy_parents=False)


def _working_copy(
    original: Model, locale: Locale, user: AbstractBaseUser | None
) -> tuple[Model, Model | None]:
    """(object to write the translation into, existing target or None)."""
    _translation_lock(original)
    target = original.get_translation_or_none(locale)
    if target is not None:
        target = target.specific if isinstance(target, Page) else target
        message = _locked_for(target, user)
        if message:
            raise TargetLockedError(message)
        if isinstance(target, Page) and target.alias_of_id:
            # An alias cannot hold revisions. Its live content stays what it was (a copy
            # of the source); only its link to the source is cut.
            target.alias_of_id = None
            target.save(update_fields=["alias_of_id"], clean=False)
        if isinstance(target, RevisionMixin) and target.latest_revision_id:
            return target.get_latest_revision_as_object(), target
        return target, target
    if isinstance(original, Page):
        parent_ensure(original, locale, user)
        return original.copy_for_translation(locale, copy_parents=False), None
    copy = original.copy_for_translation(locale)
    if isinstance(copy, DraftStateMixin):
        copy.live = False
    return copy, None


def _title_reviewed(source: TranslationSource, locale: Locale) -> bool:
    return any(
        s.path == "title" and s.state == SegmentReview.State.REVIEWED
        for s in selectors.segments_for(source, locale)
    )


def _target_slug(
    original: Page, working: Page, slug_before: str, published: bool, title_reviewed: bool
) -> str:
    """The slug is not machine-translated: it is derived from the reviewed title.

    A translation that was ever published keeps its slug (its URL is out there), and so
    does one whose slug already differs from the source's: a person chose it (Wagtail's
    Promote tab) or it came from a reviewed title before. Until the title is reviewed a
    new translation keeps the source's slug.
    """
    if published or (slug_before and slug_before != original.slug):
        return slug_before
    if title_reviewed:
        return slugify(working.title, allow_unicode=True)[:255] or original.slug
    return original.slug


def _save_keeping_url(page: Page) -> None:
    """Save a non-live page row with the slug its row already has: a slug change would
    move the URLs of its (possibly live) subpages and make Wagtail's automatic redirects
    send the old address to the draft's, which answers 404. The translated slug travels
    in the revision and takes effect when the translation is published."""
    draft_slug = page.slug
    row_slug = Page.objects.filter(pk=page.pk).values_list("slug", flat=True).first()
    if row_slug is not None:
        page.slug = row_slug
    page.save(clean=False)
    page.slug = draft_slug


def draft_build(
    *,
    source: TranslationSource,
    locale: Locale,
    user: AbstractBaseUser | None = None,
    adopt: bool = True,
) -> Revision | None:
    """Write the current translations of ``source`` into ``locale`` as a draft revision.

    Returns the new revision, or None when nothing changed (no duplicate revisions) or the
    object has no drafts (a plain snippet: it is written when someone publishes).
    Untranslated segments show the source text in the draft, never on the public page.
    First, text people wrote in the target itself is adopted as their translation
    (``adopt``; a job adopts once when it starts), so the draft never loses it.
    """
    original = source.as_instance()
    if not isinstance(original, DraftStateMixin):
        return None
    with transaction.atomic():
        if adopt:
            target_text_adopt(source=source, locale=locale)
        working, existing = _working_copy(original, locale, user)
        slug_before = working.slug if existing is not None and isinstance(working, Page) else ""
        published = existing is not None and bool(getattr(existing, "first_published_at", None))
        copy_synchronised_fields(original, working)
        segments = source._get_segments_for_translation(locale, fallback=True)
        ingest_segments(original, working, source.locale, locale, segments)
        if isinstance(working, Page):
            working.slug = find_available_slug(
                working.get_parent(),
                _target_slug(
                    original, working, slug_before, published, _title_reviewed(source, locale)
                ),
                ignore_page_id=working.id,
            )
        latest = existing.latest_revision if existing is not None else None
        if latest is not None and _content(working) == {
            k: v for k, v in latest.content.items() if k not in _VOLATILE
        }:
            return None
        if not working.live:
            # Nobody sees a row that is not live: keep it in step with the draft so the
            # admin lists show the translated title.
            if isinstance(working, Page):
                _save_keeping_url(working)
            else:
                working.save()
        if isinstance(working, Page):
            overwrite = None
            if existing is None and working.latest_revision_id:
                # Wagtail's copy gave the new page a first revision holding the *source*
                # text; overwrite it rather than leave a duplicate behind.
                Revision.objects.filter(pk=working.latest_revision_id).update(
                    user=user if user is not None and user.is_authenticated else None
                )
                overwrite = Revision.objects.get(pk=working.latest_revision_id)
            return working.save_revision(
                user=user,
                changed=True,
                clean=False,
                log_action=True,
                overwrite_revision=overwrite,
            )
        return working.save_revision(user=user, clean=False, log_action=True)
