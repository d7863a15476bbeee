from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class Region(models.TextChoices):
    """UN regional groups, as the Secretariat uses them."""

    AFRICA = "africa", _("African Group")
    ASIA_PACIFIC = "asia-pacific", _("Asia-Pacific Group")
    EASTERN_EUROPE = "eastern-europe", _("Eastern European Group")
    GRULAC = "grulac", _("Latin American and Caribbean Group")
    WEOG = "weog", _("Western European and Others Group")
    REIO = "reio", _("Regional economic integration organization")


class Party(models.Model):
    """A Party to the Convention: a State or the European Union.

    `names` holds the official UN short name in each of the six languages, keyed by Django
    language code; it is filled from `cms/data/party_names.json`, never typed by hand.
    """

    code = models.CharField(_("ISO code"), max_length=2, unique=True)
    region = models.CharField(_("region"), max_length=20, choices=Region.choices)
    names = models.JSONField(_("names"), default=dict)

    class Meta:
        ordering = ["code"]
        verbose_name = _("Party")
        verbose_name_plural = _("Parties")

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        language = get_language() or "en"
        return self.names.get(language) or self.names.get("en") or self.code

    def name_in(self, language: str) -> str:
        return self.names.get(language) or self.names.get("en") or self.code
