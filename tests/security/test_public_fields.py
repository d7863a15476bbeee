"""No public output shows a field its model does not declare public.

A world is built with one object of each kind that has a public side (a tracker row, an
active focal point who consented to nothing) and of each kind that is wholly private (a
ticket with an internal note, a nominated focal point, a draft notification, an unpublished
page, an award entry before results). Every field that is not public is then overwritten
with `Quokka Wombat<model><field>`, and every public route of the site (read from the
resolver: HTML, CSV, JSON, API, OData, feeds, sitemap, search), the live pages, and each
search box queried for "Quokka", is fetched anonymously and as another Party's user: no
`Wombat…` marker may appear anywhere.
"""

from __future__ import annotations

import datetime

import pytest
from django.contrib.auth.models import Group
from django.db import models
from django.utils import timezone
from wagtail.models import Page

from cms.models import Party, UserProfile
from cms.public_fields import private_field_names
from tests.security.site_routes import public_routes

pytestmark = pytest.mark.django_db

SEARCH_WORD = "Quokka"  # every marked field holds it: one search finds them all
SEARCHES = [
    "/en/search/",
    "/en/notifications/",
    "/en/helpdesk/suggest/",
    "/api/v1/pages",
    "/api/v1/documents",
    "/api/v1/notifications",
]


def _marker(instance, field: models.Field) -> str:
    return "Wombat" + f"{type(instance).__name__}{field.name}".replace("_", "")


def _mark(instance, names: list[str], markers: list[str]) -> None:
    """Overwrite the named text fields of `instance` with markers, in the database."""
    values = {}
    for name in names:
        field = instance._meta.get_field(name)
        if field.choices or not isinstance(
            field, models.CharField | models.TextField | models.JSONField
        ):
            continue
        marker = _marker(instance, field)
        text = f"{SEARCH_WORD} {marker}"
        if field.max_length and len(text) > field.max_length:
            # A short column (a number, a code): PostgreSQL refuses what does not fit, so
            # it gets a short marker of its own, still found nowhere but in its field.
            marker = f"Wq{len(markers):03d}"[: field.max_length]
            if len(marker) < 5:
                continue
            text = marker
        if isinstance(field, models.JSONField):
            current = getattr(instance, name)
            text = {"en": text, "fr": text} if isinstance(current, dict) else [text]
        values[name] = text
        markers.append(marker)
    type(instance)._base_manager.filter(pk=instance.pk).update(**values)


def _text_fields(model) -> list[str]:
    return [field.name for field in model._meta.concrete_fields if not field.primary_key]


@pytest.fixture
def world(django_user_model, settings, tmp_path):
    from django.utils.functional import empty

    from helpdesk.models import AwardCall, NationalSite, private_storage
    from helpdesk.services.award import award_entry_submit
    from helpdesk.services.tickets import ticket_create, ticket_reply
    from helpdesk.services.tracker import national_site_update
    from notifications.models import FocalPoint, Notification
    from tests.api.builders import focal_point_active, notification_issued
    from tests.notifications.conftest import make_notification
    from tests.translation.builders import english_page

    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    private_storage._wrapped = empty
    france = Party.objects.get(code="FR")

    def person(name, code, role=UserProfile.PartyRole.AUTHORIZED):
        user = django_user_model.objects.create_user(name, f"{name}@example.org", "pw-12345678")
        UserProfile.objects.create(user=user, party=Party.objects.get(code=code), party_role=role)
        return user

    requester, brazilian = person("requester", "FR"), person("brazilian", "BR")
    desk = django_user_model.objects.create_user("desk", "desk@example.org", "pw-12345678")
    desk.groups.add(Group.objects.get(name="Helpdesk staff"))

    markers: list[str] = []
    site = national_site_update(
        party=france, user=desk, status="operational", url="https://chm.fr.example"
    )
    _mark(site, private_field_names(NationalSite), markers)
    published = focal_point_active("FR", publish_email=False, publish_phone=False)
    _mark(published, private_field_names(FocalPoint), markers)
    _mark(published, list(FocalPoint.PUBLIC_WITH_CONSENT), markers)

    ticket = ticket_create(
        category="technical",
        subject="Our national CHM is down",
        description="The portal shows an error since Monday.",
        language="fr",
        requester=requester,
    )
    note = ticket_reply(ticket=ticket, author=desk, body="internal", internal=True, by_staff=True)
    nominated = focal_point_active("FR", status=FocalPoint.Status.NOMINATED)
    draft = make_notification(status=Notification.Status.DRAFT)
    page = english_page(slug="unpublished-draft", publish=False)
    call = AwardCall.objects.create(
        title_en="Award", deadline=timezone.now() + datetime.timedelta(days=3)
    )
    entry = award_entry_submit(
        call=call,
        user=requester,
        category="existing",
        site_url="https://chm.fr.example",
        description="d",
        audience="a",
        languages=["en"],
    )
    wholly_private = [ticket, note, nominated, draft, *draft.texts.all(), entry]
    for instance in wholly_private:
        _mark(instance, _text_fields(type(instance)), markers)
    Page.objects.filter(pk=page.pk).update(live=False)  # added live by Wagtail's default
    _mark(page, ["title", "intro"], markers)
    issued = notification_issued()
    yield {
        "markers": markers,
        "people": [None, brazilian],
        "choices": {
            "pk": [str(ticket.pk), str(published.pk), str(nominated.pk), str(call.pk)],
            "attachment_pk": ["1"],
            "number": [issued.number],
            "code": ["FR"],
            "translation_key": [str(page.translation_key)],
            "entity_set": ["Contacts", "Meetings", "Decisions"],
            "key": [str(published.pk), str(nominated.pk)],
            "token": ["x"],
            "filename": [f"ntf-{issued.number}-en.pdf"],
            "restriction_id": ["1"],
            "page_view_restriction_id": ["1"],
            "page_id": [str(page.pk)],
        },
    }
    private_storage._wrapped = empty


def _body(response) -> str:
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return content.decode("utf-8", errors="replace").lower()


def _urls(world) -> list[str]:
    urls = []
    for route in public_routes():
        if route.params == ("_0",):  # the Wagtail page tree: every live page instead
            continue
        urls += route.urls(world["choices"])
    # Every live English page, and each other language's home page.
    pages = Page.objects.live().filter(depth__gt=1)
    urls += [page.url for page in pages.filter(locale__language_code="en") if page.url]
    urls += [page.url for page in pages.filter(depth=2) if page.url]
    urls += [f"{search}?q={SEARCH_WORD}" for search in SEARCHES]
    urls += ["/api/v1/focal-points?page_size=100", "/api/v1/national-sites?page_size=100"]
    return urls


def test_no_public_output_shows_a_private_field(client, world):
    urls = _urls(world)
    assert len(urls) > 80, len(urls)
    leaks = []
    for person in world["people"]:
        client.logout()
        if person is not None:
            client.force_login(person)
        for url in urls:
            body = _body(client.get(url))
            leaks += [(url, marker) for marker in world["markers"] if marker.lower() in body]
    assert sorted(set(leaks)) == []
