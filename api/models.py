"""API tokens: one national CHM (one Party) per token, stored hashed, revocable."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from cms.model_fields import party_reference, user_reference


class ApiToken(models.Model):
    """A secret a national CHM sends as `Authorization: Bearer <key>`.

    Only the SHA-256 of the key is stored; the key itself is shown once, when created
    (`services.token_create`). A token acts for exactly one Party and can never read or
    write another Party's data. Revoking sets `revoked_at`; the row stays as a record.
    """

    party = party_reference("api_tokens")
    name = models.CharField(
        _("name"), max_length=120, help_text=_("Who uses it, e.g. the national CHM website")
    )
    prefix = models.CharField(_("prefix"), max_length=16, unique=True, editable=False)
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    created_by = user_reference(editable=False)
    # The account the token acts through when it calls other apps' services, so their own
    # permission checks (a national authorized user of this Party) and audit trails apply.
    service_user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="api_token",
        editable=False,
    )
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True, editable=False)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True, editable=False)
    revoked_by = user_reference(editable=False)

    class Meta:
        ordering = ["party__code", "name"]
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self) -> str:
        return f"{self.name} ({self.party.code}, {self.prefix}…)"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None
