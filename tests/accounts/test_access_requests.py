"""Access requests (nominations): the Party and the Secretariat hear of it, one of them
verifies, the requester is told in their language and opens the account."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import translation
from wagtail.models import ModelLogEntry

from accounts.models import AccessRequest, Invitation
from cms.models import Party
from tests.accounts.conftest import body, make_user

pytestmark = pytest.mark.django_db


def request_access(client, captured, **fields):
    data = {
        "party": Party.objects.get(code="MX").pk,
        "name": "Lucía Hernández",
        "email": "lucia@example.mx",
        "position": "Directora, CONABIO",
        "role": "authorized",
        "message": "Sustituyo a la coordinadora anterior.",
        "website": "",
        **fields,
    }
    with captured(execute=True):
        return client.post("/es/account/request-access/", data)


def test_a_request_for_mexico_in_spanish_is_verified_by_staff_and_opens_an_account(
    client, staff, mailbox, settings, django_capture_on_commit_callbacks
):
    nau_mx = make_user("nau-mx", party="MX", language="es")
    form = client.get("/es/account/request-access/?party=MX").content.decode()
    assert (
        "Solicitar acceso" in form and f'value="{Party.objects.get(code="MX").pk}" selected' in form
    )
    assert (
        request_access(client, django_capture_on_commit_callbacks)["Location"]
        == "/es/account/request-access/sent/"
    )
    request = AccessRequest.objects.get()
    assert (request.language, request.status) == ("es", "submitted")
    recipients = sorted(mailbox.recipients())
    assert recipients == sorted([nau_mx.email, settings.ACCOUNTS_SECRETARIAT_EMAIL])
    to_nau = next(m for m in mailbox.messages() if m["To"] == nau_mx.email)
    assert "Lucía Hernández solicita acceso al Mecanismo de Facilitación para México." in body(
        to_nau
    )
    assert "/es/account/access-requests/" in body(to_nau)

    # A French authorized user cannot decide Mexico's request.
    client.force_login(make_user("nau-fr", party="FR"))
    assert "lucia@example.mx" not in client.get(reverse("access_requests")).content.decode()
    client.post(reverse("access_request_verify", args=[request.pk]))
    assert AccessRequest.objects.get().status == "submitted"

    client.force_login(staff)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("access_request_verify", args=[request.pk]))
    request.refresh_from_db()
    assert request.status == "verified" and request.decided_by == staff
    invitation_mail = mailbox.messages()[-1]
    assert invitation_mail["To"] == "lucia@example.mx"
    assert invitation_mail["Subject"] == "Su invitación al Mecanismo de Facilitación"
    link = re.search(r"/es/account/invitation/\S+/", body(invitation_mail)).group(0)
    client.logout()
    password = "Mariposa-monarca-2026"
    client.post(
        link,
        {
            "first_name": "Lucía",
            "last_name": "Hernández",
            "password1": password,
            "password2": password,
        },
    )
    client.logout()
    signed_in = client.post(
        "/es/account/login/", {"username": "lucia@example.mx", "password": password}
    )
    assert signed_in.status_code == 302
    page = client.get("/es/account/").content.decode()
    assert "México" in page and "Usuario nacional autorizado" in page
    assert Invitation.objects.get().state == "accepted"
    actions = set(ModelLogEntry.objects.values_list("action", flat=True))
    assert {"chm.access_request.submit", "chm.access_request.verified"} <= actions


def test_a_rejected_requester_is_told_in_their_language(
    client, nau_fr, mailbox, django_capture_on_commit_callbacks
):
    request_access(
        client,
        django_capture_on_commit_callbacks,
        party=Party.objects.get(code="FR").pk,
        email="x@example.org",
    )
    request = AccessRequest.objects.get()
    client.force_login(nau_fr)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("access_request_reject", args=[request.pk]))
    assert AccessRequest.objects.get().status == "rejected"
    told = mailbox.messages()[-1]
    assert told["To"] == "x@example.org"
    with translation.override("es"):
        assert told["Subject"] == "Su solicitud de acceso al CHM"
    assert "no fue confirmada" in body(told)
    # Decided once.
    client.post(reverse("access_request_verify", args=[request.pk]))
    assert AccessRequest.objects.get().status == "rejected"
    assert not get_user_model().objects.filter(email="x@example.org").exists()


def test_bots_and_floods_are_refused(client, mailbox, settings, django_capture_on_commit_callbacks):
    assert request_access(client, django_capture_on_commit_callbacks, website="http://spam")[
        "Location"
    ].endswith("/sent/")
    assert not AccessRequest.objects.exists()
    settings.ACCOUNTS_FORM_RATE = 1
    from django.core.cache import cache

    cache.clear()
    request_access(client, django_capture_on_commit_callbacks)
    refused = request_access(client, django_capture_on_commit_callbacks, email="other@example.mx")
    assert refused.status_code == 429
    assert "Demasiadas solicitudes" in refused.content.decode()
    assert AccessRequest.objects.count() == 1
    cache.clear()
