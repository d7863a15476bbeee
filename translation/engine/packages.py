"""Argos package files: install, list and remove, under a packages folder given by the caller.

The folder keeps Argos's own layout (one sub-folder per package, each with
``metadata.json``), so ``argostranslate`` pointed at it sees the same packages. Nothing here
imports ``argostranslate``: its install and uninstall functions import
``argostranslate.translate`` (and so torch) just to clear a cache.

Installs are atomic: a package is unpacked next to the folder and moved in with one
rename, so a worker that lists packages never sees half a package.
"""

from __future__ import annotations

import json
import shutil
import tempfile
import uuid
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from translation.engine.errors import PackageError

METADATA_FILE = "metadata.json"
MODEL_DIR = "model"
SENTENCEPIECE_FILE = "sentencepiece.model"
PACKAGE_SUFFIX = ".argosmodel"
_MAX_UNPACKED_BYTES = 4 * 1024**3  # a real transformer-big package is < 1 GB


@dataclass(frozen=True)
class InstalledPackage:
    """One installed translation package (a folder under the packages folder)."""

    path: Path
    source: str
    target: str
    version: str
    name: str
    demonstration: bool
    target_prefix: str = ""

    @property
    def pair(self) -> str:
        return f"{self.source}-{self.target}"

    @property
    def model_path(self) -> Path:
        return self.path / MODEL_DIR

    @property
    def sentencepiece_path(self) -> Path:
        return self.path / SENTENCEPIECE_FILE

    def fingerprint(self) -> tuple[str, str, int]:
        """Changes whenever the package on disk is replaced, even by the same version."""
        try:
            mtime = (self.model_path / "model.bin").stat().st_mtime_ns
        except OSError:
            mtime = -1
        return (str(self.path), self.version, mtime)


def read_metadata(folder: Path) -> dict:
    try:
        return json.loads((folder / METADATA_FILE).read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise PackageError(str(folder), "no metadata.json") from exc
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise PackageError(str(folder), f"unreadable metadata.json: {exc}") from exc


def _package_from_folder(folder: Path) -> InstalledPackage:
    meta = read_metadata(folder)
    if meta.get("type", "translate") != "translate":
        raise PackageError(str(folder), f"type {meta.get('type')!r} is not 'translate'")
    source, target = meta.get("from_code"), meta.get("to_code")
    if not source or not target:
        raise PackageError(str(folder), "metadata.json lacks from_code/to_code")
    description = str(meta.get("description", ""))
    return InstalledPackage(
        path=folder,
        source=source,
        target=target,
        version=str(meta.get("package_version", "")),
        name=f"{meta.get('from_name', source)} → {meta.get('to_name', target)}",
        demonstration=bool(meta.get("demonstration")) or "demonstration" in description,
        target_prefix=str(meta.get("target_prefix", "")),
    )


def list_packages(packages_dir: Path) -> list[InstalledPackage]:
    """Installed translation packages, sorted by pair; folders that are not packages are skipped."""
    if not packages_dir.is_dir():
        return []
    found = []
    for child in sorted(packages_dir.iterdir()):
        if child.is_dir() and (child / METADATA_FILE).exists():
            try:
                found.append(_package_from_folder(child))
            except PackageError:
                continue
    return sorted(found, key=lambda p: (p.source, p.target, _version_key(p.version)))


def find_package(packages_dir: Path, source: str, target: str) -> InstalledPackage | None:
    """The installed package for a pair (the highest version if several are present)."""
    matches = [p for p in list_packages(packages_dir) if (p.source, p.target) == (source, target)]
    return matches[-1] if matches else None


def _version_key(version: str) -> tuple:
    return tuple(int(part) if part.isdigit() else -1 for part in version.split("."))


def install(packages_dir: Path, path: Path) -> list[InstalledPackage]:
    """Install a ``.argosmodel`` file, or every ``.argosmodel`` file in a folder.

    A package for a pair that is already installed replaces it (any version), so the
    engine never keeps using an older model.
    """
    path = Path(path)
    if path.is_dir():
        files = sorted(path.glob(f"*{PACKAGE_SUFFIX}"))
        if not files:
            raise PackageError(str(path), f"the folder holds no {PACKAGE_SUFFIX} file")
    elif path.is_file():
        files = [path]
    else:
        raise PackageError(str(path), "no such file or folder")
    return [_install_file(packages_dir, file) for file in files]


def _install_file(packages_dir: Path, archive: Path) -> InstalledPackage:
    if not zipfile.is_zipfile(archive):
        raise PackageError(str(archive), "not a zip archive")
    packages_dir.mkdir(parents=True, exist_ok=True)
    staging_root = packages_dir.parent / f".{packages_dir.name}-staging"
    staging_root.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory(dir=staging_root) as staging:
        top = _safe_extract(archive, Path(staging))
        package = _package_from_folder(top)
        _check_files(package, archive)
        final = packages_dir / f"translate-{package.source}_{package.target}-{package.version}"
        for old in list_packages(packages_dir):
            if (old.source, old.target) == (package.source, package.target):
                _discard(old.path, staging_root)
        if final.exists():
            _discard(final, staging_root)
        top.rename(final)
    return _package_from_folder(final)


def _safe_extract(archive: Path, destination: Path) -> Path:
    """Unzip refusing absolute paths, ``..`` and zip bombs; return the single top folder."""
    with zipfile.ZipFile(archive) as zipf:
        members = zipf.infolist()
        tops = set()
        total = 0
        for member in members:
            name = PurePosixPath(member.filename)
            if name.is_absolute() or ".." in name.parts or not name.parts:
                raise PackageError(str(archive), f"unsafe path {member.filename!r}")
            tops.add(name.parts[0])
            total += member.file_size
        if total > _MAX_UNPACKED_BYTES:
            raise PackageError(str(archive), "unpacks to more than 4 GB")
        if len(tops) != 1:
            raise PackageError(str(archive), "expected exactly one top-level folder")
        zipf.extractall(destination)  # noqa: S202 (members checked above)
    top = destination / tops.pop()
    if not top.is_dir():
        raise PackageError(str(archive), "the top-level entry is not a folder")
    return top


def _check_files(package: InstalledPackage, archive: Path) -> None:
    if not (package.model_path / "model.bin").is_file():
        raise PackageError(str(archive), "no model/model.bin (CTranslate2 model)")
    if not package.sentencepiece_path.is_file():
        raise PackageError(str(archive), "no sentencepiece.model (BPE packages unsupported)")


def _discard(folder: Path, staging_root: Path) -> None:
    """Move out of the packages folder first (one rename), then delete at leisure."""
    trash = staging_root / f"old-{uuid.uuid4().hex}"
    folder.rename(trash)
    shutil.rmtree(trash, ignore_errors=True)


def remove(packages_dir: Path, source: str, target: str) -> list[InstalledPackage]:
    """Remove every installed package for the pair; returns what was removed."""
    removed = [p for p in list_packages(packages_dir) if (p.source, p.target) == (source, target)]
    staging_root = packages_dir.parent / f".{packages_dir.name}-staging"
    staging_root.mkdir(parents=True, exist_ok=True)
    for package in removed:
        _discard(package.path, staging_root)
    return removed


def archive_package(folder: Path, dest_stem: Path) -> Path:
    """Zip an unpacked package folder into ``<dest_stem>.argosmodel`` (one top folder)."""
    target = dest_stem.with_name(dest_stem.name + PACKAGE_SUFFIX)
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as zipf:
        for file in sorted(folder.rglob("*")):
            if file.is_file():
                zipf.write(file, Path(folder.name) / file.relative_to(folder))
    return target
