"""Drafts never move live URLs: a machine-translated draft of a page that is not live keeps
the page row's slug, so Wagtail makes no automatic redirect and live subpages stay put."""

import pytest
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page

from tests.translation.builders import english_page, locale, mt_models  # noqa: F401
from tests.translation.conftest import demo_archives, demo_packages_dir  # noqa: F401
from translation import services

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("mt_models")]


def _translate(page, language="fr"):
    job = services.job_request(instance=page, user=None, languages=[language])
    services.job_run(job_id=job.pk)


def test_a_draft_translation_creates_no_redirect_and_moves_no_live_url(
    django_capture_on_commit_callbacks,
):
    parent = english_page(slug="protected-areas-section", title="Protected areas")
    child = english_page(slug="marine-areas", title="Marine areas", parent=parent)
    _translate(parent)
    _translate(child)
    french = locale("fr")
    french_parent = parent.get_translation(french)
    french_child = child.get_translation(french)
    french_child.get_latest_revision().publish()  # a reviewer published the subpage
    with django_capture_on_commit_callbacks(execute=True):
        french_parent.slug = "aires-protegees"  # the French section's address
        french_parent.save()
    french_child.refresh_from_db()
    live_url = french_child.url
    assert french_child.live and live_url.startswith("/fr/aires-protegees/")
    redirects = Redirect.objects.count()

    parent.intro = "Protected areas of the convention."
    parent.save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        _translate(parent)  # a new draft of the French section

    french_parent = Page.objects.get(pk=french_parent.pk)
    assert french_parent.slug == "aires-protegees" and not french_parent.live
    french_child.refresh_from_db()
    assert french_child.url == live_url
    assert Redirect.objects.count() == redirects
