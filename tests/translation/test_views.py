"""Admin views: request, job list and progress, review screen, report, PO/XLIFF, imports."""

import re

import pytest
from django.urls import reverse
from wagtail.rich_text import RichText
from wagtail_localize.models import TranslationSource

from tests.translation.builders import english_page, locale, mt_models, user  # noqa: F401
from translation import selectors, services
from translation.models import GlossaryTerm, MemoryEntry, SegmentReview, TranslationJob
from translation.models.memory import field_kind

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("mt_models")]


def _translated(slug, languages=("ar",)):
    page = english_page(slug=slug)
    job = services.job_request(instance=page, user=None, languages=list(languages))
    services.job_run(job_id=job.pk)
    source = TranslationSource.objects.get(object_id=page.translation_key, locale=page.locale)
    return page, source


def test_editor_requests_translation_from_the_page_button(client, monkeypatch):
    monkeypatch.setattr("translation.services.jobs._enqueue", lambda job_id: None)
    page = english_page(slug="button")
    client.force_login(user("ed", "Editors"))
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert reverse("translation_request_page", args=[page.pk]) in edit
    response = client.post(
        reverse("translation_request_page", args=[page.pk]), {"languages": ["fr", "ru"]}
    )
    assert response.status_code == 302
    job = TranslationJob.objects.get(object_id=page.translation_key)
    assert sorted(t.locale.language_code for t in job.targets.all()) == ["fr", "ru"]
    listing = client.get(reverse("translation_jobs")).content.decode()
    assert 'role="progressbar"' in listing and "Protected areas" in listing


def test_translators_cannot_request_and_nobody_sees_others_languages(client):
    page, source = _translated("denied", ("ar", "fr"))
    jobs = TranslationJob.objects.count()
    client.force_login(user("tr", "Translators"))
    response = client.post(
        reverse("translation_request_page", args=[page.pk]), {"languages": ["fr"]}
    )
    assert response.status_code in (302, 403)  # Wagtail sends refused admin users home
    assert TranslationJob.objects.count() == jobs
    client.force_login(user("rev-fr", "Reviewers — French"))
    refused = client.get(reverse("translation_review", args=[source.pk, "ar"]))
    assert refused.status_code in (302, 403)
    assert "review-text" not in refused.content.decode()
    assert client.get(reverse("translation_review", args=[source.pk, "fr"])).status_code == 200


def test_bulk_action_offers_languages_and_subpages_and_says_what_is_kept(client, monkeypatch):
    monkeypatch.setattr("translation.services.jobs._enqueue", lambda job_id: None)
    translated, _source = _translated("bulk-kept", ("fr",))
    reviewed = segments_reviewed(translated, "fr")
    first = english_page(slug="bulk-a")
    child = english_page(slug="bulk-a-child", parent=first)
    client.force_login(user("ed2", "Editors"))
    url = (
        reverse("wagtail_bulk_action", args=["wagtailcore", "page", "machine_translate"])
        + f"?id={first.pk}&id={translated.pk}"
    )
    page = client.get(url).content.decode()
    assert 'name="languages" value="ar"' in page and 'name="include_subpages"' in page
    # English pages: English is not offered, the five others are ticked.
    assert 'name="languages" value="en"' not in page
    assert page.count('name="languages"') == page.count('name="languages" value="') == 5
    assert len(re.findall(r'name="languages" value="[^"]+"[^>]*checked', page)) == 5
    assert "Not translated yet: everything" in page  # bulk-a has never been translated
    assert f"{reviewed} kept (human)" in page  # bulk-kept's French segments people approved
    # No language chosen: the form says so and nothing is requested.
    refused = client.post(url, {"include_subpages": "on"})
    assert refused.status_code == 200 and "This field is required" in refused.content.decode()
    jobs = TranslationJob.objects.count()
    assert jobs == 1
    response = client.post(url, {"languages": ["ar", "zh-hans"], "include_subpages": "on"})
    assert response.status_code == 302
    bulk = TranslationJob.objects.filter(trigger="bulk")
    assert sorted(job.object_label for job in bulk) == sorted(
        [first.title, child.title, translated.title]
    )
    for job in bulk:
        assert sorted(t.locale.language_code for t in job.targets.all()) == ["ar", "zh-hans"]


def segments_reviewed(page, language: str) -> int:
    """Approve every segment of the page's translation as a reviewer would; returns how many."""
    source = selectors.source_for_instance(page)
    segments = selectors.segments_for(source, locale(language))
    reviewer = user(f"rev-{language}-bulk", "Reviewers — French")
    for segment in segments:
        services.segment_save(user=reviewer, translation_id=segment.translation.pk)
    return len(segments)


