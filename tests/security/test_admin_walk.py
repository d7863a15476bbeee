"""Every Wagtail admin URL (read from the resolver), with each role.

The rule: signed out → Wagtail's sign-in page; signed in without admin access → sent to the
sign-in page too (Wagtail's own refusal); signed in with admin access but without the
screen's permission → the project's screens answer 403 (Wagtail's own screens refuse their
own way); nobody ever gets a 500. Finding 3 of issue 16: the notification staff screens
redirected to Django's unmounted admin sign-in (a 500) for a Wagtail user without is_staff.
"""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group, Permission

from cms.models import Party, UserProfile
from tests.security.site_routes import admin_routes

pytestmark = pytest.mark.django_db

# Admin screens anyone may open: signing in and resetting a password.
OPEN_TO_ALL = {
    "admin/login/",
    "admin/logout/",
    "admin/password_reset/",
    "admin/password_reset/done/",
    "admin/password_reset/complete/",
    "admin/password_reset/confirm/%(uidb64)s/%(token)s/",
    "admin/jsi18n/",
    "admin/sprite/",  # the icons
    "admin/helpdesk/award/",  # a juror's own calls: empty for anyone on no jury
}
# Wagtail's deliberate error page (it raises to show how a 500 looks).
NOT_WALKED = {"admin/failwhale/"}
PROJECT_APPS = ("cms", "notifications", "helpdesk", "translation", "api")
ROLES = [
    "anonymous",
    "no admin access",
    "admin access only",
    "Editors",
    "Translators",
    "Reviewers — French",
    "Helpdesk staff",
    "superuser",
]
VALUES = {
    "action": ["issue", "verify"],
    "language": ["fr"],
    "app_label": ["notifications"],
    "model_name": ["notification"],
    "content_type_app_name": ["notifications"],
    "content_type_model_name": ["notification"],
    "app_name": ["notifications"],
    "fmt": ["po"],
    "filter_spec": ["original"],
    "mode": ["default"],
    "uidb64": ["MQ"],
    "token": ["x"],
}


def _person(django_user_model, role: str):
    if role == "anonymous":
        return None
    user = django_user_model.objects.create_user(
        role.replace(" ", "-"), "someone@example.org", "a-long-test-password-1"
    )
    if role == "superuser":
        user.is_superuser = user.is_staff = True
        user.save()
    elif role == "admin access only":
        user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    elif role == "no admin access":
        UserProfile.objects.create(
            user=user,
            party=Party.objects.get(code="FR"),
            party_role=UserProfile.PartyRole.AUTHORIZED,
        )
    else:
        user.groups.add(Group.objects.get(name=role))
    return user


def _is_project_screen(route) -> bool:
    return route.module.split(".")[0] in PROJECT_APPS


def _to_sign_in(response) -> bool:
    return response.status_code == 302 and response["Location"].startswith("/admin/login/")


@pytest.fixture
def routes():
    found = [route for route in admin_routes() if route.template not in NOT_WALKED]
    assert any(r.template.startswith("admin/notifications-staff/") for r in found)
    return found


@pytest.mark.parametrize("role", ROLES)
def test_every_admin_url_refuses_or_answers_never_a_500(client, django_user_model, routes, role):
    person = _person(django_user_model, role)
    if person is not None:
        client.force_login(person)
    client.raise_request_exception = False
    failures = []
    for route in routes:
        for url in route.urls(VALUES):
            response = client.get(url)
            if response.status_code >= 500:
                failures.append((url, response.status_code))
            elif route.template in OPEN_TO_ALL:
                continue
            elif role in ("anonymous", "no admin access") and not _to_sign_in(response):
                failures.append((url, response.status_code, "expected Wagtail's sign-in"))
            elif (
                role == "admin access only"
                and _is_project_screen(route)
                and response.status_code not in (302, 403, 404, 405)
            ):
                failures.append((url, response.status_code, "expected a refusal"))
    assert failures == [], "\n".join(map(str, failures))


@pytest.mark.parametrize("method", ["get", "post"])
def test_notification_staff_screens_answer_403_without_the_permission(
    client, django_user_model, method
):
    """Finding 3: a Wagtail user without is_staff got a 500 from these five screens."""
    from notifications.models import FocalPoint, Notification, SuppressedAddress

    notification = Notification.objects.create(categories=["CBD-FP1"])
    focal_point = FocalPoint.objects.create(
        party=Party.objects.get(code="FR"), first_name="A", last_name="B", emails=["a@b.org"]
    )
    suppressed = SuppressedAddress.objects.create(email="gone@example.org", reason="550")
    urls = [
        f"/admin/notifications-staff/{notification.pk}/deliveries/",
        f"/admin/notifications-staff/focal-points/{focal_point.pk}/verify/",
        f"/admin/notifications-staff/suppressed/{suppressed.pk}/clear/",
        f"/admin/notifications-staff/{notification.pk}/issue/",
        f"/admin/notifications-staff/{notification.pk}/resend/",
    ]
    client.force_login(_person(django_user_model, "admin access only"))
    for url in urls:
        response = getattr(client, method)(url)
        assert response.status_code == 403, url
        assert "Error 403" in response.content.decode()
    client.logout()
    for url in urls:
        assert _to_sign_in(getattr(client, method)(url))
    notification.refresh_from_db()
    focal_point.refresh_from_db()
    assert notification.status == Notification.Status.DRAFT and notification.number is None
    assert focal_point.status == FocalPoint.Status.NOMINATED
    assert SuppressedAddress.objects.filter(pk=suppressed.pk).exists()


@pytest.mark.parametrize("method", ["get", "post"])
def test_helpdesk_staff_screens_answer_403_to_other_admin_users(client, django_user_model, method):
    """The ticket queue and desk refused with Wagtail's redirect to the dashboard; they now
    answer the admin's 403 page like every other staff screen, and change nothing."""
    from helpdesk.models import Ticket
    from helpdesk.services.tickets import ticket_create

    requester = _person(django_user_model, "no admin access")  # France's authorized user
    ticket = ticket_create(
        category="technical",
        subject="Our portal is down",
        description="Since Monday.",
        language="en",
        requester=requester,
    )
    urls = ["/admin/helpdesk/tickets/", f"/admin/helpdesk/tickets/{ticket.pk}/"]
    client.force_login(_person(django_user_model, "admin access only"))
    for url in urls:
        response = getattr(client, method)(url, {"status": "closed"})
        assert response.status_code == 403, url
        assert "Error 403" in response.content.decode()
    client.logout()
    for url in urls:
        assert _to_sign_in(getattr(client, method)(url))
    assert Ticket.objects.get(pk=ticket.pk).status == ticket.status
