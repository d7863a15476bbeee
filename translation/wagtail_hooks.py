"""Admin integration: menu, page buttons, bulk action, snippet viewsets, URLs."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.admin.views.pages.bulk_actions.page_bulk_action import PageBulkAction
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from translation import localize_plugin, selectors, services
from translation.forms import BulkRequestForm
from translation.models import GlossaryTerm, MemoryEntry
from translation.services.jobs import pages_with_subpages

# wagtail-localize's own translate/sync actions publish copies at once: they go, and its
# URLs lead into our workflow instead (see localize_plugin).
localize_plugin.plugin_actions_remove()
hooks.register("register_admin_urls", localize_plugin.plugin_urls)

REQUEST_PERMISSION = "translation.request_machine_translation"


@hooks.register("register_admin_urls")
def urls():
    return [path("translation/", include("translation.urls"))]


class _PermissionMenuItem(MenuItem):
    def __init__(self, *args, check, **kwargs):
        self.check = check
        super().__init__(*args, **kwargs)

    def is_shown(self, request):
        return self.check(request.user)


def _any_translation_right(user) -> bool:
    return user.is_superuser or any(
        perm.startswith("translation.") for perm in user.get_all_permissions()
    )


@hooks.register("register_admin_menu_item")
def jobs_menu_item():
    return _PermissionMenuItem(
        _("Translation jobs"),
        reverse("translation_jobs"),
        icon_name="globe",
        order=310,
        check=_any_translation_right,
    )


@hooks.register("register_reports_menu_item")
def status_menu_item():
    return _PermissionMenuItem(
        _("Translation status"),
        reverse("translation_report"),
        icon_name="globe",
        order=900,
        check=_any_translation_right,
    )


class MachineTranslateButton(PageMenuItem):
    label = _("Machine-translate")
    icon_name = "globe"
    url_name = "translation_request_page"

    def is_shown(self, user):
        return user.has_perm(REQUEST_PERMISSION) and not self.page.is_root()


def _buttons(page, user):
    if page.is_root() or not user.has_perm(REQUEST_PERMISSION):
        return
    yield MachineTranslateButton(page=page, priority=35)


@hooks.register("register_page_header_buttons")
def header_buttons(page, user, view_name, next_url=None):
    yield from _buttons(page, user)


@hooks.register("register_page_listing_more_buttons")
def listing_buttons(page, user, next_url=None):
    yield from _buttons(page, user)


@hooks.register("register_snippet_listing_buttons")
def snippet_buttons(snippet, user, next_url=None):
    """The one translate entry of a translatable snippet (wagtail-localize's own are removed)."""
    from wagtail.admin.ui.menus import MenuItem
    from wagtail.models import TranslatableMixin

    from translation import selectors

    if not isinstance(snippet, TranslatableMixin) or not user.has_perm(REQUEST_PERMISSION):
        return
    if not selectors.is_source_instance(snippet):
        return
    meta = snippet._meta
    yield MenuItem(
        _("Machine-translate"),
        reverse("translation_request_snippet", args=[meta.app_label, meta.model_name, snippet.pk]),
        icon_name="globe",
        priority=35,
    )


@hooks.register("register_bulk_action")
class MachineTranslateBulkAction(PageBulkAction):
    display_name = _("Machine-translate")
    action_type = "machine_translate"
    aria_label = _("Machine-translate selected pages")
    template_name = "translation/bulk_machine_translate.html"
    action_priority = 60

    def check_perm(self, page):
        return self.request.user.has_perm(REQUEST_PERMISSION) and not page.is_root()

    def get_form_class(self):
        return BulkRequestForm

    def get_form_kwargs(self):
        pages, _no_access = self.get_actionable_objects()
        return {
            **super().get_form_kwargs(),
            "source_languages": {page.locale.language_code for page in pages},
        }

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        pages = [item["item"].specific for item in context["items"]]
        context["plan"] = selectors.bulk_translation_plan(pages)
        return context

    def get_execution_context(self):
        data = self.cleaned_form.cleaned_data
        return {
            **super().get_execution_context(),
            "languages": data["languages"],
            "include_subpages": data["include_subpages"],
        }

    @classmethod
    def execute_action(cls, objects, user=None, languages=(), include_subpages=False, **kwargs):
        pages = [page.specific for page in objects]
        if include_subpages:
            pages = pages_with_subpages(pages)
        jobs = services.jobs_request_many(pages=pages, user=user, languages=languages)
        return len(jobs), len(pages) - len(jobs)

    def get_success_message(self, num_parent_objects, num_child_objects):
        message = _("Machine translation requested for %(count)s pages.") % {
            "count": num_parent_objects
        }
        if num_child_objects:
            message += " " + _(
                "%(count)s pages were left out: they are written in the chosen languages, "
                "or a translation into them is already running."
            ) % {"count": num_child_objects}
        return message


class GlossaryViewSet(SnippetViewSet):
    model = GlossaryTerm
    icon = "list-ul"
    menu_label = _("Glossary")
    list_display = [
        "term_en",
        "term_fr",
        "term_es",
        "term_ru",
        "term_ar",
        "term_zh_hans",
        "do_not_translate",
    ]
    search_fields = ["term_en", "term_fr", "term_es", "term_ru", "term_ar", "term_zh_hans"]


class MemoryViewSet(SnippetViewSet):
    model = MemoryEntry
    icon = "clipboard-list"
    menu_label = _("Translation memory")
    list_display = [
        "source_language",
        "target_language",
        "source_text",
        "target_text",
        "origin",
        "use_count",
        "updated_at",
    ]
    list_filter = ["source_language", "target_language", "origin"]
    # A database search over the table (the model is not in the search index: see its doc).
    search_fields = ["source_text", "target_text"]
    search_backend_name = None


class TranslationGroup(SnippetViewSetGroup):
    items = (GlossaryViewSet, MemoryViewSet)
    menu_icon = "globe"
    menu_label = _("Translation tools")
    menu_name = "translation-tools"
    menu_order = 320


register_snippet(TranslationGroup)


@hooks.register("register_log_actions")
def register_job_log_actions(actions) -> None:
    actions.register_action(
        "translation.job.request",
        _("Request machine translation"),
        _("Machine translation requested"),
    )
    actions.register_action(
        "translation.job.cancel",
        _("Cancel machine translation"),
        _("Machine translation cancelled"),
    )
    actions.register_action(
        "translation.job.retry",
        _("Retry machine translation"),
        _("Machine translation started again"),
    )


@hooks.register("register_log_actions")
def register_review_log_actions(actions):
    from wagtail.log_actions import LogFormatter

    from translation.services.exchange_import import IMPORT_ACTION
    from translation.services.review import PUBLISH_OVERRIDE

    @actions.register_action(IMPORT_ACTION)
    class TranslationImport(LogFormatter):
        label = _("Import translation file")

        def format_message(self, log_entry):
            data = log_entry.data
            return _(
                "Translation file %(file)s imported into %(language)s: %(applied)s applied, %(rejected)s rejected"
            ) % {
                "file": data.get("file", ""),
                "language": data.get("language", ""),
                "applied": data.get("applied", 0),
                "rejected": data.get("rejected", 0),
            }

    @actions.register_action(PUBLISH_OVERRIDE)
    class PublishOverride(LogFormatter):
        label = _("Publish translation anyway")

        def format_message(self, log_entry):
            return _(
                "Translation published before review was complete or with errors: %(reason)s"
            ) % {"reason": log_entry.data.get("reason", "")}
