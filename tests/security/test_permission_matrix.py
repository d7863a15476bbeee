"""Who may see and do what: every role × every sensitive object or action, from one table.

Each action is attempted through the site as that person would (the public portal, the
Wagtail admin screens, the API), and the test reads back what happened: whether the
protected text reached them, whether the change was made. "Denied" therefore covers every
way the site refuses (403, 404, redirect to sign-in, an error message): what matters is
that nothing leaked and nothing changed. The table is the design; docs/SECURITY.md shows
it for people.
"""

from __future__ import annotations

from functools import cached_property

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail_localize.models import TranslationSource

from cms.models import Party, UserProfile
from tests.translation.builders import english_page, mt_models  # noqa: F401

pytestmark = [pytest.mark.security, pytest.mark.django_db, pytest.mark.usefixtures("mt_models")]

ROLES = [
    "anonymous",
    "party user of A",
    "authorized user of A",
    "authorized user of B",
    "translator",
    "reviewer fr",
    "reviewer ar",
    "editor",
    "helpdesk staff",
    "admin",
]

# action: roles allowed (all others are denied). A = France, B = Brazil.
MATRIX = {
    "read A's ticket": {"authorized user of A", "helpdesk staff", "admin"},
    "read A's ticket as JSON": {"authorized user of A"},
    "read an internal note": {"helpdesk staff", "admin"},
    "download A's attachment": {"authorized user of A", "helpdesk staff", "admin"},
    "reply to A's ticket": {"authorized user of A"},
    "write an internal note": {"helpdesk staff", "admin"},
    "see a focal point's unpublished phone": {"authorized user of A", "admin"},
    "edit A's focal point in the portal": {"authorized user of A"},
    "verify a focal point": {"admin"},
    "see the deliveries of a notification": {"admin"},
    "issue a notification": {"admin"},
    "approve a French segment": {"reviewer fr", "editor", "admin"},
    "edit a French segment": {"translator", "reviewer fr", "editor", "admin"},
    "publish the French translation": {"reviewer fr", "editor", "admin"},
    "list API tokens": {"admin"},
    "create an API token": {"admin"},
}

GROUPS = {
    "translator": "Translators",
    "reviewer fr": "Reviewers — French",
    "reviewer ar": "Reviewers — Arabic",
    "editor": "Editors",
    "helpdesk staff": "Helpdesk staff",
}

SECRET_PHONE = "+33 9 99 99 99 99"
INTERNAL_NOTE = "Internal: the national server is behind on updates"


class World:
    """The sensitive objects, each made on first use through the apps' own services (a
    cell builds only what its action touches)."""

    def __init__(self, make_person):
        self.make_person = make_person

    @cached_property
    def ticket(self):
        from helpdesk.services.tickets import ticket_create, ticket_reply

        requester = self.make_person("requester")
        UserProfile.objects.create(
            user=requester,
            party=Party.objects.get(code="FR"),
            party_role=UserProfile.PartyRole.AUTHORIZED,
        )
        staff = self.make_person("desk")
        staff.groups.add(Group.objects.get(name="Helpdesk staff"))
        ticket = ticket_create(
            category="technical",
            subject="Our national CHM is down",
            description="The portal shows an error since Monday.",
            language="fr",
            requester=requester,
            files=[SimpleUploadedFile("report.pdf", b"%PDF-1.4\n% report\n", "application/pdf")],
        )
        ticket_reply(ticket=ticket, author=staff, body=INTERNAL_NOTE, internal=True, by_staff=True)
        return ticket

    @cached_property
    def attachment(self):
        return self.ticket.attachments.get()

    @cached_property
    def focal_point(self):
        from notifications.models import FocalPoint

        return FocalPoint.objects.create(
            party=Party.objects.get(code="FR"),
            categories=["CHM-FP"],
            first_name="Claire",
            last_name="Martin",
            emails=["claire.martin@example.org"],
            phones=[SECRET_PHONE],
            publish_phone=False,
            status=FocalPoint.Status.NOMINATED,
        )

    @cached_property
    def notification(self):
        from tests.notifications.conftest import make_notification

        return make_notification(languages=("en",))

    @cached_property
    def _translation(self):
        from tests.translation.builders import locale
        from translation import selectors, services
        from translation.models import SegmentReview

        page = english_page(slug="permission-matrix")
        job = services.job_request(instance=page, user=None, languages=["fr"])
        services.job_run(job_id=job.pk)
        source = TranslationSource.objects.get(object_id=page.translation_key, locale=page.locale)
        segments = selectors.segments_for(source, locale("fr"))
        # Every segment reviewed: publishing is then a question of permission only.
        SegmentReview.objects.filter(translation__in=[s.translation for s in segments]).update(
            state=SegmentReview.State.REVIEWED
        )
        return source, page.get_translation(locale("fr")), segments[0].translation.pk

    @property
    def source(self):
        return self._translation[0]

    @property
    def french_page(self):
        return self._translation[1]

    @property
    def segment_id(self):
        return self._translation[2]


