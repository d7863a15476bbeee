"""A real django-q2 worker, killed with SIGKILL in the middle of a job, then restarted.

The job must finish with every segment translated exactly once and one draft revision.
Runs in its own data folder (SQLite file shared by the processes), like `make demo`.
"""

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.e2e.conftest import manage_in
from tests.waiting import wait_until

# Real processes (workers, interpreters) or hundreds of generated requests: not in test-fast.
pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
PARAGRAPHS = 40

SETUP = f"""
from wagtail.models import Locale, Page
from cms.models import ContentPage
from translation import services
Locale.objects.get_or_create(language_code="fr")
welcome = Page.objects.get(depth=2)
page = welcome.add_child(instance=ContentPage(
    title="Protected areas", slug="worker-test", intro="Biodiversity and forests.",
    body=[("paragraph", f"<p>Paragraph {{n}} on marine protected areas.</p>") for n in range({PARAGRAPHS})],
))
page.save_revision().publish()
job = services.job_request(instance=page, user=None, languages=["fr"])
print("JOB", job.pk)
"""

RECONCILE = """
from datetime import timedelta
from translation.services import jobs_reconcile
print("RECONCILED", jobs_reconcile(stale_after=timedelta(seconds=1)))
"""


@pytest.fixture
def worker_env(tmp_path, demo_packages_dir):
    env = {
        **os.environ,
        "DEBUG": "1",
        "CHM_DATA_DIR": str(tmp_path),
        "MT_MODELS_DIR": str(demo_packages_dir.parent),
        "MT_BATCH_SIZE": "2",
        "MT_BATCH_PAUSE": "0.4",
        "MT_JOB_STALE_SECONDS": "2",
        "Q_WORKERS": "1",
    }
    for name in ("DATABASE_URL", "REDIS_URL", "PYTEST_CURRENT_TEST", "DJANGO_SETTINGS_MODULE"):
        env.pop(name, None)
    return env


def manage(env, *args, timeout=600):
    return manage_in(env, *args, timeout=timeout).stdout


def start_worker(env):
    return subprocess.Popen(
        [sys.executable, "manage.py", "qcluster"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # its own process group: SIGKILL reaches every worker
    )


def query(db: Path, sql: str, *params):
    with sqlite3.connect(db, timeout=20) as connection:
        return connection.execute(sql, params).fetchall()


def test_killed_worker_resumes_and_translates_each_segment_once(worker_env, tmp_path):
    manage(worker_env, "migrate", "--noinput")
    output = manage(worker_env, "shell", "-c", SETUP)
    job_id = int(output.split("JOB")[1].split()[0])
    db = tmp_path / "chm.sqlite3"
    target_sql = (
        "SELECT status, segments_done, segments_total, segments_machine, segments_memory, "
        "segments_failed FROM translation_jobtarget WHERE job_id = ?"
    )

    worker = start_worker(worker_env)
    try:
        wait_until(
            lambda: (
                (row := query(db, target_sql, job_id))
                and row[0][0] == "running"
                and 4 <= row[0][1] < row[0][2] // 2
            ),
            120,
            "the job to be part-way",
        )
    finally:
        os.killpg(worker.pid, signal.SIGKILL)
        worker.wait(timeout=10)
    status, done, total, *_ = query(db, target_sql, job_id)[0]
    assert status == "running" and 0 < done < total  # killed mid-job

    time.sleep(6)  # let the heartbeat go stale
    assert f"[{job_id}]" in manage(worker_env, "shell", "-c", RECONCILE)
    worker = start_worker(worker_env)
    try:
        wait_until(
            lambda: (
                query(db, "SELECT status FROM translation_translationjob WHERE id = ?", job_id)[0][
                    0
                ]
                in ("done", "failed")
            ),
            180,
            "the job to finish",
        )
    finally:
        os.killpg(worker.pid, signal.SIGKILL)
        worker.wait(timeout=10)

    job = query(
        db,
        "SELECT status, attempts, segments_total, segments_machine, segments_memory, "
        "segments_failed FROM translation_translationjob WHERE id = ?",
        job_id,
    )[0]
    status, attempts, total, machine, memory, failed = job
    assert status == "done"
    assert attempts >= 2
    # title, intro and the paragraphs (the slug follows the reviewed title, not the machine)
    assert total == PARAGRAPHS + 2
    assert machine + memory + failed == total  # each segment counted exactly once
    french_page = query(
        db,
        "SELECT p.id, p.live FROM wagtailcore_page p JOIN wagtailcore_locale l "
        "ON p.locale_id = l.id WHERE l.language_code = 'fr' AND p.depth = 3",
    )
    assert len(french_page) == 1
    page_id, live = french_page[0]
    assert live == 0
    revisions = query(
        db, "SELECT COUNT(*) FROM wagtailcore_revision WHERE object_id = ?", str(page_id)
    )[0][0]
    assert revisions == 1
    translations = query(
        db,
        "SELECT COUNT(*) FROM wagtail_localize_stringtranslation t JOIN wagtailcore_locale l "
        "ON t.locale_id = l.id WHERE l.language_code = 'fr'",
    )[0][0]
    reviews = query(db, "SELECT COUNT(*) FROM translation_segmentreview")[0][0]
    assert translations == reviews == total
