"""Model fields that several apps declare the same way."""

from django.conf import settings
from django.db import models


def user_reference(verbose_name=None, *, editable: bool = True) -> models.ForeignKey:
    """The person who did something to a record (wrote, approved, revoked it …). The record
    outlives the account (SET_NULL), and User gets no reverse accessor for each such field."""
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=verbose_name,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=editable,
    )
