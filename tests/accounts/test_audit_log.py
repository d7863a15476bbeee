"""Every state change of the accounts app lands in Wagtail's audit log with its actor and,
for a status or role, the value before and after."""

import pytest
from django.contrib.auth import get_user_model

from accounts.services.access_requests import (
    access_request_reject,
    access_request_submit,
    access_request_verify,
)
from accounts.services.invitations import invitation_create, invitation_revoke
from accounts.services.roles import user_party_role_set
from accounts.services.two_factor import recovery_codes_regenerate, two_factor_reset
from cms.models import Party
from tests.accounts.conftest import make_user
from tests.audit_log import logged, registered

pytestmark = pytest.mark.django_db

# Logged where a person signs in or accepts through the browser flows, and asserted there
# with their actor: tests/accounts/test_two_factor.py and test_invitations.py.
COVERED_BY_THE_SIGN_IN_TESTS = {
    "chm.invitation.accept",
    "chm.two_factor.enable",
    "chm.two_factor.recovery_code_used",
}


def submitted(email: str):
    return access_request_submit(
        party=Party.objects.get(code="FR"),
        name="Léa Martin",
        email=email,
        position="Officer",
        role="authorized",
        message="",
        language="fr",
    )


def test_each_account_action_is_logged_with_who_and_before_and_after(staff, nau_fr):
    seen = set()

    def entries(instance):
        found = logged(instance)
        seen.update(action for action, _user, _data in found)
        return found

    invitation, _link = invitation_create(
        email="new@example.org",
        name="New",
        language="fr",
        party=Party.objects.get(code="FR"),
        role="authorized",
        by=nau_fr,
    )
    invitation_revoke(invitation_id=invitation.pk, by=staff)
    assert entries(invitation) == [
        ("chm.invitation.create", "nau-fr", {"party": "FR", "role": "authorized"}),
        (
            "chm.invitation.revoke",
            "secretariat",
            {"before": {"status": "pending"}, "after": {"status": "revoked"}},
        ),
    ]

    verified = access_request_verify(request_id=submitted("lea@example.org").pk, by=staff)
    rejected = access_request_reject(request_id=submitted("other@example.org").pk, by=staff)
    assert entries(verified)[0][:2] == ("chm.access_request.submit", None)  # nobody signed in
    assert entries(verified)[1] == (
        "chm.access_request.verified",
        "secretariat",
        {"before": {"status": "submitted"}, "after": {"status": "verified"}},
    )
    assert entries(rejected)[1][:2] == ("chm.access_request.rejected", "secretariat")

    person = make_user("person")
    user_party_role_set(
        user=person, party=Party.objects.get(code="KE"), role="contributor", by=staff
    )
    recovery_codes_regenerate(user=person)
    two_factor_reset(user=person, by=staff)
    assert entries(person) == [
        ("chm.party_role", "secretariat", {"party": [None, "KE"], "role": ["", "contributor"]}),
        ("chm.two_factor.codes", "person", {}),
        ("chm.two_factor.reset", "secretariat", {}),
    ]
    assert registered("chm.") == seen | COVERED_BY_THE_SIGN_IN_TESTS
    assert get_user_model().objects.filter(email="lea@example.org").count() == 0  # invited only
