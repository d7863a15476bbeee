"""Help articles (Wagtail pages) suggested while typing the subject."""

import json

import pytest
from wagtail.models import Locale

from cms.models import HomePage
from helpdesk.models import HelpArticlePage, HelpIndexPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def articles(demo_site):
    index = demo_site.add_child(instance=HelpIndexPage(title="Help", slug="help-test"))
    index.add_child(
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
    french_home = HomePage.objects.get(locale=Locale.objects.get(language_code="fr"))
    fr_index = french_home.add_child(instance=HelpIndexPage(title="Aide", slug="aide-test"))
    fr_index.add_child(
        instance=HelpArticlePage(
            title="Demander un site Bioland", slug="bioland-fr", keywords="bioland"
        )
    )
    return index, draft


def test_suggestions_match_the_subject_in_the_current_language(client, articles):
    data = json.loads(client.get("/en/helpdesk/suggest/?q=bioland website").content)
    titles = [r["title"] for r in data["results"]]
    assert titles == ["Request a Bioland site"]  # drafts and other languages excluded
    data = json.loads(client.get("/fr/helpdesk/suggest/?q=site bioland").content)
    assert [r["title"] for r in data["results"]] == ["Demander un site Bioland"]
    assert json.loads(client.get("/en/helpdesk/suggest/?q=a").content)["results"] == []


def test_help_index_can_live_under_the_home_page(demo_site, articles):
    index, _draft = articles
    assert HelpIndexPage in [m for m in demo_site.specific_class.allowed_subpage_models()]


def test_new_ticket_page_has_the_suggestion_box(client, french_user):
    client.force_login(french_user)
    html = client.get("/fr/helpdesk/new/").content.decode()
    assert 'id="help-suggestions"' in html and "helpdesk/suggest.js" in html
