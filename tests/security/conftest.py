"""The security suite reuses the translation tests' demonstration MT models."""

from tests.translation.conftest import demo_archives, demo_packages_dir  # noqa: F401
