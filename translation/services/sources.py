"""When a source is published: mark changed segments stale, notify, re-translate by rule."""

from __future__ import annotations

import logging

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Model
from wagtail.models import Locale, Page, Site
from wagtail_localize.models import StringSegment, StringTranslation, TranslationSource

from cms.queue import enqueue
from translation import selectors
from translation.models import MachineTranslationSettings, SegmentReview, TranslationJob
from translation.models.review import review_permission_codename
from translation.services.jobs import job_request

log = logging.getLogger(__name__)


def source_published(*, instance: Model, user=None) -> dict[str, int]:
    """Bring the source up to date after a publish; returns stale segments per language.

    Segments whose text changed lose their translation: where a translation of the old text
    exists it is carried over marked *stale* (a reviewer sees what it said); unchanged
    segments keep their translation and review. Reviewers of each affected language are
    told, and the per-site rule may start a job that re-translates only what is needed.
    """
    if isinstance(instance, Page):
        instance = instance.specific
    if not selectors.is_source_instance(instance):
        return {}
    had_source = TranslationSource.objects.filter(
        object__translation_key=instance.translation_key, locale=instance.locale
    ).exists()
    stale: dict[str, int] = {}
    if had_source:
        with transaction.atomic():
            source, _created = TranslationSource.update_or_create_from_instance(instance)
            stale = _mark_stale(source)
        if stale:
            _notify_async(source.pk, stale)
    rule = _rule_languages(instance)
    if rule:
        job_request(
            instance=instance,
            user=user,
            languages=rule,
            trigger=TranslationJob.Trigger.ON_PUBLISH,
        )
    return stale


def _rule_languages(instance: Model) -> list[str]:
    if not isinstance(instance, Page):
        return []
    site = instance.get_site() or Site.objects.filter(is_default_site=True).first()
    if site is None:
        return []
    languages = MachineTranslationSettings.for_site(site).translate_on_publish_into or []
    return [code for code in languages if code != instance.locale.language_code]


def _mark_stale(source: TranslationSource) -> dict[str, int]:
    segments = list(StringSegment.objects.filter(source=source).select_related("string"))
    current = {s.context_id: s.string_id for s in segments}
    stale: dict[str, int] = {}
    old = (
        StringTranslation.objects.filter(context_id__in=list(current))
        .exclude(locale_id=source.locale_id)
        .select_related("locale", "chm_review")
    )
    existing = {
        (t.translation_of_id, t.context_id, t.locale_id)
        for t in old
        if current.get(t.context_id) == t.translation_of_id
    }
    for translation in old:
        new_string = current.get(translation.context_id)
        if new_string is None or new_string == translation.translation_of_id:
            continue
        key = (new_string, translation.context_id, translation.locale_id)
        if key in existing:
            continue
        existing.add(key)
        carried = StringTranslation.objects.create(
            translation_of_id=new_string,
            context_id=translation.context_id,
            locale_id=translation.locale_id,
            data=translation.data,
            translation_type=translation.translation_type,
            tool_name=translation.tool_name,
        )
        old_review = getattr(translation, "chm_review", None)
        SegmentReview.objects.create(
            translation=carried,
            state=SegmentReview.State.STALE,
            origin=old_review.origin if old_review else SegmentReview.Origin.HUMAN,
        )
        code = translation.locale.language_code
        stale[code] = stale.get(code, 0) + 1
    return stale


def _notify_async(source_id: int, stale: dict[str, int]) -> None:
    enqueue("translation.tasks.reviewers_notify", source_id, stale, group="translation")


def reviewers_notify(*, source_id: int, stale: dict[str, int]) -> int:
    """E-mail each reviewer of an affected language, in their own language."""
    from django.conf import settings
    from django.core.mail import send_mail
    from django.urls import reverse
    from django.utils import translation as i18n
    from django.utils.translation import gettext, ngettext

    source = TranslationSource.objects.filter(pk=source_id).select_related("object").first()
    if source is None:
        return 0
    sent = 0
    User = get_user_model()
    for code, count in stale.items():
        locale = Locale.objects.filter(language_code=code).first()
        if locale is None:
            continue
        codename = review_permission_codename(code)
        reviewers = (
            User.objects.filter(is_active=True)
            .filter(groups__permissions__codename=codename)
            .distinct()
            .exclude(email="")
        )
        url = settings.SITE_URL.rstrip("/") + reverse("translation_review", args=[source.pk, code])
        for reviewer in reviewers:
            profile = getattr(reviewer, "profile", None)
            language = getattr(profile, "preferred_language", "") or "en"
            with i18n.override(language):
                subject = gettext("Source text changed: %(title)s") % {
                    "title": source.get_source_instance()
                }
                body = ngettext(
                    "%(count)s segment needs a new review: %(url)s",
                    "%(count)s segments need a new review: %(url)s",
                    count,
                ) % {"count": count, "url": url}
            send_mail(subject, body, None, [reviewer.email])
            sent += 1
    return sent
