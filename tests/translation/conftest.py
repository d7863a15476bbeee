"""Demonstration models, built once per test session (about 0.1 s per pair)."""

from __future__ import annotations

from pathlib import Path

import pytest

from translation.demo_models.builder import build_demo_packages
from translation.engine import packages
from translation.engine.translator import Engine


@pytest.fixture(scope="session")
def demo_archives(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    return build_demo_packages(tmp_path_factory.mktemp("demo-archives"))


@pytest.fixture(scope="session")
def demo_packages_dir(tmp_path_factory: pytest.TempPathFactory, demo_archives: list[Path]) -> Path:
    packages_dir = tmp_path_factory.mktemp("mt-models") / "packages"
    for archive in demo_archives:
        packages.install(packages_dir, archive)
    return packages_dir


@pytest.fixture(scope="session")
def engine(demo_packages_dir: Path) -> Engine:
    return Engine(demo_packages_dir)
