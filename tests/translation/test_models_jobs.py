"""What the progress bar says: 100 % only once a job is finished."""

from translation.models import JobTarget, TranslationJob

Status = TranslationJob.Status


def test_a_running_job_with_every_segment_done_is_not_yet_100_percent():
    """After its last segment a job still writes the drafts: an editor who sees 100 % and
    opens the page must find them there."""
    running = TranslationJob(status=Status.RUNNING, segments_total=40, segments_done=40)
    assert running.percent == 99
    assert TranslationJob(status=Status.RUNNING, segments_total=40, segments_done=10).percent == 25
    assert TranslationJob(status=Status.DONE, segments_total=40, segments_done=40).percent == 100
    assert TranslationJob(status=Status.DONE, segments_total=0).percent == 100
    assert JobTarget(status=Status.RUNNING, segments_total=0).percent == 0
