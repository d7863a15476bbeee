"""Jobs: request, run, resume, never two at once, counts, reconciler."""

import shutil
from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone
from wagtail.models import Revision
from wagtail_localize.models import StringTranslation, TranslationSource

from cms.models import ContentPage
from tests.translation.builders import english_page, locale, mt_models, user  # noqa: F401
from translation import selectors, services
from translation.models import JobTarget, MemoryEntry, SegmentReview, TranslationJob

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("mt_models")]


def _run(job):
    return services.job_run(job_id=job.pk)


def test_job_translates_into_all_other_languages_as_drafts():
    page = english_page()
    job = services.job_request(instance=page, user=None)
    assert sorted(t.locale.language_code for t in job.targets.all()) == [
        "ar",
        "es",
        "fr",
        "ru",
        "zh-hans",
    ]
    job = _run(job)
    assert job.status == TranslationJob.Status.DONE
    assert job.percent == 100
    assert job.segments_total == job.segments_done > 0
    assert job.segments_machine + job.segments_memory == job.segments_total
    french = page.get_translation(locale("fr")).specific
    assert not french.live  # a draft, nobody sees it
    assert Revision.page_revisions.filter(object_id=str(french.pk)).count() == 1
    draft = french.get_latest_revision_as_object()
    assert "aires protégées" in draft.title.lower()
    assert "biodiversité" in str(draft.body[0].value)
    assert french.url_path.endswith("/")


def test_machine_text_never_reaches_a_live_target_page():
    """wagtail-localize's save_target(publish=False) leaks into the live row; we must not."""
    page = english_page(slug="leak")
    french = page.copy_for_translation(locale("fr"))
    french.title = "Texte humain publié"
    french.intro = "Introduction publiée"
    french.save_revision().publish()
    live_before = ContentPage.objects.get(pk=french.pk)
    revisions_before = Revision.page_revisions.filter(object_id=str(french.pk)).count()

    _run(services.job_request(instance=page, user=None, languages=["fr"]))

    live = ContentPage.objects.get(pk=french.pk)
    assert live.live
    assert live.title == "Texte humain publié"
    assert live.intro == "Introduction publiée"
    assert list(live.body.raw_data) == list(live_before.body.raw_data)
    assert live.has_unpublished_changes
    draft = live.get_latest_revision_as_object()
    # The person's published text is theirs: the draft keeps it; only the body, still
    # the copied English, got machine translation.
    assert draft.title == "Texte humain publié" and draft.intro == "Introduction publiée"
    assert "biodiversité" in str(draft.body[0].value)
    assert Revision.page_revisions.filter(object_id=str(french.pk)).count() == revisions_before + 1


def test_missing_parents_become_drafts_not_live_aliases():
    parent = english_page(slug="section", title="Biodiversity", paragraphs=())
    child = english_page(slug="child", title="Protected areas", parent=parent)
    _run(services.job_request(instance=child, user=None, languages=["ar"]))
    arabic_child = child.get_translation(locale("ar")).specific
    arabic_parent = arabic_child.get_parent().specific
    assert arabic_parent.locale.language_code == "ar"
    assert arabic_parent.alias_of_id is None
    assert not arabic_parent.live
    assert not arabic_child.live


def test_the_slug_follows_the_reviewed_title_not_the_machine():
    page = english_page(slug="protected-areas")
    _run(services.job_request(instance=page, user=None, languages=["ar"]))
    source = TranslationSource.objects.get(object_id=page.translation_key, locale=page.locale)
    segments = selectors.segments_for(source, locale("ar"))
    assert "slug" not in {s.path for s in segments}  # not a review or machine segment
    arabic = page.get_translation(locale("ar")).specific
    assert arabic.get_latest_revision_as_object().slug == "protected-areas"

    reviewer = user("rev-ar-slug", "Reviewers — Arabic")
    title = next(s for s in segments if s.path == "title")
    services.segment_save(
        user=reviewer, translation_id=title.translation.pk, text="المناطق المحمية"
    )
    services.draft_save(user=reviewer, source=source, locale=locale("ar"))
    arabic.refresh_from_db()
    assert arabic.get_latest_revision_as_object().slug == "المناطق-المحمية"  # Unicode kept

    # A person edits the slug in the page editor: later drafts keep it.
    draft = arabic.get_latest_revision_as_object()
    draft.slug = "مناطق"
    draft.save_revision()
    services.segment_save(user=reviewer, translation_id=title.translation.pk, text="المحميات")
    services.draft_save(user=reviewer, source=source, locale=locale("ar"))
    arabic.refresh_from_db()
    assert arabic.get_latest_revision_as_object().slug == "مناطق"


