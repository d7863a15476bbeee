"""Machine translation never overwrites people: live human translations survive a job,
on SQLite and PostgreSQL; memory suggestions come from the same kind of field."""

import pytest
from django.urls import reverse
from wagtail.models import Revision
from wagtail.rich_text import RichText
from wagtail_localize.models import TranslationSource

from cms.models import ContentPage
from tests.translation.builders import english_page, locale, mt_models, user  # noqa: F401
from translation import selectors, services
from translation.models import MemoryEntry, SegmentReview

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("mt_models")]

HUMAN = {
    "fr": ("Aires protégées (écrit à la main)", "Introduction rédigée.", "Premier.", "Second."),
    "es": ("Áreas protegidas (a mano)", "Introducción escrita.", "Primero.", "Segundo."),
    "ar": ("المناطق المحمية (كتبها شخص)", "مقدمة مكتوبة.", "الأول.", "الثاني."),
}


def _live_human_translation(page, code):
    title, intro, first, second = HUMAN[code]
    target = page.copy_for_translation(locale(code))
    target.title, target.intro = title, intro
    for index, text in enumerate((first, second)):
        block = target.body[index]
        target.body[index] = ("paragraph", RichText(f"<p>{text}</p>"), block.id)
    target.save_revision().publish()
    return ContentPage.objects.get(pk=target.pk)


def _content(page):
    return (page.title, page.intro, [str(block.value) for block in page.body], page.slug)


def _rerun_keeps_people_text():
    page = english_page(slug="live-people")
    before = {code: _content(_live_human_translation(page, code)) for code in HUMAN}
    revisions = Revision.page_revisions.count()

    for _attempt in range(2):  # a first request, then a re-run
        job = services.job_request(instance=page, user=None, languages=list(HUMAN))
        services.job_run(job_id=job.pk)

    source = TranslationSource.objects.get(object_id=page.translation_key, locale=page.locale)
    for code in HUMAN:
        target = ContentPage.objects.get(pk=page.get_translation(locale(code)).pk)
        assert _content(target) == before[code]  # the public page
        assert _content(target.get_latest_revision_as_object()) == before[code]  # the draft
        segments = selectors.segments_for(source, locale(code))
        assert all(s.state == SegmentReview.State.REVIEWED and s.is_human for s in segments)
    assert Revision.page_revisions.count() == revisions  # nothing to write: no new draft
    assert not MemoryEntry.objects.filter(target_language__in=list(HUMAN), origin="machine")


def test_rerunning_machine_translation_changes_no_live_human_text():
    _rerun_keeps_people_text()


@pytest.mark.postgres
def test_rerunning_machine_translation_changes_no_live_human_text_on_postgresql():
    _rerun_keeps_people_text()


def test_a_copied_paragraph_is_translated_and_the_human_ones_kept():
    page = english_page(slug="half-human")
    target = page.copy_for_translation(locale("fr"))
    target.title = "Titre humain"
    target.save_revision().publish()  # intro and body still the copied English
    services.job_run(job_id=services.job_request(instance=page, user=None, languages=["fr"]).pk)
    draft = ContentPage.objects.get(pk=target.pk).get_latest_revision_as_object()
    assert draft.title == "Titre humain"
    assert "biodiversité" in str(draft.body[0].value)
    source = TranslationSource.objects.get(object_id=page.translation_key, locale=page.locale)
    states = {s.path: s.review.origin for s in selectors.segments_for(source, locale("fr"))}
    assert states["title"] == SegmentReview.Origin.HUMAN and states["intro"] == "machine"


def test_an_edit_in_the_page_editor_survives_saving_the_review_draft():
    page = english_page(slug="editor-edit")
    services.job_run(job_id=services.job_request(instance=page, user=None, languages=["fr"]).pk)
    french = page.get_translation(locale("fr")).specific
    draft = french.get_latest_revision_as_object()
    draft.intro = "Introduction corrigée dans l’éditeur"
    draft.save_revision()
    source = TranslationSource.objects.get(object_id=page.translation_key, locale=page.locale)
    services.draft_save(
        user=user("rev-fr-e", "Reviewers — French"), source=source, locale=locale("fr")
    )
    french.refresh_from_db()
    assert french.get_latest_revision_as_object().intro == "Introduction corrigée dans l’éditeur"
    intro = next(s for s in selectors.segments_for(source, locale("fr")) if s.path == "intro")
    assert intro.is_human and intro.state == SegmentReview.State.MACHINE  # awaits review


def test_memory_suggests_titles_for_titles_and_reviewed_text_as_the_exact_match(client):
    page = english_page(slug="memory-kind", title="Protected areas", intro="Protected areas")
    services.job_run(job_id=services.job_request(instance=page, user=None, languages=["fr"]).pk)
    source = TranslationSource.objects.get(object_id=page.translation_key, locale=page.locale)
    reviewer = user("rev-fr-m", "Reviewers — French")
    segments = {s.path: s for s in selectors.segments_for(source, locale("fr"))}
    machine_title = segments["title"].text
    services.segment_save(
        user=reviewer,
        translation_id=segments["title"].translation.pk,
        text="Zones protégées (titre)",
    )
    human = MemoryEntry.objects.filter(
        origin="human", target_language="fr", source_text="Protected areas"
    )
    assert human.get().kind == MemoryEntry.Kind.TITLE
    client.force_login(reviewer)
    html = client.get(reverse("translation_review", args=[source.pk, "fr"])).content.decode()
    # The intro has the same English text, but a title's translation is not offered for it.
    intro_item = html.split(f'data-segment-id="{segments["intro"].uid}"')[1].split("</li>")[0]
    assert "Zones protégées" not in intro_item
    # After approval the title's exact match is the reviewed text, not the machine's.
    human.update(target_text="Zones protégées (2)")
    html = client.get(reverse("translation_review", args=[source.pk, "fr"])).content.decode()
    title_item = html.split(f'data-segment-id="{segments["title"].uid}"')[1].split("</li>")[0]
    assert "Zones protégées (2)" in title_item
    assert machine_title not in title_item.split("review-text")[1].split("</textarea>")[1]
