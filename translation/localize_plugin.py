"""One way to translate: wagtail-localize's own translate and sync actions are taken away.

We keep wagtail-localize for its segment layer (sources, strings, PO), but its admin
actions copy a source into other locales and publish the copy at once (a live snippet or
page in Arabic holding the English text), or open its own editor whose "Publish" bypasses
review. Every such entry point goes: its buttons and menu items, its editor override, the
"sync from another locale" setting and the aliases it creates. Its URLs stay reversible
under the same names, but each one now leads into our machine translation → review →
publish workflow and writes nothing itself.

Wagtail has no public way to unregister a hook, so the plugin's functions are removed
from `wagtail.hooks._hooks`; `tests/translation/test_localize_plugin.py` walks the admin
and fails if any of them comes back after an upgrade.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import include, path, reverse
from django.utils.translation import gettext as _
from django.views.i18n import JavaScriptCatalog
from wagtail import hooks
from wagtail.models import Page
from wagtail_localize import synctree
from wagtail_localize import wagtail_hooks as plugin
from wagtail_localize.locales.components import LOCALE_COMPONENTS
from wagtail_localize.models import LocaleSynchronization, Translation, TranslationSource
from wagtail_localize.views import report, snippets_api

# hook name → the plugin's functions registered under it that copy, publish or sync.
_REMOVED = {
    "register_admin_urls": [plugin.register_admin_urls],
    "register_page_header_buttons": [plugin.page_listing_more_buttons],
    "register_page_listing_more_buttons": [plugin.page_listing_more_buttons],
    "register_snippet_listing_buttons": [plugin.register_snippet_listing_buttons],
    "before_edit_page": [plugin.before_edit_page],
    "before_edit_snippet": [plugin.before_edit_snippet],
    "register_page_action_menu_item": [
        plugin.register_restart_translation_page_action_menu_item,
        plugin.register_convert_back_to_alias_page_action_menu_item,
    ],
    "register_snippet_action_menu_item": [
        plugin.register_restart_translation_snippet_action_menu_item
    ],
    "after_create_page": [synctree.after_create_page],
}


def plugin_actions_remove() -> None:
    """Take the plugin's actions out of the admin (idempotent)."""
    for hook_name, functions in _REMOVED.items():
        registered = hooks._hooks.get(hook_name, [])
        registered[:] = [entry for entry in registered if entry[0] not in functions]
    LOCALE_COMPONENTS[:] = [c for c in LOCALE_COMPONENTS if c["model"] is not LocaleSynchronization]


def _object_request_url(instance) -> str:
    """Our machine-translation request form for a page or a translatable snippet."""
    if isinstance(instance, Page):
        return reverse("translation_request_page", args=[instance.pk])
    meta = instance._meta
    return reverse(
        "translation_request_snippet", args=[meta.app_label, meta.model_name, instance.pk]
    )


def _request_page(request: HttpRequest, page_id: int) -> HttpResponse:
    return redirect("translation_request_page", page_id=page_id)


def _request_snippet(request: HttpRequest, app_label: str, model_name: str, pk: str):
    return redirect(
        "translation_request_snippet", app_label=app_label, model_name=model_name, pk=pk
    )


def _update(request: HttpRequest, translation_source_id: int) -> HttpResponse:
    # "Sync translated pages" = translate what changed: a job re-translates only the
    # segments that are missing or stale, into drafts.
    source = get_object_or_404(TranslationSource, pk=translation_source_id)
    try:
        instance = source.get_source_instance()
    except Exception as error:  # the source object was deleted
        raise Http404 from error
    return redirect(_object_request_url(instance))


def _translation_review(request: HttpRequest, translation_id: int, **ignored) -> HttpResponse:
    # Any of the plugin's editor endpoints (edit a string, upload a PO file, machine
    # translate, preview, stop) opens our review screen for that language instead.
    translation = get_object_or_404(
        Translation.objects.select_related("target_locale"), pk=translation_id
    )
    return redirect(
        "translation_review",
        source_id=translation.source_id,
        language=translation.target_locale.language_code,
    )


def _convert_to_alias(request: HttpRequest, page_id: int) -> HttpResponse:
    # An alias shows the source language's text under another locale: never.
    messages.error(
        request,
        _(
            "A page in another language cannot show the original's text. Request machine "
            "translation and review it instead."
        ),
    )
    return redirect("wagtailadmin_pages:edit", page_id)


def plugin_urls():
    """The plugin's URL names, each leading into our workflow; read-only views kept."""
    urls = [
        path(
            "jsi18n/",
            JavaScriptCatalog.as_view(packages=["wagtail_localize"]),
            name="javascript_catalog",
        ),
        path("submit/page/<int:page_id>/", _request_page, name="submit_page_translation"),
        path(
            "submit/snippet/<slug:app_label>/<slug:model_name>/<str:pk>/",
            _request_snippet,
            name="submit_snippet_translation",
        ),
        path("update/<int:translation_source_id>/", _update, name="update_translations"),
        path("page/<int:page_id>/convert_to_alias/", _convert_to_alias, name="convert_to_alias"),
        path(
            "reports/translations/",
            report.TranslationsReportView.as_view(),
            name="translations_report",
        ),
        path(
            "reports/translations/results/",
            report.TranslationsReportView.as_view(results_only=True),
            name="translations_report_results",
        ),
        path(
            "api/snippets/<slug:app_label>/<slug:model_name>/",
            snippets_api.SnippetViewSet.as_view({"get": "list"}),
            name="snippets_api_listing",
        ),
        path(
            "api/snippets/<slug:app_label>/<slug:model_name>/<str:pk>/",
            snippets_api.SnippetViewSet.as_view({"get": "retrieve"}),
            name="snippets_api_detail",
        ),
    ]
    for suffix, name in [
        ("strings/<int:string_segment_id>/edit/", "edit_string_translation"),
        ("overrides/<int:overridable_segment_id>/edit/", "edit_override"),
        ("pofile/download/", "download_pofile"),
        ("pofile/upload/", "upload_pofile"),
        ("machine_translate/", "machine_translate"),
        ("preview/", "preview_translation"),
        ("preview/<str:mode>/", "preview_translation"),
        ("disable/", "stop_translation"),
    ]:
        urls.append(
            path(f"translate/<int:translation_id>/{suffix}", _translation_review, name=name)
        )
    return [path("localize/", include((urls, "wagtail_localize"), namespace="wagtail_localize"))]
