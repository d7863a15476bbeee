"""What each app's audit-log test shares: the entries Wagtail's audit log holds for one
object, and the actions an app registers (so a new action without a test fails)."""

import re
from pathlib import Path

from wagtail.log_actions import registry
from wagtail.models import ModelLogEntry


def logged(instance) -> list[tuple[str, str | None, dict]]:
    """(action, actor's username, data) for each entry on `instance`, oldest first."""
    return [
        (entry.action, entry.user.get_username() if entry.user else None, entry.data)
        for entry in ModelLogEntry.objects.for_instance(instance).order_by("timestamp", "pk")
    ]


def actions_logged(instance) -> list[str]:
    return [action for action, _user, _data in logged(instance)]


def registered(prefix: str) -> set[str]:
    """The actions registered under `prefix` ("helpdesk.") by the apps' wagtail_hooks."""
    return {action for action, _label in registry.get_choices() if action.startswith(prefix)}


def actions_named_in(test_file: str, prefix: str) -> set[str]:
    """The actions under `prefix` that a test module names (in what it asserts): read from
    its text, so the check holds however the tests are spread over xdist workers."""
    return set(re.findall(rf'"({re.escape(prefix)}[a-z_.]+)"', Path(test_file).read_text()))
