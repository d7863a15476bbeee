"""Every URL pattern of the site, read from Django's resolver (so a new view is walked by the
public-fields, fuzz and permission-walk tests without anyone adding it to a list)."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from django.urls import URLResolver, get_resolver
from django.utils import translation


@dataclass(frozen=True)
class Route:
    """One URL pattern as a format string (`en/helpdesk/tickets/%(pk)s/`) and its params."""

    template: str
    params: tuple[str, ...]
    module: str = ""  # where the view is written (decorators keep the original's name)

    def url(self, **values: str) -> str:
        return "/" + self.template % values

    def urls(self, choices: dict[str, list[str]]) -> list[str]:
        """One URL per combination of the given values for this route's parameters."""
        options = [choices.get(name, ["1"]) for name in self.params]
        return [
            self.url(**dict(zip(self.params, combo, strict=True)))
            for combo in itertools.product(*options)
        ]


def _walk(resolver: URLResolver, prefix: str = ""):
    for key, entries in resolver.reverse_dict.lists():
        module = "" if isinstance(key, str) else getattr(key, "__module__", "")
        for possibilities, _pattern, _defaults, _converters in entries:
            for template, params in possibilities:
                yield prefix + template, tuple(params), module
    for ns_prefix, sub in resolver.namespace_dict.values():
        # Namespace prefixes are kept as regular expressions (`notifications\-staff/`).
        yield from _walk(sub, prefix + re.sub(r"\\(.)", r"\1", ns_prefix))


def site_routes(language: str = "en") -> list[Route]:
    """Every route of the site (language-prefixed ones under `language`), sorted."""
    found: dict[str, Route] = {}
    with translation.override(language):
        for template, params, module in _walk(get_resolver()):
            if module or template not in found:
                found[template] = Route(
                    template, params, module or found.get(template, Route("", ())).module
                )
    return [found[template] for template in sorted(found)]


def public_routes(language: str = "en") -> list[Route]:
    """Routes outside the Wagtail admin and the mail providers' webhooks."""
    return [
        route
        for route in site_routes(language)
        if not route.template.startswith(("admin/", "anymail/"))
    ]


def admin_routes() -> list[Route]:
    return [route for route in site_routes() if route.template.startswith("admin/")]
