"""Model fields that several apps declare the same way."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


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


def party_reference(related_name: str, *, optional: bool = False) -> models.ForeignKey:
    """The Party a record belongs to; a Party with records cannot be deleted (PROTECT).
    `optional`: records that may belong to no Party (staff accounts, anonymous tickets)."""
    return models.ForeignKey(
        "cms.Party",
        verbose_name=_("Party"),
        null=optional,
        blank=optional,
        on_delete=models.PROTECT,
        related_name=related_name,
    )
