"""The cms app's one user-facing state change, the profile, lands in Wagtail's audit log."""

import pytest
from django.contrib.auth import get_user_model

from cms.services import user_profile_get_or_create, user_profile_update
from tests.audit_log import logged, registered

pytestmark = pytest.mark.django_db


def test_a_language_change_is_logged_with_who_and_before_and_after():
    user = get_user_model().objects.create_user("amina", password="x")
    profile = user_profile_get_or_create(user)
    user_profile_update(profile, preferred_language="fr")
    user_profile_update(profile, preferred_language="fr")  # no change, nothing logged
    assert logged(profile) == [
        (
            "cms.profile.update",
            "amina",
            {"before": {"preferred_language": "en"}, "after": {"preferred_language": "fr"}},
        )
    ]
    assert registered("cms.") == {"cms.profile.update"}
