"""Every state change of the translation app lands in Wagtail's audit log with its actor."""

import pytest
from wagtail.log_actions import registry
from wagtail.models import ModelLogEntry

from tests.audit_log import registered
from tests.translation.builders import english_page, user
from translation import services

pytestmark = pytest.mark.django_db


def entries(job) -> list[tuple[str, str, dict]]:
    return [
        (entry.action, entry.user.username, entry.data)
        for entry in ModelLogEntry.objects.for_instance(job).order_by("timestamp", "pk")
    ]


def test_request_cancel_and_retry_are_logged_with_who_and_the_status_before_and_after():
    manager = user("mt-manager", "Translators")
    job = services.job_request(
        instance=english_page(slug="audited"), user=manager, languages=["fr"]
    )
    services.job_cancel(job=job, user=manager)
    services.job_retry(job=job, user=manager)
    assert entries(job) == [
        (
            "translation.job.request",
            "mt-manager",
            {"before": None, "after": {"status": "queued", "languages": ["fr"]}},
        ),
        (
            "translation.job.cancel",
            "mt-manager",
            {"before": {"status": "queued"}, "after": {"status": "cancelled"}},
        ),
        (
            "translation.job.retry",
            "mt-manager",
            {"before": {"status": "cancelled"}, "after": {"status": "queued"}},
        ),
    ]


def test_a_cancel_that_changes_nothing_logs_nothing():
    manager = user("mt-manager-2", "Translators")
    job = services.job_request(instance=english_page(slug="idle"), user=manager, languages=["es"])
    services.job_cancel(job=job, user=manager)
    services.job_cancel(job=job, user=manager)
    assert [action for action, _user, _data in entries(job)] == [
        "translation.job.request",
        "translation.job.cancel",
    ]


def test_the_actions_have_labels_in_the_history_screens():
    assert registry.get_action_label("translation.job.request") == "Request machine translation"
    assert registry.get_action_label("translation.job.cancel") == "Cancel machine translation"
    assert registry.get_action_label("translation.job.retry") == "Retry machine translation"


def test_every_registered_translation_action_is_tested_with_its_actor():
    # request, cancel and retry above; the import in test_services_exchange, the publish override
    # in test_services_review (each asserts the person who did it).
    assert registered("translation.") == {
        "translation.job.request",
        "translation.job.cancel",
        "translation.job.retry",
    }
    assert registered("chm_translation.") == {
        "chm_translation.import",
        "chm_translation.publish_override",
    }