def test_progress_endpoint_reports_percent(client):
    page, source = _translated("progress")
    job = TranslationJob.objects.get(object_id=page.translation_key)
    client.force_login(user("ed3", "Editors"))
    data = client.get(reverse("translation_job_progress"), {"id": job.pk}).json()
    assert data["jobs"][0]["percent"] == 100
    assert data["jobs"][0]["targets"][0]["language"] == "ar"


def test_review_screen_is_right_to_left_with_hints_and_counter(client):
    GlossaryTerm.objects.create(term_en="protected areas", term_ar="المناطق المحمية المعتمدة")
    page, source = _translated("screen")
    first = selectors.segments_for(source, locale("ar"))[0]
    MemoryEntry.objects.create(
        source_language="en",
        target_language="ar",
        source_text=first.source_text,
        target_text="ترجمة بشرية سابقة",
        kind=field_kind(first.path),  # suggested for the same kind of field only
    )
    reviewer = user("rev-ar", "Reviewers — Arabic")
    client.force_login(reviewer)
    url = reverse("translation_review", args=[source.pk, "ar"])
    html = client.get(url).content.decode()
    assert re.search(r'<textarea[^>]*lang="ar" dir="rtl"', html)
    assert "0 of" in html and "reviewed" in html
    # The engine applied the glossary: the hint shows the term, without a warning...
    assert "المناطق المحمية المعتمدة" in html and "glossary-missing" not in html
    # ...and the term is highlighted where it stands in the source.
    assert re.search(
        r'<mark class="glossary-term" title="المناطق المحمية المعتمدة">protected areas</mark>',
        html,
        re.I,
    )
    assert "ترجمة بشرية سابقة" in html and "memory-use" in html
    assert reverse("translation_preview", args=[source.pk, "ar"]) in html
    # ...until someone writes a translation without it.
    services.segment_save(user=reviewer, translation_id=first.translation.pk, text="عنوان آخر")
    assert "glossary-missing" in client.get(url).content.decode()


def test_approving_through_the_screen_updates_counter_and_filters(client):
    page, source = _translated("approve")
    segments = selectors.segments_for(source, locale("ar"))
    client.force_login(user("rev-ar2", "Reviewers — Arabic"))
    url = reverse("translation_segment", args=[source.pk, "ar", segments[0].translation.pk])
    data = client.post(
        url, {"text": "نص معدل", "approve": "1"}, HTTP_ACCEPT="application/json"
    ).json()
    assert data["state"] == SegmentReview.State.REVIEWED
    assert data["counter"].startswith("1 of")
    unreviewed = client.get(
        reverse("translation_review", args=[source.pk, "ar"]), {"filter": "unreviewed"}
    ).content.decode()
    assert "نص معدل" not in unreviewed
    assert client.post(url, {"text": "   "}, HTTP_ACCEPT="application/json").status_code == 400


