"""Review: permissions per language, memory feed, publish rules, notice, staleness."""

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from wagtail.models import PageLogEntry
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
    editor = user("editor2", "Editors")  # may publish early, saying why
    with pytest.raises(services.ReviewError, match="reason"):
        services.translation_publish(user=editor, source=source, locale=locale("ar"))
    arabic = services.translation_publish(
        user=editor, source=source, locale=locale("ar"), reason="Needed for COP-17 today"
    )
    assert arabic.live
    entry = PageLogEntry.objects.get(page=arabic, action="chm_translation.publish_override")
    assert entry.data["reason"] == "Needed for COP-17 today" and entry.user == editor
    assert "Needed for COP-17 today" in entry.message
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


def test_a_wrong_number_blocks_publishing_until_fixed_or_overridden_with_a_reason():
    page = english_page(slug="numbers", paragraphs=("<p>Parties reported 2,500 sites.</p>",))
    services.job_run(job_id=services.job_request(instance=page, user=None, languages=["fr"]).pk)
    source = TranslationSource.objects.get(object_id=page.translation_key, locale=page.locale)
    reviewer = user("rev-fr-n", "Reviewers — French")
    segments = selectors.segments_for(source, locale("fr"))
    body = next(s for s in segments if s.path.startswith("body."))
    services.segment_save(
        user=reviewer,
        translation_id=body.translation.pk,
        text="Les Parties ont signalé 2,600 sites.",
    )
    for segment in segments:
        services.segment_save(user=reviewer, translation_id=segment.translation.pk)
    issues = selectors.segments_issues(source, locale("fr"))
    assert [i.code for i in issues[body.uid] if i.is_error] == ["numbers"]
    with pytest.raises(services.ReviewError, match="errors"):
        services.translation_publish(user=reviewer, source=source, locale=locale("fr"))
    assert not page.get_translation(locale("fr")).live
    services.segment_save(
        user=reviewer,
        translation_id=body.translation.pk,
        text="Les Parties ont signalé 2,500 sites.",
    )
    french = services.translation_publish(user=reviewer, source=source, locale=locale("fr"))
    assert french.live
    assert not PageLogEntry.objects.filter(action="chm_translation.publish_override", page=french)


def test_a_reviewer_may_publish_over_errors_with_a_recorded_reason():
    page = english_page(slug="override", paragraphs=("<p>Parties reported 2,500 sites.</p>",))
    services.job_run(job_id=services.job_request(instance=page, user=None, languages=["fr"]).pk)
    source = TranslationSource.objects.get(object_id=page.translation_key, locale=page.locale)
    reviewer = user("rev-fr-o", "Reviewers — French")
    for segment in selectors.segments_for(source, locale("fr")):
        text = "Les Parties ont signalé 2,600 sites." if segment.path.startswith("body.") else None
        services.segment_save(user=reviewer, translation_id=segment.translation.pk, text=text)
    french = services.translation_publish(
        user=reviewer,
        source=source,
        locale=locale("fr"),
        reason="The source is wrong; 2,600 is right",
    )
    assert french.live
    entry = PageLogEntry.objects.get(page=french, action="chm_translation.publish_override")
    assert entry.data["error_segments"] == 1


def test_saving_refuses_a_text_that_loses_a_tag():
    page, source = _translated("tags")
    reviewer = user("rev-ar-t", "Reviewers — Arabic")
    tagged = next(s for s in selectors.segments_for(source, locale("ar")) if "<b>" in s.source_text)
    before = tagged.text
    with pytest.raises(services.ReviewError, match="<b>"):
        services.segment_save(
            user=reviewer, translation_id=tagged.translation.pk, text="نص بلا وسوم"
        )
    tagged.translation.refresh_from_db()
    assert tagged.translation.data == before


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