def _person(django_user_model, role: str):
    if role == "anonymous":
        return None
    username = role.replace(" ", "-")
    user = django_user_model.objects.create_user(
        username, f"{username}@example.org", "a-long-test-password-1"
    )
    if role == "admin":
        user.is_superuser = user.is_staff = True
        user.save()
    if role in GROUPS:
        user.groups.add(Group.objects.get(name=GROUPS[role]))
    party_roles = {
        "party user of A": ("FR", UserProfile.PartyRole.CONTRIBUTOR),
        "authorized user of A": ("FR", UserProfile.PartyRole.AUTHORIZED),
        "authorized user of B": ("BR", UserProfile.PartyRole.AUTHORIZED),
    }
    if role in party_roles:
        code, party_role = party_roles[role]
        UserProfile.objects.create(
            user=user, party=Party.objects.get(code=code), party_role=party_role
        )
    return user


@pytest.fixture
def world(django_user_model, settings, tmp_path, monkeypatch):
    from django.utils.functional import empty

    from helpdesk.models import private_storage

    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    private_storage._wrapped = empty  # the lazy storage reads PRIVATE_MEDIA_ROOT again
    monkeypatch.setattr("translation.services.jobs._enqueue", lambda job_id: None)
    monkeypatch.setattr("notifications.admin_views.deliveries_enqueue", lambda ids: None)
    yield World(lambda role: _person(django_user_model, role))
    private_storage._wrapped = empty


# --- The actions: each returns True when the person got what they asked for. -----------


def read_ticket(client, w):
    pages = [
        client.get(reverse("helpdesk:ticket_detail", args=[w.ticket.pk])),
        client.get(reverse("helpdesk_admin:ticket", args=[w.ticket.pk])),
    ]
    return any(
        r.status_code == 200 and "Our national CHM is down" in r.content.decode() for r in pages
    )


def read_ticket_json(client, w):
    response = client.get(reverse("helpdesk:ticket_json", args=[w.ticket.pk]))
    return response.status_code == 200 and response.json()["subject"] == w.ticket.subject


def read_internal_note(client, w):
    urls = [
        reverse("helpdesk:ticket_detail", args=[w.ticket.pk]),
        reverse("helpdesk:ticket_json", args=[w.ticket.pk]),
        reverse("helpdesk_admin:ticket", args=[w.ticket.pk]),
    ]
    return any(INTERNAL_NOTE in client.get(url).content.decode() for url in urls)


def download_attachment(client, w):
    response = client.get(reverse("helpdesk:attachment", args=[w.ticket.pk, w.attachment.pk]))
    if response.status_code != 200:
        return False
    return b"% report" in b"".join(response.streaming_content)


def reply_to_ticket(client, w):
    before = w.ticket.followups.count()
    client.post(reverse("helpdesk:ticket_detail", args=[w.ticket.pk]), {"body": "Any news?"})
    return w.ticket.followups.count() == before + 1


def write_internal_note(client, w):
    before = w.ticket.followups.filter(visibility="internal").count()
    client.post(
        reverse("helpdesk_admin:ticket", args=[w.ticket.pk]),
        {"action": "reply", "body": "Second internal note", "internal": "on"},
    )
    return w.ticket.followups.filter(visibility="internal").count() == before + 1


def see_unpublished_phone(client, w):
    urls = [
        reverse("notifications:directory"),
        reverse("notifications:portal"),
        reverse("notifications:portal-edit", args=[w.focal_point.pk]),
        reverse("wagtailsnippets_notifications_focalpoint:edit", args=[w.focal_point.pk]),
        reverse("wagtailsnippets_notifications_focalpoint:list"),
        "/odata/Contacts",
        "/api/v1/focal-points",
    ]
    return any(SECRET_PHONE in client.get(url).content.decode() for url in urls)


