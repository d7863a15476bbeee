from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cms.model_fields import party_reference, user_reference
from cms.models import UserProfile

# The roles a person can be invited or nominated to; "no role" is not one of them.
PARTY_ROLES = [choice for choice in UserProfile.PartyRole.choices if choice[0]]


class Invitation(models.Model):
    """A one-time, expiring link for one person to open an account for a Party and role.

    Only the SHA-256 of the link's token is stored, so a copy of the database opens no
    account. An invitation is accepted at most once; after `expires_at` or once revoked
    its link opens nothing.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        ACCEPTED = "accepted", _("Accepted")
        REVOKED = "revoked", _("Revoked")
        EXPIRED = "expired", _("Expired")

    email = models.EmailField(_("e-mail address"))
    name = models.CharField(_("name"), max_length=200, blank=True)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    party = party_reference("+")
    role = models.CharField(_("role for the Party"), max_length=20, choices=PARTY_ROLES)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    invited_by = user_reference()
    accepted_at = models.DateTimeField(null=True, blank=True)
    user = user_reference()
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")

    def __str__(self) -> str:
        return self.email

    @property
    def state(self) -> str:
        """The status a person sees: a pending invitation past its date is expired."""
        if self.status == self.Status.PENDING and self.expires_at <= timezone.now():
            return self.Status.EXPIRED
        return self.status

    def get_state_display(self) -> str:
        return self.Status(self.state).label

    @staticmethod
    def default_expiry():
        return timezone.now() + timedelta(days=settings.ACCOUNTS_INVITATION_DAYS)


class AccessRequest(models.Model):
    """A person's request to act for a Party (a nomination), until someone verifies it.

    The Party's national authorized users or the Secretariat verify it; verifying sends the
    person an invitation, so the account only exists once they set their own password.
    """

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("Waiting for verification")
        VERIFIED = "verified", _("Verified")
        REJECTED = "rejected", _("Rejected")

    party = party_reference("+")
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail address"))
    position = models.CharField(_("position and institution"), max_length=300)
    role = models.CharField(_("role for the Party"), max_length=20, choices=PARTY_ROLES)
    message = models.TextField(_("message"), blank=True)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.SUBMITTED)
    created_at = models.DateTimeField(default=timezone.now)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = user_reference()
    invitation = models.OneToOneField(
        Invitation, null=True, blank=True, on_delete=models.SET_NULL, related_name="access_request"
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("access request")
        verbose_name_plural = _("access requests")

    def __str__(self) -> str:
        return f"{self.name} <{self.email}>"
