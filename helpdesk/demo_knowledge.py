"""Demo help section: the section exists in the six languages and sits in the site menu;
its articles are written in English, one of them also in French by a person, so the demo
shows both a translated article and English stand-ins marked as such."""

from wagtail.models import Locale

from cms.models import HomePage
from helpdesk.models import HelpArticlePage, HelpIndexPage

SECTION = {
    "ar": (
        "المساعدة",
        "المساعدة",
        "أجوبة عن الأسئلة الشائعة حول الآليات الوطنية لتبادل المعلومات.",
    ),
    "en": ("Help", "helpdesk-help", "Answers to common questions about national CHMs."),
    "es": ("Ayuda", "ayuda", "Respuestas a preguntas frecuentes sobre los CHM nacionales."),
    "fr": ("Aide", "aide", "Réponses aux questions fréquentes sur les CHM nationaux."),
    "ru": ("Справка", "справка", "Ответы на частые вопросы о национальных МПП."),
    "zh-hans": ("帮助", "帮助", "关于国家信息交换所机制的常见问题解答。"),
}
ARTICLES = [
    (
        "Request a Bioland site",
        "bioland",
        "bioland drupal site request",
        "How a Party asks the Secretariat for a Bioland national CHM site.",
    ),
    (
        "Point your domain to your national CHM",
        "domain",
        "domain dns hosting",
        "The DNS records a national CHM needs.",
    ),
]
FRENCH_BIOLAND = (
    "Demander un site Bioland",
    "demander-bioland",
    "Comment une Partie demande au Secrétariat un site Bioland pour son CHM national.",
)


def _translate(page, language: str, **fields):
    translated = page.get_translation_or_none(Locale.objects.get(language_code=language))
    if translated is None:
        translated = page.copy_for_translation(Locale.objects.get(language_code=language))
    translated = translated.specific
    for name, value in fields.items():
        setattr(translated, name, value)
    translated.live = True
    translated.save_revision().publish()
    return translated


def help_section_load() -> int:
    """Create (or complete) the demo help section; returns the number of English articles."""
    home = HomePage.objects.filter(locale__language_code="en").first()
    if home is None:
        return 0
    index = HelpIndexPage.objects.child_of(home).first()
    title, slug, intro = SECTION["en"]
    if index is None:
        index = home.add_child(instance=HelpIndexPage(title=title, slug=slug, intro=intro))
    if not index.show_in_menus:
        index.show_in_menus = True
        index.save_revision().publish()
    for language, (title, slug, intro) in SECTION.items():
        if language != "en" and Locale.objects.filter(language_code=language).exists():
            if index.get_translation_or_none(Locale.objects.get(language_code=language)) is None:
                _translate(index, language, title=title, slug=slug, intro=intro, show_in_menus=True)
    for title, slug, keywords, intro in ARTICLES:
        if not HelpArticlePage.objects.child_of(index).filter(slug=slug).exists():
            index.add_child(
                instance=HelpArticlePage(title=title, slug=slug, keywords=keywords, intro=intro)
            )
    bioland = HelpArticlePage.objects.child_of(index).get(slug="bioland")
    french = Locale.objects.filter(language_code="fr").first()
    if french is not None and bioland.get_translation_or_none(french) is None:
        title, slug, intro = FRENCH_BIOLAND
        _translate(bioland, "fr", title=title, slug=slug, intro=intro)
    return len(ARTICLES)
