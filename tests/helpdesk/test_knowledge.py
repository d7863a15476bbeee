"""Help articles (Wagtail pages) suggested while typing the subject, in the visitor's
language, with English articles standing in (marked) where no translation is live."""

import json

import pytest
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, TranslationSource

from helpdesk.demo_knowledge import help_section_load
from helpdesk.models import HelpArticlePage, HelpIndexPage
from translation.services.drafts import draft_build

pytestmark = pytest.mark.django_db


@pytest.fixture
def articles(demo_site):
    index = demo_site.add_child(instance=HelpIndexPage(title="Help", slug="help-test"))
    bioland = index.add_child(
        instance=HelpArticlePage(
            title="Request a Bioland site",
            slug="bioland",
            keywords="bioland drupal site",
            intro="How to ask for a Bioland national CHM.",
        )
    )
    index.add_child(
        instance=HelpArticlePage(
            title="Point your domain name",
            slug="domain",
            keywords="dns hosting",
            intro="DNS records for your national CHM.",
        )
    )
    draft = index.add_child(
        instance=HelpArticlePage(title="Bioland secrets", slug="draft", live=False)
    )
    fr_index = _translated(index, "fr", title="Aide", slug="aide-test")
    french = bioland.copy_for_translation(Locale.objects.get(language_code="fr"))
    french.title, french.slug = "Demander un site Bioland", "bioland-fr"
    french.save_revision().publish()
    return index, draft, fr_index


def _translated(page, language, **fields):
    copy = page.copy_for_translation(Locale.objects.get(language_code=language))
    for name, value in fields.items():
        setattr(copy, name, value)
    copy.save_revision().publish()
    copy.refresh_from_db()
    return copy


def _suggest(client, language, query):
    return json.loads(client.get(f"/{language}/helpdesk/suggest/", {"q": query}).content)["results"]


def test_suggestions_prefer_the_translation_and_mark_english_stand_ins(client, articles):
    results = _suggest(client, "en", "bioland website")
    assert [r["title"] for r in results] == ["Request a Bioland site"]  # no drafts
    assert results[0]["summary"] == "How to ask for a Bioland national CHM."
    assert results[0]["fallback"] is False
    # French: the French translation, never its English source as well.
    results = _suggest(client, "fr", "site bioland")
    assert [(r["title"], r["fallback"]) for r in results] == [("Demander un site Bioland", False)]
    # The DNS article has no French translation: the English one, marked as English.
    results = _suggest(client, "fr", "dns")
    assert [(r["title"], r["language"], r["fallback"]) for r in results] == [
        ("Point your domain name", "en", True)
    ]
    assert results[0]["note"] == "En anglais : pas encore traduit"
    assert results[0]["summary"] == "DNS records for your national CHM."
    assert _suggest(client, "en", "a") == []


def test_keywords_are_kept_from_the_source_not_translated(client, articles):
    index, _draft, _fr_index = articles
    bioland = HelpArticlePage.objects.child_of(index).get(slug="bioland")
    source, _created = TranslationSource.update_or_create_from_instance(bioland)
    segments = StringSegment.objects.filter(source=source).values_list("string__data", flat=True)
    assert "bioland drupal site" not in segments  # not offered to translators or MT
    assert "How to ask for a Bioland national CHM." in segments
    arabic = Locale.objects.get(language_code="ar")
    _translated(index, "ar", title="المساعدة", slug="مساعدة")
    draft_build(source=source, locale=arabic)
    translated = bioland.get_translation(arabic)
    translated.get_latest_revision().publish()
    translated.refresh_from_db()
    assert translated.keywords == "bioland drupal site"
    # An Arabic requester typing the product name finds the Arabic article.
    results = _suggest(client, "ar", "bioland")
    assert [(r["url"], r["fallback"]) for r in results] == [(translated.url, False)]


def test_help_section_lists_english_articles_marked_as_such(client, articles):
    _index, _draft, fr_index = articles
    html = client.get(fr_index.url).content.decode()
    assert "Demander un site Bioland" in html
    assert 'lang="en"' in html and "Point your domain name" in html
    assert "En anglais : pas encore traduit" in html
    assert "Request a Bioland site" not in html and "Bioland secrets" not in html


def test_demo_help_section_is_in_the_menu_of_every_language(client, demo_site):
    assert help_section_load() == 2
    assert help_section_load() == 2  # idempotent
    english = HelpIndexPage.objects.get(locale__language_code="en", slug="helpdesk-help")
    for language, title in [("en", "Help"), ("ar", "المساعدة"), ("zh-hans", "帮助")]:
        section = english.get_translation(Locale.objects.get(language_code=language))
        assert section.title == title and section.live
        html = client.get(f"/{language}/").content.decode()
        menu = html.split('class="main-menu"', 1)[1].split("</nav>", 1)[0]
        assert f'href="{section.url}"' in menu, language


def test_help_index_can_live_under_the_home_page(demo_site, articles):
    assert HelpIndexPage in list(demo_site.specific_class.allowed_subpage_models())
    assert HelpIndexPage.show_in_menus_default is True


def test_new_ticket_page_has_the_suggestion_box(client, french_user):
    client.force_login(french_user)
    html = client.get("/fr/helpdesk/new/").content.decode()
    assert 'id="help-suggestions"' in html and "helpdesk/suggest.js" in html