def test_locked_target_is_left_alone_and_the_job_says_why():
    page = english_page(slug="locked")
    owner = user("owner", superuser=True)
    french = page.copy_for_translation(locale("fr"))
    french.save_revision().publish()
    french.refresh_from_db()
    french.locked, french.locked_by, french.locked_at = True, owner, timezone.now()
    french.save()
    requester = user("editor1", "Editors")
    revisions = Revision.page_revisions.filter(object_id=str(french.pk)).count()
    job = _run(services.job_request(instance=page, user=requester, languages=["fr"]))
    target = job.targets.get()
    assert target.status == TranslationJob.Status.FAILED
    assert "locked" in target.error
    assert Revision.page_revisions.filter(object_id=str(french.pk)).count() == revisions
    # The translations are kept: once unlocked, a retry only writes the draft.
    french.locked = False
    french.save()
    job = services.job_retry(job=job)
    job = _run(job)
    assert job.targets.get().status == TranslationJob.Status.DONE
    assert Revision.page_revisions.filter(object_id=str(french.pk)).count() == revisions + 1


def test_never_two_active_jobs_for_the_same_page_and_locale():
    page = english_page(slug="twice")
    first = services.job_request(instance=page, user=None, languages=["fr", "es"])
    second = services.job_request(instance=page, user=None, languages=["fr", "ru"])
    assert [t.locale.language_code for t in second.targets.all()] == ["ru"]
    assert services.job_request(instance=page, user=None, languages=["fr"]) is None
    _run(first)
    third = services.job_request(instance=page, user=None, languages=["fr"])
    assert third is not None


def test_rerunning_a_finished_job_changes_nothing():
    page = english_page(slug="idempotent")
    job = _run(services.job_request(instance=page, user=None, languages=["es"]))
    spanish = page.get_translation(locale("es"))
    revisions = Revision.page_revisions.filter(object_id=str(spanish.pk)).count()
    translations = StringTranslation.objects.filter(locale=locale("es")).count()
    # A redelivered task after completion, and a job running again from "running".
    _run(job)
    TranslationJob.objects.filter(pk=job.pk).update(status="running", heartbeat_at=None)
    JobTarget.objects.filter(job=job).update(active=True, status="running")
    _run(job)
    assert Revision.page_revisions.filter(object_id=str(spanish.pk)).count() == revisions
    assert StringTranslation.objects.filter(locale=locale("es")).count() == translations


def test_human_translations_survive_and_rerequest_only_fills_missing_and_stale():
    page = english_page(slug="human")
    _run(services.job_request(instance=page, user=None, languages=["fr"]))
    source = TranslationSource.objects.get(object_id=page.translation_key, locale=page.locale)
    reviewer = user("rev-fr", "Reviewers — French")
    segments = selectors.segments_for(source, locale("fr"))
    edited, approved, untouched = segments[0], segments[1], segments[2]
    services.segment_save(
        user=reviewer, translation_id=edited.translation.pk, text="Titre écrit par une personne"
    )
    services.segment_save(user=reviewer, translation_id=approved.translation.pk)
    # Unreviewed machine output waits for its reviewer: a new request leaves it alone.
    StringTranslation.objects.filter(pk=untouched.translation.pk).update(data="ancien")

    job = _run(services.job_request(instance=page, user=None, languages=["fr"]))

    after = {s.segment.pk: s for s in selectors.segments_for(source, locale("fr"))}
    assert after[edited.segment.pk].text == "Titre écrit par une personne"
    assert after[edited.segment.pk].state == SegmentReview.State.REVIEWED
    assert after[approved.segment.pk].text == approved.text
    assert after[untouched.segment.pk].text == "ancien"
    target = job.targets.get()
    assert target.segments_machine + target.segments_memory == 0
    assert MemoryEntry.objects.filter(origin="human", target_text="Titre écrit par une personne")


