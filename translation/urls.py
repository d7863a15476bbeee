"""Admin URLs of the translation workflow (mounted under /admin/translation/)."""

from django.urls import path

from translation.views import exchange, imports, jobs, reports, review

urlpatterns = [
    path("jobs/", jobs.job_list, name="translation_jobs"),
    path("jobs/progress/", jobs.job_progress, name="translation_job_progress"),
    path("jobs/<int:job_id>/cancel/", jobs.job_cancel, name="translation_job_cancel"),
    path("jobs/<int:job_id>/retry/", jobs.job_retry, name="translation_job_retry"),
    path("request/page/<int:page_id>/", jobs.request_page, name="translation_request_page"),
    path(
        "request/snippet/<str:app_label>/<str:model_name>/<str:pk>/",
        jobs.request_snippet,
        name="translation_request_snippet",
    ),
    path("review/<int:source_id>/<str:language>/", review.review, name="translation_review"),
    path(
        "review/object/<uuid:object_id>/<str:language>/",
        review.review_object,
        name="translation_review_object",
    ),
    path(
        "review/<int:source_id>/<str:language>/segment/<int:translation_id>/",
        review.segment,
        name="translation_segment",
    ),
    path(
        "review/<int:source_id>/<str:language>/draft/",
        review.save_draft,
        name="translation_save_draft",
    ),
    path(
        "review/<int:source_id>/<str:language>/publish/", review.publish, name="translation_publish"
    ),
    path(
        "review/<int:source_id>/<str:language>/preview/", review.preview, name="translation_preview"
    ),
    path(
        "review/<int:source_id>/<str:language>/export/<str:fmt>/",
        exchange.export,
        name="translation_export",
    ),
    path(
        "review/<int:source_id>/<str:language>/upload/", exchange.upload, name="translation_upload"
    ),
    path("report/", reports.status_report, name="translation_report"),
    path("glossary/import/", imports.glossary_import, name="translation_glossary_import"),
    path("memory/import/", imports.memory_import, name="translation_memory_import"),
]
