"""Signal receivers: a published source marks changed translations stale."""

from __future__ import annotations

import logging

from wagtail.models import TranslatableMixin
from wagtail.signals import published

log = logging.getLogger(__name__)


def _on_published(sender, instance, revision=None, **kwargs) -> None:
    from translation.services import source_published

    if not isinstance(instance, TranslatableMixin):
        return
    user = getattr(revision, "user", None)
    source_published(instance=instance, user=user)


def connect() -> None:
    published.connect(_on_published, dispatch_uid="translation_published")
