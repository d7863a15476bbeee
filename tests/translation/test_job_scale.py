"""A translation job's database work grows with its segments, not faster.

wagtail-localize's own path spends 10–20 queries per segment; ours reads and writes in
batches, so a page with six times the paragraphs costs far less than six times the queries
(bench/mt_job.py measures the time).
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.translation.builders import english_page, mt_models  # noqa: F401
from translation import services

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("mt_models")]

SENTENCES = (
    "<p>Protected areas and <b>marine</b> biodiversity number {n}.</p>",
    "<p>National focal points submit national reports on forests {n}.</p>",
    "<p>The convention on biological diversity protects <i>wetlands</i> {n}.</p>",
)


def queries_for_job(slug: str, paragraphs: int) -> tuple[int, int, int]:
    """Database queries spent requesting and running a job, its segment count, and the
    tasks it queued (rows written to the task queue)."""
    page = english_page(
        slug=slug,
        paragraphs=tuple(SENTENCES[n % 3].format(n=n) for n in range(paragraphs)),
    )
    with CaptureQueriesContext(connection) as context:
        job = services.job_request(instance=page, user=None, languages=["fr", "ar"])
        job = services.job_run(job_id=job.pk)
    assert job.segments_done == job.segments_total
    queued = sum(
        'INSERT INTO "django_q_ormq"' in query["sql"] for query in context.captured_queries
    )
    return len(context.captured_queries), job.segments_total, queued


def test_queries_per_segment_do_not_grow_with_the_number_of_segments():
    small_queries, small_segments, small_queued = queries_for_job("small", paragraphs=5)
    big_queries, big_segments, big_queued = queries_for_job("big", paragraphs=60)
    assert big_segments > 8 * small_segments
    assert big_queries / big_segments <= small_queries / small_segments
    # Tasks are queued per job and page, never per segment (memory entries are not indexed).
    assert big_queued == small_queued
