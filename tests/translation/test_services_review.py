"""Review: permissions per language, memory feed, publish rules, notice, staleness."""

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from wagtail_localize.models import TranslationSource

from cms.models import ContentPage
from tests.translation.builders import english_page, locale, mt_models, user  # noqa: F401
from translation import selectors, services
from translation.models import MachineTranslationSettings, MemoryEntry, SegmentReview

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("mt_models")]


def _translated(slug, languages=("ar",)):
    page = english_page(slug=slug)
    services.job_run(
        job_id=services.job_request(instance=page, user=None, languages=list(languages)).pk
    )
    source = TranslationSource.objects.get(object_id=page.translation_key, locale=page.locale)
    return page, source


def test_reviewers_approve_only_their_language_and_translators_cannot_approve():
    page, source = _translated("perms", ("ar", "fr"))
    arabic = selectors.segments_for(source, locale("ar"))[0]
    french = selectors.segments_for(source, locale("fr"))[0]
    reviewer = user("rev-ar", "Reviewers — Arabic")
    translator = user("translator", "Translators")
    services.segment_save(user=reviewer, translation_id=arabic.translation.pk)
    with pytest.raises(PermissionDenied):
        services.segment_save(user=reviewer, translation_id=french.translation.pk)
    with pytest.raises(PermissionDenied):
        services.segment_save(user=translator, translation_id=french.translation.pk)
    review = services.segment_save(
        user=translator,
        translation_id=french.translation.pk,
        text="Les aires protégées du monde",
        approve=False,
    )
    assert review.state == SegmentReview.State.MACHINE  # edited, still to be approved
    assert review.origin == SegmentReview.Origin.HUMAN
    editor = user("editor", "Editors")
    assert services.segment_save(user=editor, translation_id=french.translation.pk).state == (
        SegmentReview.State.REVIEWED
    )


def test_approval_feeds_the_memory_as_human():
    page, source = _translated("feed")
    segment = selectors.segments_for(source, locale("ar"))[1]
    services.segment_save(
        user=user("rev", "Reviewers — Arabic"),
        translation_id=segment.translation.pk,
        text="نص راجعه إنسان",
    )
    entry = MemoryEntry.objects.get(
        target_language="ar", origin="human", source_text=segment.source_text
    )
    assert entry.target_text == "نص راجعه إنسان"
    assert entry.created_by.username == "rev"


def test_publish_needs_every_segment_reviewed_unless_permitted_and_then_a_notice(client):
    page, source = _translated("publish")
    reviewer = user("rev-ar2", "Reviewers — Arabic")
    with pytest.raises(services.ReviewError):
        services.translation_publish(user=reviewer, source=source, locale=locale("ar"))
    editor = user("editor2", "Editors")  # may publish early
    arabic = services.translation_publish(user=editor, source=source, locale=locale("ar"))
    assert arabic.live
    response = client.get(arabic.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "machine-translation-notice" in html
    # The notice speaks the page's language.
    assert "This page was machine-translated" not in html
    for segment in selectors.segments_for(source, locale("ar")):
        services.segment_save(user=reviewer, translation_id=segment.translation.pk)
    services.translation_publish(user=reviewer, source=source, locale=locale("ar"))
    assert "machine-translation-notice" not in client.get(arabic.url).content.decode()


def test_published_review_text_reaches_the_public_page(client):
    page, source = _translated("public")
    reviewer = user("rev-ar3", "Reviewers — Arabic")
    segments = selectors.segments_for(source, locale("ar"))
    for index, segment in enumerate(segments):
        text = "عنوان مراجع" if index == 0 else None
        services.segment_save(user=reviewer, translation_id=segment.translation.pk, text=text)
    arabic = services.translation_publish(user=reviewer, source=source, locale=locale("ar"))
    live = ContentPage.objects.get(pk=arabic.pk)
    assert live.title == "عنوان مراجع"
    assert "عنوان مراجع" in client.get(live.url).content.decode()


def test_source_publish_marks_only_changed_segments_stale_and_tells_reviewers():
    page, source = _translated("stale", ("ar", "fr"))
    reviewer = user("rev-ar4", "Reviewers — Arabic", email="rev@example.org")
    for segment in selectors.segments_for(source, locale("ar")):
        services.segment_save(user=reviewer, translation_id=segment.translation.pk)
    page.intro = "A changed introduction about forests."
    mail.outbox.clear()
    page.save_revision().publish()
    source.refresh_from_db()
    states = [s.state for s in selectors.segments_for(source, locale("ar"))]
    assert states.count(SegmentReview.State.STALE) == 1
    assert states.count(SegmentReview.State.REVIEWED) == len(states) - 1


def test_rule_translates_on_publish_and_redoes_only_what_changed(settings):
    from wagtail.models import Site

    from translation.models import TranslationJob

    site = Site.objects.get(is_default_site=True)
    MachineTranslationSettings.objects.update_or_create(
        site=site, defaults={"translate_on_publish_into": ["es"]}
    )
    page = english_page(slug="rule")
    job = TranslationJob.objects.get(object_id=page.translation_key)
    assert job.trigger == TranslationJob.Trigger.ON_PUBLISH
    services.job_run(job_id=job.pk)
    source = TranslationSource.objects.get(object_id=page.translation_key, locale=page.locale)
    reviewer = user("rev-es", "Reviewers — Spanish")
    for segment in selectors.segments_for(source, locale("es")):
        services.segment_save(user=reviewer, translation_id=segment.translation.pk)
    page.intro = "Forests and water."
    page.save_revision().publish()
    second = TranslationJob.objects.filter(object_id=page.translation_key).order_by("-pk").first()
    assert second.pk != job.pk
    second = services.job_run(job_id=second.pk)
    assert second.segments_machine + second.segments_memory == 1
    source.refresh_from_db()
    states = [s.state for s in selectors.segments_for(source, locale("es"))]
    assert states.count(SegmentReview.State.MACHINE) == 1
    assert states.count(SegmentReview.State.REVIEWED) == len(states) - 1
