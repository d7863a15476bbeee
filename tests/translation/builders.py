"""Builders and fixtures for the translation workflow tests (import what you use)."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Locale

from cms.models import ContentPage, HomePage


@pytest.fixture
def mt_models(settings, demo_packages_dir: Path) -> Path:
    """Point MT_MODELS_DIR at the demonstration models built once per session."""
    settings.MT_MODELS_DIR = demo_packages_dir.parent
    return demo_packages_dir.parent


def locale(code: str) -> Locale:
    return Locale.objects.get(language_code=code)


def english_page(
    *,
    slug: str = "wetlands",
    title: str = "Protected areas",
    intro: str = "The convention on biological diversity.",
    paragraphs: tuple[str, ...] = (
        "<p>Protected areas and <b>marine</b> biodiversity.</p>",
        "<p>National focal points submit national reports.</p>",
    ),
    parent=None,
    publish: bool = True,
) -> ContentPage:
    parent = parent or HomePage.objects.get(locale__language_code="en")
    page = parent.add_child(
        instance=ContentPage(
            title=title,
            slug=slug,
            intro=intro,
            body=[("paragraph", text) for text in paragraphs],
        )
    )
    revision = page.save_revision()
    if publish:
        revision.publish()
        page.refresh_from_db()
    return page


def user(username: str, *groups: str, superuser: bool = False, email: str = ""):
    account = get_user_model().objects.create_user(
        username=username,
        password="a-long-test-password-1",
        email=email or f"{username}@example.org",
        is_superuser=superuser,
        is_staff=superuser,
    )
    for name in groups:
        account.groups.add(Group.objects.get(name=name))
    return account
