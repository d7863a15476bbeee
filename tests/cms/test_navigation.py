"""The main menu: every service reachable from every page in every language, and
editors' menus per language in the admin."""

import datetime
from html.parser import HTMLParser

import pytest
from wagtail.models import Locale

from cms.models import NavigationMenu
from cms.navigation import DEFAULT_MENU, SERVICES
from helpdesk.models import HelpIndexPage
from notifications.models import Notification
from tests.notifications.conftest import make_notification

LANGUAGES = ["ar", "en", "es", "fr", "ru", "zh-hans"]


class MenuLinks(HTMLParser):
    """(label, href) of every link inside the main menu."""

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0
        self.links: list[list[str]] = []
        self.in_link = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "nav" and attrs.get("id") == "main-menu":
            self.depth = 1
        elif self.depth and tag == "nav":
            self.depth += 1
        if self.depth and tag == "a":
            self.links.append(["", attrs["href"]])
            self.in_link = True

    def handle_endtag(self, tag):
        if self.depth and tag == "nav":
            self.depth -= 1
        if tag == "a":
            self.in_link = False

    def handle_data(self, data):
        if self.in_link:
            self.links[-1][0] += data.strip()


def menu_links(html: str) -> list[tuple[str, str]]:
    parser = MenuLinks()
    parser.feed(html)
    return [tuple(link) for link in parser.links]


def default_service_keys() -> list[str]:
    keys = []
    for item in DEFAULT_MENU:
        keys.extend([item] if isinstance(item, str) else item[1])
    return keys


@pytest.fixture
def help_index(demo_site):
    """Help articles exist in English only: other languages link to them (the fallback)."""
    return demo_site.add_child(instance=HelpIndexPage(title="Help", slug="help"))


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_service_is_reachable_from_pages_in_every_language(client, help_index, language):
    for start in (f"/{language}/", f"/{language}/notifications/", f"/{language}/search/?q=x"):
        response = client.get(start)
        assert response.status_code == 200, start
        links = menu_links(response.content.decode())
        assert len(links) == len(default_service_keys()), (start, links)
    for label, href in links:
        assert label, href
        assert client.get(href, follow=True).status_code == 200, (language, label, href)
    hrefs = [href for _label, href in links]
    assert f"/{language}/notifications/" in hrefs
    assert f"/{language}/helpdesk/new/" in hrefs
    assert f"/{language}/helpdesk/tracker/" in hrefs
    assert f"/{language}/notifications/focal-points/" in hrefs
    assert f"/{language}/data/" in hrefs
    assert help_index.url in hrefs


@pytest.mark.django_db
def test_menu_labels_are_in_the_visitors_language(client, help_index):
    labels = [label for label, _href in menu_links(client.get("/fr/").content.decode())]
    assert "Notifications" in labels
    assert "Correspondants nationaux" in labels
    assert "Données ouvertes et API" in labels
    labels = [label for label, _href in menu_links(client.get("/ar/").content.decode())]
    assert "الإخطارات" in labels
    assert "طلباتي" in labels
    assert "حول الآلية" in labels


@pytest.mark.django_db
def test_an_editors_menu_replaces_the_default_in_its_language_only(client, help_index):
    about = help_index.get_parent().get_children().get(slug="about")
    NavigationMenu.objects.create(
        locale=Locale.objects.get(language_code="fr"),
        items=[
            ("service", {"service": "notifications", "label": "Avis officiels"}),
            ("page", {"page": about, "label": ""}),
            (
                "group",
                {
                    "label": "Ailleurs",
                    "links": [("link", {"url": "https://www.cbd.int/", "label": "CDB"})],
                },
            ),
        ],
    )
    french = menu_links(client.get("/fr/").content.decode())
    french_about = about.get_translation(Locale.objects.get(language_code="fr"))
    assert french == [
        ("Avis officiels", "/fr/notifications/"),
        (french_about.title, french_about.url),
        ("CDB", "https://www.cbd.int/"),
    ]
    english = menu_links(client.get("/en/").content.decode())
    assert len(english) == len(default_service_keys())


@pytest.mark.django_db
def test_a_new_menu_starts_as_the_default_menu(demo_site):
    menu = NavigationMenu.objects.create(locale=Locale.objects.get(language_code="es"))
    keys = []
    for block in menu.items:
        links = block.value["links"] if block.block_type == "group" else [block]
        keys.extend(link.value["service"] for link in links)
    assert keys == default_service_keys()


def test_every_service_can_be_chosen_by_editors():
    block = NavigationMenu._meta.get_field("items").stream_block.child_blocks["service"]
    choices = [key for key, _label in block.child_blocks["service"].field.choices if key]
    assert choices == [service.key for service in SERVICES]


@pytest.mark.django_db
def test_home_page_shows_the_latest_notifications_in_the_visitors_language(client, demo_site):
    notification = make_notification(languages=("en", "fr"), status=Notification.Status.ISSUED)
    notification.year, notification.sequence, notification.number = 2014, 107, "2014-107"
    notification.issue_date = datetime.date(2014, 8, 26)
    notification.save()
    french = client.get("/fr/").content.decode()
    assert "Dernières notifications" in french
    assert 'href="/fr/notifications/2014-107/"' in french
    assert "Nomination des correspondants nationaux" in french
    russian = client.get("/ru/").content.decode()
    # No Russian text yet: the English title, marked as English.
    assert '<span lang="en" dir="ltr">Nomination of national focal points' in russian


def menu_hrefs(client, path: str) -> list[str]:
    return [href for _label, href in menu_links(client.get(path).content.decode())]


@pytest.fixture
def menus_cached(settings):
    """As in the production profile (Redis); tests run on the memory cache."""
    settings.MENU_CACHE_SECONDS = 600


@pytest.mark.django_db
def test_the_cached_menu_follows_what_is_published(client, help_index, menus_cached):
    assert help_index.url in menu_hrefs(client, "/fr/")  # and now the French menu is cached
    help_index.unpublish()
    assert help_index.url not in menu_hrefs(client, "/fr/")
    help_index.save_revision().publish()
    assert help_index.url in menu_hrefs(client, "/fr/")


@pytest.mark.django_db
def test_a_view_restriction_retires_the_cached_page_and_its_menu_link(
    client, help_index, menus_cached
):
    from wagtail.models import PageViewRestriction

    assert client.get(help_index.url).status_code == 200  # now cached for anonymous visitors
    assert help_index.url in menu_hrefs(client, "/fr/")
    PageViewRestriction.objects.create(page=help_index, restriction_type="login")
    assert client.get(help_index.url).status_code == 302  # to sign in, not the cached page
    assert help_index.url not in menu_hrefs(client, "/fr/")