def edit_focal_point_in_portal(client, w):
    client.post(
        reverse("notifications:portal-edit", args=[w.focal_point.pk]),
        {
            "first_name": "Claire",
            "last_name": "Martin-Changed",
            "emails": "claire.martin@example.org",
            "categories": ["CHM-FP"],
            "preferred_language": "fr",
        },
    )
    w.focal_point.refresh_from_db()
    from notifications.models import FocalPointChange

    return (
        w.focal_point.last_name == "Martin-Changed"
        or FocalPointChange.objects.filter(focal_point=w.focal_point).exists()
    )


def verify_focal_point(client, w):
    client.post(
        reverse("notifications_admin:focal-point-action", args=[w.focal_point.pk, "verify"])
    )
    w.focal_point.refresh_from_db()
    return w.focal_point.status != "nominated"


def see_deliveries(client, w):
    response = client.get(reverse("notifications_admin:deliveries", args=[w.notification.pk]))
    return response.status_code == 200 and "<table" in response.content.decode()


def issue_notification(client, w):
    # Confirmed on the issue screen; languages without a translation get the English text
    # with a notice, so the only thing that can stop the issue is the permission.
    client.post(
        reverse("notifications_admin:issue", args=[w.notification.pk]),
        {"confirm": "1", "english_notice": ["ar", "es", "fr", "ru", "zh-hans"]},
    )
    w.notification.refresh_from_db()
    return bool(w.notification.number)


def _segment_state(w):
    from translation.models import SegmentReview

    return SegmentReview.objects.get(translation_id=w.segment_id)


def approve_segment(client, w):
    from translation.models import SegmentReview

    SegmentReview.objects.filter(translation_id=w.segment_id).update(
        state=SegmentReview.State.MACHINE
    )
    client.post(
        reverse("translation_segment", args=[w.source.pk, "fr", w.segment_id]),
        {"approve": "1"},
    )
    return _segment_state(w).state == SegmentReview.State.REVIEWED


def edit_segment(client, w):
    client.post(
        reverse("translation_segment", args=[w.source.pk, "fr", w.segment_id]),
        {"text": "Texte revu par une personne"},
    )
    return _segment_state(w).translation.data == "Texte revu par une personne"


def publish_translation(client, w):
    client.post(reverse("translation_publish", args=[w.source.pk, "fr"]))
    w.french_page.refresh_from_db()
    return w.french_page.live


def list_api_tokens(client, w):
    from api.services import token_create

    token, _key = token_create(party=Party.objects.get(code="FR"), name="CHM France matrix")
    response = client.get(reverse("api_tokens:index"))
    return response.status_code == 200 and "CHM France matrix" in response.content.decode()


def create_api_token(client, w):
    from api.models import ApiToken

    before = ApiToken.objects.count()
    client.post(
        reverse("api_tokens:add"),
        {"party": Party.objects.get(code="FR").pk, "name": "Sneaky token"},
    )
    return ApiToken.objects.count() == before + 1


ACTIONS = {
    "read A's ticket": read_ticket,
    "read A's ticket as JSON": read_ticket_json,
    "read an internal note": read_internal_note,
    "download A's attachment": download_attachment,
    "reply to A's ticket": reply_to_ticket,
    "write an internal note": write_internal_note,
    "see a focal point's unpublished phone": see_unpublished_phone,
    "edit A's focal point in the portal": edit_focal_point_in_portal,
    "verify a focal point": verify_focal_point,
    "see the deliveries of a notification": see_deliveries,
    "issue a notification": issue_notification,
    "approve a French segment": approve_segment,
    "edit a French segment": edit_segment,
    "publish the French translation": publish_translation,
    "list API tokens": list_api_tokens,
    "create an API token": create_api_token,
}

CELLS = [
    pytest.param(action, role, role in allowed, id=f"{action} | {role}")
    for action, allowed in MATRIX.items()
    for role in ROLES
]


def test_the_table_covers_every_action_and_only_known_roles():
    assert set(MATRIX) == set(ACTIONS)
    assert all(allowed <= set(ROLES) for allowed in MATRIX.values())


@pytest.mark.parametrize(("action", "role", "allowed"), CELLS)
def test_permission_cell(client, django_user_model, world, action, role, allowed):
    person = _person(django_user_model, role)
    if person is not None:
        client.force_login(person)
    client.raise_request_exception = False
    assert ACTIONS[action](client, world) is allowed
