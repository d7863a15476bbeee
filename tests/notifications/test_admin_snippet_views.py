"""Deleting notifications in the admin: offered for drafts only, refused for issued ones."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from cms.selectors import parties_sorted
from notifications import services
from notifications.models import Notification
from tests.notifications.conftest import TITLES, make_notification

pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser(client):
    user = get_user_model().objects.create_superuser("chief", "chief@example.org", "x")
    client.force_login(user)
    return user


def _url(name, notification):
    return reverse(f"wagtailsnippets_notifications_notification:{name}", args=[notification.pk])


def test_delete_is_not_offered_and_refused_for_an_issued_notification(client, superuser):
    issued = services.notification_issue(
        notification_id=make_notification().pk,
        issue_date=datetime.date(2014, 8, 26),
        dispatch=False,
    )
    draft = make_notification(status=Notification.Status.DRAFT)

    listing = client.get(reverse("wagtailsnippets_notifications_notification:list"))
    html = listing.content.decode()
    assert _url("delete", draft) in html
    assert _url("delete", issued) not in html
    assert _url("delete", issued) not in client.get(_url("edit", issued)).content.decode()

    # Typing the address, or submitting the confirmation, changes nothing.
    refused = client.post(_url("delete", issued), follow=True)
    assert refused.status_code == 200
    assert "cannot be deleted" in refused.content.decode()
    assert Notification.objects.filter(pk=issued.pk).exists()
    # Nor does the listing's bulk action.
    bulk = reverse("wagtail_bulk_action", args=["notifications", "notification", "delete"])
    client.post(f"{bulk}?id={issued.pk}", follow=True)
    assert Notification.objects.filter(pk=issued.pk).exists()

    # A draft is deleted as before.
    client.post(_url("delete", draft))
    assert not Notification.objects.filter(pk=draft.pk).exists()


def test_forms_show_human_choices_and_parties_by_name(client, superuser):
    from bs4 import BeautifulSoup

    add = client.get(reverse("wagtailsnippets_notifications_notification:add")).content.decode()
    soup = BeautifulSoup(add, "html.parser")
    categories = soup.select("input[type=checkbox][name=categories]")
    assert len(categories) == 17
    label = soup.find("label", attrs={"for": categories[0]["id"]}).get_text(" ", strip=True)
    assert label == "CBD National Focal Point (primary) — CBD-FP1"
    assert soup.select_one("textarea[name=meeting_codes]").get_text().strip() == ""  # not "[]"
    assert "[]" not in add

    focal = client.get(reverse("wagtailsnippets_notifications_focalpoint:add")).content.decode()
    names = [
        option.get_text(strip=True)
        for option in BeautifulSoup(focal, "html.parser").select("select[name=party] option")
    ][1:]
    assert len(names) == 196
    by_name = [party.name_in("en") for party in parties_sorted("en")]  # collation, not codes
    assert names == by_name and names[0] == "Afghanistan"


def test_the_text_form_chooser_tells_drafts_without_text_apart_by_reference(client, superuser):
    Notification.objects.create(reference="SCBD/RM/1", categories=["RM-FP"])
    Notification.objects.create(reference="SCBD/GTI/2", categories=["GTI-FP"])
    response = client.get(reverse("wagtailsnippetchoosers_notifications_notification:choose"))
    html = response.content.decode()
    assert "(not issued) SCBD/RM/1" in html and "(not issued) SCBD/GTI/2" in html


def test_the_notification_chooser_finds_one_by_number_reference_or_title(admin_client):
    """Staff pick the notification a text belongs to in Wagtail's chooser: with thousands of
    notifications they type a number or a word of the title (drafts included) instead of
    paging through all of them."""
    wanted = make_notification(titles={**TITLES, "en": "Peatlands restoration call"})
    wanted.reference = "SCBD/OES/DC/12345"
    wanted.save(update_fields=["reference"])
    make_notification(titles={**TITLES, "en": "Marine spatial planning"})
    choose = admin_client.get(reverse("wagtailsnippetchoosers_notifications_notification:choose"))
    assert 'name="q"' in choose.json()["html"]  # the search box is there
    results = reverse("wagtailsnippetchoosers_notifications_notification:choose_results")
    for words in ["peatlands", "OES/DC/12345"]:
        listed = admin_client.get(results, {"q": words}).content.decode()
        assert "Peatlands restoration call" in listed, words
        assert "Marine spatial planning" not in listed, words
    everything = admin_client.get(results).content.decode()
    assert "Peatlands restoration call" in everything and "Marine spatial planning" in everything
