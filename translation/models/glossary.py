"""Glossary terms, one row per concept with its term in each language."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.search import index

# Field name per Django language code.
TERM_FIELDS = {
    "ar": "term_ar",
    "en": "term_en",
    "es": "term_es",
    "fr": "term_fr",
    "ru": "term_ru",
    "zh-hans": "term_zh_hans",
}


class GlossaryTerm(index.Indexed, models.Model):
    """A concept and how it is written in each language.

    A do-not-translate term (an acronym, a name) is kept as written in every language.
    """

    term_en = models.CharField(_("English"), max_length=200, blank=True)
    term_ar = models.CharField(_("Arabic"), max_length=200, blank=True)
    term_es = models.CharField(_("Spanish"), max_length=200, blank=True)
    term_fr = models.CharField(_("French"), max_length=200, blank=True)
    term_ru = models.CharField(_("Russian"), max_length=200, blank=True)
    term_zh_hans = models.CharField(_("Chinese"), max_length=200, blank=True)
    do_not_translate = models.BooleanField(_("do not translate"), default=False)
    note = models.TextField(_("note"), blank=True)

    search_fields = [index.SearchField(name) for name in TERM_FIELDS.values()]

    class Meta:
        verbose_name = _("glossary term")
        verbose_name_plural = _("glossary")
        ordering = ["term_en"]

    def __str__(self) -> str:
        return next((t for t in self.terms().values() if t), "—")

    def terms(self) -> dict[str, str]:
        return {code: getattr(self, name).strip() for code, name in TERM_FIELDS.items()}

    def term_in(self, language_code: str) -> str:
        terms = self.terms()
        if self.do_not_translate:
            return terms.get(language_code) or next((t for t in terms.values() if t), "")
        return terms.get(language_code, "")
