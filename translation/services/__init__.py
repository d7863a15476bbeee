"""Writes of the translation workflow (see the modules for each concern)."""

from translation.services.drafts import TargetLockedError, draft_build, parent_ensure
from translation.services.job_running import job_run
from translation.services.jobs import (
    JobRequestError,
    job_cancel,
    job_request,
    job_retry,
    jobs_reconcile,
    jobs_request_many,
    jobs_request_subtree,
)
from translation.services.memory import (
    ImportFormatError,
    glossary_import_csv,
    glossary_import_tbx,
    memory_import_csv,
    memory_record,
)
from translation.services.review import (
    ReviewError,
    draft_save,
    segment_save,
    translation_publish,
)
from translation.services.sources import reviewers_notify, source_published

__all__ = [
    "ImportFormatError",
    "JobRequestError",
    "ReviewError",
    "TargetLockedError",
    "draft_build",
    "draft_save",
    "glossary_import_csv",
    "glossary_import_tbx",
    "job_cancel",
    "job_request",
    "job_retry",
    "job_run",
    "jobs_reconcile",
    "jobs_request_many",
    "jobs_request_subtree",
    "memory_import_csv",
    "memory_record",
    "parent_ensure",
    "reviewers_notify",
    "segment_save",
    "source_published",
    "translation_publish",
]
