from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from cms.model_fields import party_reference


class UserProfile(models.Model):
    """What the site knows about a person beyond the login: their language and Party.

    A user with a Party and the role `authorized` is a national authorized user: they act
    for that Party, and only that Party, on the public portals.
    """

    class PartyRole(models.TextChoices):
        NONE = "", _("No Party role")
        AUTHORIZED = "authorized", _("National authorized user")
        FOCAL_POINT = "focal-point", _("National focal point")
        CONTRIBUTOR = "contributor", _("Contributor")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile"
    )
    preferred_language = models.CharField(
        _("preferred language"), max_length=10, choices=settings.LANGUAGES, default="en"
    )
    party = party_reference("members", optional=True)
    party_role = models.CharField(
        _("role for the Party"), max_length=20, choices=PartyRole.choices, blank=True
    )

    class Meta:
        verbose_name = _("user profile")
        verbose_name_plural = _("user profiles")

    def __str__(self) -> str:
        return str(self.user)

    @property
    def is_authorized_for_party(self) -> bool:
        return self.party_id is not None and self.party_role == self.PartyRole.AUTHORIZED
