"""Installing, listing and removing Argos packages without argostranslate."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from translation.engine import packages
from translation.engine.errors import PackageError


def _archive(tmp_path: Path, members: dict[str, str]) -> Path:
    path = tmp_path / "test.argosmodel"
    with zipfile.ZipFile(path, "w") as zipf:
        for name, content in members.items():
            zipf.writestr(name, content)
    return path


def test_install_replaces_any_installed_version(tmp_path: Path, demo_archives: list[Path]) -> None:
    packages_dir = tmp_path / "packages"
    en_fr = next(a for a in demo_archives if "en_fr" in a.name)
    (first,) = packages.install(packages_dir, en_fr)
    assert (first.pair, first.version, first.demonstration) == ("en-fr", "1.0", True)
    assert json.loads((first.path / "metadata.json").read_text())["from_code"] == "en"
    packages.install(packages_dir, en_fr)
    assert [p.pair for p in packages.list_packages(packages_dir)] == ["en-fr"]
    assert packages.find_package(packages_dir, "en", "fr") is not None
    assert packages.find_package(packages_dir, "fr", "en") is None
    # No staging leftovers inside the packages folder (argostranslate would choke on them).
    assert [p.name for p in packages_dir.iterdir()] == ["translate-en_fr-1.0"]


@pytest.mark.parametrize(
    ("members", "reason"),
    [
        ({"../evil/metadata.json": "{}"}, "unsafe path"),
        ({"a/metadata.json": "{}", "b/metadata.json": "{}"}, "exactly one top-level folder"),
        ({"p/metadata.json": '{"from_code": "en", "to_code": "fr"}'}, "model/model.bin"),
        ({"p/metadata.json": '{"type": "sbd"}'}, "not 'translate'"),
        ({"p/readme.txt": "hi"}, "no metadata.json"),
    ],
)
def test_invalid_archives_are_refused_and_change_nothing(
    tmp_path: Path, members: dict[str, str], reason: str
) -> None:
    packages_dir = tmp_path / "packages"
    with pytest.raises(PackageError, match=reason):
        packages.install(packages_dir, _archive(tmp_path, members))
    assert packages.list_packages(packages_dir) == []
    assert not (tmp_path / "evil").exists()
