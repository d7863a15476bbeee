"""The site's services, as menus link to them, and the menu a visitor sees.

A *service* is a place on the site every visitor should be able to reach (notifications,
the helpdesk, the tracker…). Editors build each language's menu in the admin
(Snippets → Menus) from services, pages and outside links; a language without a menu gets
`DEFAULT_MENU`. To add a service, append one `ServiceLink` to `SERVICES` (and its key to
`DEFAULT_MENU` if every menu should have it by default): editors can then pick it, and its
label is translated like any other string. See docs/NAVIGATION.md.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.apps import apps
from django.urls import NoReverseMatch, reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override
from wagtail.models import Page

FALLBACK_LANGUAGE = "en"


@dataclass(frozen=True)
class ServiceLink:
    """A named destination: a route under the language prefix, or the first live page of
    a page type in the visitor's language (English when that language has none)."""

    key: str
    label: Promise
    url_name: str = ""
    page_type: str = ""  # "app_label.ModelName"

    def url(self, language: str) -> str | None:
        if self.url_name:
            try:
                with override(language):
                    return reverse(self.url_name)
            except NoReverseMatch:
                return None
        page = _first_page_of_type(self.page_type, language)
        return page.url if page is not None else None


SERVICES: tuple[ServiceLink, ...] = (
    ServiceLink("about", _("About"), page_type="cms.ContentPage"),
    ServiceLink("notifications", _("Notifications"), url_name="notifications:list"),
    ServiceLink("helpdesk-new", _("New request"), url_name="helpdesk:ticket_new"),
    ServiceLink("helpdesk-tickets", _("My requests"), url_name="helpdesk:ticket_list"),
    ServiceLink("help-articles", _("Help articles"), page_type="helpdesk.HelpIndexPage"),
    ServiceLink("tracker", _("National CHM tracker"), url_name="helpdesk:tracker"),
    ServiceLink("award", _("National CHM award"), url_name="helpdesk:award_index"),
    ServiceLink("focal-points", _("Focal points"), url_name="notifications:directory"),
    ServiceLink("documents", _("Official documents"), page_type="cms.DocumentIndexPage"),
    ServiceLink("news", _("News"), page_type="cms.NewsIndexPage"),
    ServiceLink("events", _("Events"), page_type="cms.EventIndexPage"),
    ServiceLink("open-data", _("Open data and API"), url_name="open-data"),
)
SERVICES_BY_KEY = {service.key: service for service in SERVICES}

# The menu of a language that has none in the admin: keys, or (group label, keys).
DEFAULT_MENU: tuple[str | tuple[Promise, tuple[str, ...]], ...] = (
    "about",
    "notifications",
    (_("Helpdesk"), ("helpdesk-new", "helpdesk-tickets", "help-articles", "award")),
    "tracker",
    "focal-points",
    "documents",
    "news",
    "events",
    "open-data",
)


def service_choices() -> list[tuple[str, Promise]]:
    """Choices for the menu editor; callable, so a new service needs no migration."""
    return [(service.key, service.label) for service in SERVICES]


def default_menu_data() -> list[dict]:
    """A new menu in the admin starts as the default menu, for editors to change."""

    def service(key: str) -> dict:
        return {"type": "service", "value": {"service": key, "label": ""}}

    data = []
    for item in DEFAULT_MENU:
        if isinstance(item, str):
            data.append(service(item))
        else:
            label, keys = item
            links = [service(key) for key in keys]
            data.append({"type": "group", "value": {"label": str(label), "links": links}})
    return data


@dataclass
class MenuEntry:
    label: str
    url: str = ""
    children: list[MenuEntry] = field(default_factory=list)


def _first_page_of_type(page_type: str, language: str) -> Page | None:
    try:
        model = apps.get_model(page_type)
    except (LookupError, ValueError):
        return None
    pages = model.objects.live().public().order_by("path")
    return (
        pages.filter(locale__language_code=language).first()
        or pages.filter(locale__language_code=FALLBACK_LANGUAGE).first()
    )


def service_entry(key: str, language: str, label: str = "") -> MenuEntry | None:
    service = SERVICES_BY_KEY.get(key)
    url = service.url(language) if service else None
    if url is None:
        return None
    if not label:
        with override(language):
            label = str(service.label)
    return MenuEntry(label, url)


def default_menu(language: str) -> list[MenuEntry]:
    entries: list[MenuEntry] = []
    for item in DEFAULT_MENU:
        if isinstance(item, str):
            entry = service_entry(item, language)
        else:
            group_label, keys = item
            with override(language):
                entry = MenuEntry(str(group_label))
            entry.children = [e for key in keys if (e := service_entry(key, language))]
            entry = entry if entry.children else None
        if entry is not None:
            entries.append(entry)
    return entries
