"""Fixtures of the reports tests."""

import pytest

from tests.reports.builders import party_user, secretariat_user


@pytest.fixture
def france_user(db):
    return party_user("FR")


@pytest.fixture
def secretariat(db):
    return secretariat_user()