def test_preview_shows_the_draft_without_publishing(client):
    page, source = _translated("preview")
    client.force_login(user("rev-ar3", "Reviewers — Arabic"))
    response = client.get(reverse("translation_preview", args=[source.pk, "ar"]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "المناطق المحمية" in html
    assert not page.get_translation(locale("ar")).live
    # A visible banner, in the page's language: draft, unreviewed, demonstration model.
    banner = html.split('class="notice draft-preview-banner"')[1].split("</div>")[0]
    assert "معاينة مسودة" in banner and "غير مراجَعة" in banner and "نموذج توضيحي" in banner


def test_status_report_matrix_and_csv(client):
    page, source = _translated("report", ("fr",))
    client.force_login(user("ed4", "Editors"))
    html = client.get(reverse("translation_report"), {"q": "Protected"}).content.decode()
    assert "Protected areas" in html and "report-machine" in html and "report-missing" in html
    csv_text = client.get(
        reverse("translation_report"), {"q": "Protected", "format": "csv"}
    ).content.decode("utf-8-sig")
    header, *rows = csv_text.strip().splitlines()
    assert header.startswith("page,url,ar,es,fr")
    assert any(",machine," in row or row.endswith(",machine") for row in rows)


def test_a_bad_file_changes_nothing_and_says_why(client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    page, source = _translated("badfile", ("fr",))
    before = [s.text for s in selectors.segments_for(source, locale("fr"))]
    client.force_login(user("rev-fr3", "Reviewers — French"))
    response = client.post(
        reverse("translation_upload", args=[source.pk, "fr"]),
        {"file": SimpleUploadedFile("x.po", b'msgctxt "nope"\nmsgid "a"\nmsgstr "b"\n')},
    )
    assert response.status_code == 200
    assert "nope" in response.content.decode()
    assert [s.text for s in selectors.segments_for(source, locale("fr"))] == before


def test_glossary_tbx_and_memory_csv_imports(client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(user("admin", superuser=True))
    tbx = b"""<?xml version="1.0"?><martif type="TBX"><text><body>
      <termEntry><langSet xml:lang="en"><tig><term>clearing-house</term></tig></langSet>
      <langSet xml:lang="fr"><tig><term>centre d'echange</term></tig></langSet></termEntry>
    </body></text></martif>"""
    client.post(reverse("translation_glossary_import"), {"file": SimpleUploadedFile("g.tbx", tbx)})
    assert GlossaryTerm.objects.get(term_en="clearing-house").term_fr == "centre d'echange"
    client.post(
        reverse("translation_memory_import"),
        {
            "file": SimpleUploadedFile("m.csv", "source,target\nForests,Forêts\n".encode()),
            "source_language": "en",
            "target_language": "fr",
        },
    )
    assert MemoryEntry.objects.get(source_text="Forests").origin == "human"
    bad = client.post(
        reverse("translation_glossary_import"),
        {"file": SimpleUploadedFile("g.tbx", b"<!DOCTYPE x [<!ENTITY a 'b'>]><martif/>")},
    )
    assert bad.status_code == 200 and "refused" in bad.content.decode()


def test_a_snippet_is_machine_translated_into_a_draft_nobody_sees(client, monkeypatch):
    from notifications.models import Notification, NotificationText

    monkeypatch.setattr("translation.services.jobs._enqueue", lambda job_id: None)
    notification = Notification.objects.create(
        categories=["CBD-FP1"], reference="SCBD/SAM/NR/LC/83832"
    )
    english = NotificationText.objects.create(
        notification=notification,
        locale=locale("en"),
        title="Protected areas",
        body="<p>Biodiversity of <b>protected areas</b>.</p>",
    )
    client.force_login(user("ed-snippet", "Editors"))
    url = reverse(
        "translation_request_snippet", args=["notifications", "notificationtext", english.pk]
    )
    assert client.post(url, {"languages": ["fr"]}).status_code == 302
    job = TranslationJob.objects.get(object_id=english.translation_key)
    job = services.job_run(job_id=job.pk)
    assert job.status == TranslationJob.Status.DONE
    french = NotificationText.objects.get(
        translation_key=english.translation_key, locale=locale("fr")
    )
    assert not french.live  # a draft: the public notification page does not show it
    assert french.notification_id == notification.pk
    draft = french.get_latest_revision_as_object()
    assert "aires protégées" in draft.title.lower()
    assert "biodiversité" in draft.body.lower() and "<b>" in draft.body


def test_the_memory_screen_finds_entries_by_source_or_translation(client, admin_user):
    for source, target in [("protected areas", "aires protégées"), ("forests", "forêts")]:
        MemoryEntry.objects.create(
            source_language="en",
            target_language="fr",
            source_text=source,
            normalized_hash=source,
            target_text=target,
        )
    client.force_login(admin_user)
    listing = reverse("wagtailsnippets_translation_memoryentry:list")
    by_translation = client.get(listing, {"q": "protégées"}).content.decode()
    assert "protected areas" in by_translation and "forests" not in by_translation
    by_source = client.get(listing, {"q": "forests"}).content.decode()
    assert "forêts" in by_source and "aires protégées" not in by_source


def test_bulk_plan_counts_the_page_as_last_saved_not_as_last_translated(client):
    """An editor changes a translated page and saves a draft: the plan must say the changed
    and the new paragraph will be machine-translated, as the job (which reads the latest
    revision) will do, not "0 to translate" from the text remembered at the last job."""
    page, _source = _translated("bulk-edited", ("fr",))
    page.intro = "The convention, as amended in 2026."
    page.body[1].value = RichText("<p>Parties report every four years.</p>")
    page.body.append(("paragraph", "<p>A new paragraph about wetlands.</p>"))
    page.save_revision()  # a draft: the public page and the stored source are unchanged
    client.force_login(user("ed-plan", "Editors"))
    url = (
        reverse("wagtail_bulk_action", args=["wagtailcore", "page", "machine_translate"])
        + f"?id={page.pk}"
    )
    screen = client.get(url).content.decode()
    french = re.search(r'<td data-language="fr">([^<]*)</td>', screen).group(1)
    assert french == "0 kept (human), 3 to translate"