def test_memory_hits_skip_the_model_and_human_entries_win():
    services.memory_record(
        source_language="en",
        target_language="fr",
        source_text="National  focal points submit national reports.",
        target_text="Les correspondants nationaux soumettent leurs rapports.",
    )
    page = english_page(
        slug="memory", paragraphs=("National focal points submit national reports.",)
    )
    job = _run(services.job_request(instance=page, user=None, languages=["fr"]))
    source = TranslationSource.objects.get(object_id=page.translation_key, locale=page.locale)
    texts = [s.text for s in selectors.segments_for(source, locale("fr"))]
    assert "Les correspondants nationaux soumettent leurs rapports." in texts
    assert job.segments_memory == 1


def test_the_memory_entry_a_job_used_counts_one_more_use():
    for origin, text in (("machine", "Texte machine."), ("human", "Texte relu.")):
        services.memory_record(
            source_language="en",
            target_language="fr",
            source_text="Parties report every four years.",
            target_text=text,
            origin=origin,
        )
    page = english_page(slug="memory-uses", paragraphs=("Parties report every four years.",))
    _run(services.job_request(instance=page, user=None, languages=["fr"]))
    entries = MemoryEntry.objects.filter(source_text="Parties report every four years.")
    uses = dict(entries.values_list("origin", "use_count"))
    assert uses == {"human": 1, "machine": 0}  # the entry that was used, not its rival


def test_an_unknown_pair_fails_that_language_only(tmp_path, settings):
    from translation.engine import packages

    only_fr = tmp_path / "packages"
    for path in (Path(settings.MT_MODELS_DIR) / "packages").iterdir():
        if path.is_dir() and ("en_fr" in path.name or "fr_en" in path.name):
            shutil.copytree(path, only_fr / path.name)
    assert packages.list_packages(only_fr)
    settings.MT_MODELS_DIR = tmp_path
    page = english_page(slug="no-model")
    job = _run(services.job_request(instance=page, user=None, languages=["fr", "ru"]))
    targets = {t.locale.language_code: t for t in job.targets.all()}
    assert targets["fr"].status == TranslationJob.Status.DONE
    assert targets["ru"].status == TranslationJob.Status.FAILED
    assert "install" in targets["ru"].error
    assert job.status == TranslationJob.Status.DONE
    assert "ru:" in job.error


def test_cancel_stops_and_retry_resumes():
    page = english_page(slug="cancel")
    job = services.job_request(instance=page, user=None, languages=["fr"])
    services.job_cancel(job=job)
    job = _run(job)
    assert job.status == TranslationJob.Status.CANCELLED
    assert not page.get_translation_or_none(locale("fr"))
    job = _run(services.job_retry(job=job))
    assert job.status == TranslationJob.Status.DONE


def test_reconciler_re_enqueues_stalled_jobs(monkeypatch):
    page = english_page(slug="stalled")
    job = services.job_request(instance=page, user=None, languages=["fr"])
    TranslationJob.objects.filter(pk=job.pk).update(
        status="running", heartbeat_at=timezone.now() - timedelta(hours=1)
    )
    enqueued = []
    monkeypatch.setattr("translation.services.jobs._enqueue", enqueued.append)
    assert services.jobs_reconcile() == [job.pk]
    assert enqueued == [job.pk]
    assert services.jobs_reconcile() == []  # heartbeat re-armed


def test_subtree_and_bulk_requests():
    parent = english_page(slug="tree", title="Biodiversity", paragraphs=())
    english_page(slug="leaf-a", parent=parent)
    english_page(slug="leaf-b", parent=parent)
    jobs = services.jobs_request_subtree(page=parent, user=None, languages=["es"])
    assert len(jobs) == 3
    assert {j.trigger for j in jobs} == {TranslationJob.Trigger.SUBTREE}
    for job in jobs:
        assert _run(job).status == TranslationJob.Status.DONE
