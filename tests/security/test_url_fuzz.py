"""Every URL pattern and every query parameter with hostile values: never a 500.

Issue 16's rule. The routes are read from Django's resolver (site_routes.py), so a new view is
fuzzed without anyone listing it. Three people ask: anonymous and a Party user on the public
routes, a superuser on every route, the Wagtail admin included.

Path fuzz: each hostile value in each path parameter (the others valid). A URL the resolver
refuses is not sent: an `<int:>` converter never hands `²` or `-1` to a view, so that request
would only test Django's 404.

Query fuzz: each route with valid path parameters is first asked once with no query string,
while every read of a query parameter (`QueryDict.get`, `getlist`, `[...]`) is recorded; the
parameters a view reads are then sent hostile values, one request per value class with the
classes rotated over the parameters, so each parameter meets every class. The candidates are
`KNOWN_QUERY_PARAMETERS` (our source, read by regular expression, the API's OpenAPI schema,
OData's system options and the ones Wagtail's admin reads) plus whatever the probe saw read,
so a parameter nobody listed is fuzzed as soon as a view reads it.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from urllib.parse import quote, unquote_to_bytes

import pytest
from django.core.files.base import ContentFile
from django.http import QueryDict
from django.test import Client
from django.urls import Resolver404, resolve
from django.utils.encoding import repercent_broken_unicode
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from cms.models import HomePage, Party, UserProfile
from helpdesk.services.tickets import ticket_create
from tests.api.builders import focal_point_active, notification_issued
from tests.security.site_routes import Route, site_routes

pytestmark = [pytest.mark.security, pytest.mark.django_db]

# Percent-encoded, so the same text serves a path segment and a query value.
HOSTILE = {
    "NUL": "a%00b",
    "superscript two": "%C2%B2",
    "Arabic-Indic digits": quote("\u0661\u0662"),
    "20 digits": "9" * 20,
    "negative": "-1",
    "overlong": "x" * 3000,
    "CR/LF": "a%0D%0Ab",
    "invalid UTF-8": "%FF%FE",
}
# Wagtail's deliberate error page, and the sign-out pages (they would end the session the
# rest of the walk needs).
NOT_FUZZED = {"admin/failwhale/", "admin/logout/", "en/account/logout/"}
SOURCE_APPS = ("cms", "translation", "notifications", "helpdesk", "api", "accounts", "reports")
# What Wagtail's admin, wagtail-localize and django-filter read (their listings, choosers,
# searches and redirects), besides what our own source reads.
WAGTAIL_QUERY_PARAMETERS = {
    "q", "p", "page", "ordering", "sort", "order", "locale", "multiple", "collection_id",
    "tag", "tags", "id", "next", "parent_page_id", "page_type", "content_type", "type",
    "user_perms", "can_choose_root", "allow_external_link", "link_text", "link_url",
    "prompt_for_link_text", "mode", "format", "layout", "source", "filter", "status",
    "owner", "created_at", "latest_revision_created_at", "timestamp", "action", "user",
    "object_type", "content_type_id", "object_id", "export", "select_format", "select_all",
    "in_listing", "show_locale_labels", "search_type", "include_descendants", "fields",
    "child_of", "descendant_of", "limit", "offset", "search", "search_operator", "uploaded_by",
}  # fmt: skip
QUERY_READ = re.compile(
    r"""(?:GET|filters|params|query)\s*(?:\.get(?:list)?\(|\[)\s*["']([\w$-]+)["']"""
)
ODATA_OPTIONS = {"$filter", "$select", "$orderby", "$top", "$skip", "$count", "$format"}
ODATA_OPTIONS |= {"$skiptoken", "$search", "$expand"}


@cache
def known_query_parameters() -> frozenset[str]:
    """Every query parameter our code or Wagtail reads, found without a hand-kept list:
    `request.GET.get("x")`-style reads (also through a copy named filters/params/query), the
    API's query parameters from its OpenAPI schema, OData's system options."""
    from api.v1 import api

    root = Path(__file__).resolve().parents[2]
    found = set(WAGTAIL_QUERY_PARAMETERS) | ODATA_OPTIONS
    for app in SOURCE_APPS:
        for source in (root / app).rglob("*.py"):
            found.update(QUERY_READ.findall(source.read_text(encoding="utf-8")))
    for operations in api.get_openapi_schema()["paths"].values():
        for operation in operations.values():
            for parameter in operation.get("parameters", []):
                if parameter["in"] == "query":
                    found.add(parameter["name"])
    return frozenset(found)


def path_info(url: str) -> str:
    """The path as a view sees it (what WSGIRequest makes of the percent-encoded path)."""
    return repercent_broken_unicode(unquote_to_bytes(url.split("?")[0])).decode()


def reaches_a_view(url: str) -> bool:
    try:
        resolve(path_info(url))
    except Resolver404:
        return False
    return True


@pytest.fixture
def fuzz_data(settings, tmp_path, django_user_model):
    """One of each kind a route names, so views get past "not found"."""
    settings.MEDIA_ROOT = str(tmp_path)
    # A 429 would hide what the view does with the value (the API's budget is per address).
    settings.API_RATE_LIMIT_IP = settings.API_RATE_LIMIT_TOKEN = 10**9
    # No password: hashing one costs more than the rest of this fixture, and force_login
    # needs none.
    party_user = django_user_model.objects.create_user("party-user", "party@example.org")
    UserProfile.objects.create(
        user=party_user,
        party=Party.objects.get(code="FR"),
        party_role=UserProfile.PartyRole.AUTHORIZED,
    )
    superuser = django_user_model.objects.create_superuser("root", "root@example.org", None)
    notification = notification_issued()
    focal_point = focal_point_active()
    ticket = ticket_create(
        category="other",
        subject="A question",
        description="About the national CHM.",
        language="en",
        requester=party_user,
    )
    document = get_document_model().objects.create(
        title="Report", file=ContentFile(b"%PDF-1.4 report", name="report.pdf")
    )
    image = get_image_model().objects.create(title="Logo", file=get_test_image_file())
    home = HomePage.objects.get(locale__language_code="en")
    values = {
        "number": str(notification.number),
        "code": "FR",
        "language": "fr",
        "translation_key": str(home.translation_key),
        "page_id": str(home.pk),
        "parent_page_id": str(home.pk),
        "page_to_move_id": str(home.pk),
        "page_pk": str(home.pk),
        "image_id": str(image.pk),
        "document_id": str(document.pk),
        "doc_id": str(document.pk),
        "entity_set": "Notifications",
        "app_label": "notifications",
        "model_name": "notification",
        "content_type_app_name": "cms",
        "content_type_model_name": "homepage",
        "app_name": "notifications",
        "action": "verify",
        "action_name": "approve",
        "filter_spec": "original",
        "mode": "default",
        "fmt": "po",
        "uidb64": "MQ",
        "token": "x",
        "filename": "ntf-letter.pdf",
        "_0": "",  # a page's path (and a document's id, under documents/)
        "_1": "report.pdf",
        "document": str(document.pk),
    }
    # A `pk` names a different model on each route: the first fragment the route contains.
    pks = {
        "helpdesk/tickets/": ticket.pk,
        "focal-points/": focal_point.pk,
        "focalpoint/": focal_point.pk,
        "notifications-staff/": notification.pk,
        "notification/": notification.pk,
        "images/": image.pk,
        "documents/": document.pk,
    }
    return {
        "superuser": superuser,
        "party user": party_user,
        "values": values,
        "pks": {fragment: str(pk) for fragment, pk in pks.items()},
    }


def _clients(fuzz_data) -> dict[str, object]:
    """One client per role, signed in once."""
    clients = {}
    for role in ("anonymous", "party user", "superuser"):
        client = Client()
        if role != "anonymous":
            client.force_login(fuzz_data[role])
        clients[role] = client
    return clients


def _roles_for(route: Route) -> tuple[str, ...]:
    if route.template.startswith(("admin/", "anymail/")):
        return ("superuser",)
    return ("anonymous", "party user", "superuser")


def _ask(client, url: str, failures: list) -> None:
    try:
        response = client.get(url)
    except Exception as error:  # noqa: BLE001 (the test reports every crash, then fails)
        failures.append(f"{url[:200]} → {type(error).__name__}: {str(error)[:200]}")
        return
    if response.status_code >= 500:
        failures.append(f"{url[:200]} → {response.status_code}")


GROUPS = 12
# Values that let the resolver place a route (the ids come from fuzz_data in the tests).
SHAPE_VALUES = {
    "_0": "",
    "_1": "report.pdf",
    "filename": "ntf-letter.pdf",
    "language": "fr",
    "code": "FR",
    "entity_set": "Notifications",
}


@cache
def _routes() -> list[Route]:
    """Every route but NOT_FUZZED, a Wagtail view class asked once per parameter shape.

    Wagtail builds the same view class for each snippet model and chooser (13 snippet
    models: 13 identical edit, history, chooser… views); the code a hostile value meets is the
    class's, so one model stands for the rest (567 routes → about 350). Our own views are
    all kept.
    """
    seen, kept = set(), []
    for route in site_routes():
        if route.template in NOT_FUZZED:
            continue
        try:
            match = resolve(path_info(route.url(**_shape_values(route))))
        except Resolver404:  # a pattern our values do not fit: kept, on its own
            shape = route.template
        else:
            shape = (getattr(match.func, "view_class", match.func), route.params)
        if route.module.startswith("wagtail") and shape in seen:
            continue
        seen.add(shape)
        kept.append(route)
    return kept


def _shape_values(route: Route, data: dict | None = None) -> dict[str, str]:
    """Valid-looking values for the route's parameters (ids from fuzz_data where given)."""
    values = data["values"] if data else {}
    chosen = {name: values.get(name, SHAPE_VALUES.get(name, "1")) for name in route.params}
    if route.template.startswith("documents/"):
        chosen["_0"] = values.get("document", "1")
    if "pk" in chosen and data:
        fragment = next((f for f in data["pks"] if f in route.template), None)
        chosen["pk"] = data["pks"].get(fragment, "1")
    return chosen


def _path_urls(route: Route, data: dict) -> list[str]:
    urls = []
    for name in route.params:
        for hostile in HOSTILE.values():
            values = _shape_values(route, data)
            values[name] = hostile
            url = route.url(**values)
            if url not in urls and reaches_a_view(url):
                urls.append(url)
    return urls


@pytest.mark.parametrize("group", range(GROUPS))
def test_hostile_path_parameters_never_answer_500(fuzz_data, group):
    clients = _clients(fuzz_data)
    failures: list[str] = []
    for route in _routes()[group::GROUPS]:
        urls = _path_urls(route, fuzz_data)
        for role in _roles_for(route):
            for url in urls:
                _ask(clients[role], url, failures)
    assert failures == [], "\n".join(failures)


class QueryReads:
    """Records which query parameters a view reads (a QueryDict method wrapped per test)."""

    def __init__(self, monkeypatch):
        self.names: set[str] = set()
        for method in ("get", "getlist", "__getitem__"):
            monkeypatch.setattr(QueryDict, method, self._recording(getattr(QueryDict, method)))

    def _recording(self, original):
        def read(query, key, *args, **kwargs):
            self.names.add(key)
            return original(query, key, *args, **kwargs)

        return read

    def during(self, client, url: str) -> set[str]:
        self.names = set()
        try:
            client.get(url)
        except Exception:  # noqa: BLE001, S110 (a crash without a query string is the path fuzz's)
            pass
        return set(self.names)


def _hostile_queries(names: list[str]) -> list[str]:
    """One query string per hostile class, the classes rotated over the names: each name
    meets every class, and each request carries all of them at once."""
    values = list(HOSTILE.values())
    return [
        "&".join(
            f"{quote(name)}={values[(index + turn) % len(values)]}"
            for index, name in enumerate(names)
        )
        for turn in range(len(values))
    ]


@pytest.mark.parametrize("group", range(GROUPS))
def test_hostile_query_parameters_never_answer_500(fuzz_data, monkeypatch, group):
    clients = _clients(fuzz_data)
    reads = QueryReads(monkeypatch)
    known = known_query_parameters()
    failures: list[str] = []
    for route in _routes()[group::GROUPS]:
        url = route.url(**_shape_values(route, fuzz_data))
        for role in _roles_for(route):
            read = reads.during(clients[role], url)
            names = sorted(name for name in read if isinstance(name, str))
            queries = _hostile_queries(names + sorted(known - set(names)))
            # A view that read nothing gets one request with every known name (in case it
            # reads one only on some branch); one that reads gets every class in each name.
            for query in queries if names else queries[:1]:
                _ask(clients[role], f"{url}?{query}", failures)
    assert failures == [], "\n".join(failures)


def test_known_query_parameters_come_from_the_source():
    known = known_query_parameters()
    # Read by our views (regex), by the API (OpenAPI schema), by Wagtail's admin.
    assert {"year", "region", "party", "q"} <= known
    assert {"page_size", "updated_since"} <= known
    assert {"ordering", "p", "collection_id"} <= known
