"""Wagtail's background tasks go through django-q2 once the transaction commits."""

import pytest
from django.test import override_settings
from django_q.conf import Conf
from django_q.models import OrmQ

from cms.models import NewsIndexPage, NewsPage
from cms.selectors import page_search

pytestmark = pytest.mark.django_db

Q2_TASKS = {"default": {"BACKEND": "cms.tasks_backend.DjangoQ2Backend"}}


def publish_news(title: str, slug: str) -> None:
    index = NewsIndexPage.objects.get(locale__language_code="en")
    page = index.add_child(instance=NewsPage(title=title, slug=slug, date="2024-01-01"))
    page.save_revision().publish()


def test_index_updates_wait_in_the_queue_until_a_worker_runs_them(
    monkeypatch, demo_site, django_capture_on_commit_callbacks
):
    # django-q2 reads its settings once at import; Conf.SYNC is the switch it consults.
    monkeypatch.setattr(Conf, "SYNC", False)
    with override_settings(TASKS=Q2_TASKS), django_capture_on_commit_callbacks(execute=True):
        publish_news("Pollinator week", "pollinator-week")
    queued = [item.task for item in OrmQ.objects.all()]
    assert any(entry["func"] == "cms.tasks_backend.task_run" for entry in queued)
    assert not page_search("Pollinator", "en")  # not indexed until a worker runs


def test_a_worker_running_the_queued_task_makes_the_page_searchable(
    monkeypatch, demo_site, django_capture_on_commit_callbacks
):
    monkeypatch.setattr(Conf, "SYNC", True)  # the task runs through django-q2's worker code
    with override_settings(TASKS=Q2_TASKS), django_capture_on_commit_callbacks(execute=True):
        publish_news("Mangrove restoration", "mangrove-restoration")
    assert [page.title for page in page_search("Mangrove", "en")] == ["Mangrove restoration"]


def test_a_task_losing_an_index_race_runs_again_once(monkeypatch):
    from django.db import IntegrityError

    from cms import tasks_backend

    calls = []

    class RacingTask:
        def call(self, *args, **kwargs):
            calls.append(args)
            if len(calls) == 1:
                raise IntegrityError("UNIQUE constraint failed: wagtailsearch_indexentry")
            return "indexed"

    monkeypatch.setattr(tasks_backend, "import_string", lambda path: RacingTask())
    assert tasks_backend.task_run("some.task", ["cms", "page", "1"], {}) == "indexed"
    assert len(calls) == 2
