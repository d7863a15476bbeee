"""Install models from Argos's package index without argostranslate (so without torch).

The index is a JSON list of packages (``from_code``, ``to_code``, ``package_version``,
``links``, optionally a checksum). We read it and download packages ourselves:

- HTTPS only (plain HTTP is accepted for a loopback mirror, ``127.0.0.1``/``localhost``,
  which is how the tests serve a generated index), redirects included;
- a size limit on the index and on every package (announced ``Content-Length`` and the
  bytes actually read);
- the SHA-256 checked where the index gives one (``sha256`` or ``checksum``);
- atomic: the download goes to a temporary file beside the packages, the install is
  ``packages.install`` (unzip next to the folder, one rename in); a failed download
  leaves nothing behind and the installed model of the pair untouched.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import urllib.request
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

from translation.engine import packages
from translation.engine.errors import TranslationEngineError
from translation.engine.languages import argos_code

ARGOS_INDEX_URL = "https://raw.githubusercontent.com/argosopentech/argospm-index/main/index.json"
MAX_INDEX_BYTES = 5 * 1024**2
MAX_PACKAGE_BYTES = 2 * 1024**3
TIMEOUT_SECONDS = 60
_CHUNK = 1024**2
_LOOPBACK = {"127.0.0.1", "localhost", "::1"}


class DownloadError(TranslationEngineError):
    """The index or a package could not be fetched safely; nothing was installed."""

    def __init__(self, url: str, reason: str) -> None:
        self.url = url
        super().__init__(f"{url}: {reason}; nothing was installed.")


@dataclass(frozen=True)
class IndexEntry:
    source: str
    target: str
    version: str
    links: tuple[str, ...]
    sha256: str = ""

    @property
    def pair(self) -> str:
        return f"{self.source}-{self.target}"


def _check_url(url: str) -> None:
    parts = urlparse(url)
    if parts.scheme == "https" or (parts.scheme == "http" and parts.hostname in _LOOPBACK):
        return
    raise DownloadError(url, "only https:// addresses are allowed (http only on this machine)")


def _fetch(url: str, destination, limit: int, timeout: float) -> str:
    """Stream ``url`` into ``destination`` (a binary file); returns the SHA-256."""
    _check_url(url)
    request = urllib.request.Request(url, headers={"User-Agent": "chm-mt-models"})  # noqa: S310
    digest = hashlib.sha256()
    with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 (checked)
        _check_url(response.geturl())  # after redirects
        announced = response.headers.get("Content-Length")
        if announced and announced.isdecimal() and int(announced) > limit:
            raise DownloadError(url, f"larger than the {limit} bytes allowed")
        read = 0
        while chunk := response.read(_CHUNK):
            read += len(chunk)
            if read > limit:
                raise DownloadError(url, f"larger than the {limit} bytes allowed")
            digest.update(chunk)
            destination.write(chunk)
    return digest.hexdigest()


def index_read(
    url: str = ARGOS_INDEX_URL, *, limit: int = MAX_INDEX_BYTES, timeout: float = TIMEOUT_SECONDS
) -> list[IndexEntry]:
    """The translation packages an Argos index lists (other types are skipped)."""
    with tempfile.TemporaryFile() as buffer:
        try:
            _fetch(url, buffer, limit, timeout)
        except OSError as exc:
            raise DownloadError(url, f"the index could not be downloaded ({exc})") from exc
        buffer.seek(0)
        try:
            raw = json.loads(buffer.read().decode("utf-8"))
        except (UnicodeDecodeError, ValueError) as exc:
            raise DownloadError(url, "the index is not JSON") from exc
    if not isinstance(raw, list):
        raise DownloadError(url, "the index is not a list of packages")
    entries = []
    for item in raw:
        if not isinstance(item, dict) or item.get("type", "translate") != "translate":
            continue
        links = tuple(link for link in item.get("links", []) if isinstance(link, str))
        if not links or not item.get("from_code") or not item.get("to_code"):
            continue
        entries.append(
            IndexEntry(
                source=str(item["from_code"]),
                target=str(item["to_code"]),
                version=str(item.get("package_version", "0")),
                links=links,
                sha256=str(item.get("sha256") or item.get("checksum") or "").lower(),
            )
        )
    return entries


def newest(entries: Iterable[IndexEntry], pairs: set[tuple[str, str]]) -> list[IndexEntry]:
    """The newest entry for each wanted pair the index has."""
    best: dict[tuple[str, str], IndexEntry] = {}
    for entry in entries:
        key = (entry.source, entry.target)
        if key not in pairs:
            continue
        if key not in best or packages._version_key(entry.version) > packages._version_key(
            best[key].version
        ):
            best[key] = entry
    return [best[key] for key in sorted(best)]


def package_download(
    entry: IndexEntry,
    downloads: Path,
    *,
    limit: int = MAX_PACKAGE_BYTES,
    timeout: float = TIMEOUT_SECONDS,
) -> Path:
    """Download one package (first link that works); the file appears only when complete."""
    downloads.mkdir(parents=True, exist_ok=True)
    errors = []
    for link in entry.links:
        handle = tempfile.NamedTemporaryFile(  # noqa: SIM115 (renamed or removed below)
            dir=downloads, prefix=".part-", suffix=packages.PACKAGE_SUFFIX, delete=False
        )
        try:
            with handle:
                digest = _fetch(link, handle, limit, timeout)
            if entry.sha256 and digest != entry.sha256:
                raise DownloadError(link, "the checksum does not match the index")
            final = (
                downloads / f"translate-{entry.source}_{entry.target}-{entry.version}.argosmodel"
            )
            os.replace(handle.name, final)
            return final
        except (OSError, DownloadError) as exc:
            Path(handle.name).unlink(missing_ok=True)
            errors.append(str(exc))
            if isinstance(exc, DownloadError) and "checksum" in str(exc):
                break  # a wrong file: do not try mirrors of it
    raise DownloadError(entry.pair, "; ".join(errors))


def install_from_index(
    packages_dir: Path,
    *,
    pairs: Iterable[tuple[str, str]],
    url: str = ARGOS_INDEX_URL,
    limit: int = MAX_PACKAGE_BYTES,
    progress: Callable[[str], None] = lambda message: None,
) -> list[packages.InstalledPackage]:
    """Download and install the newest package of each pair; returns what was installed."""
    wanted = {(argos_code(source), argos_code(target)) for source, target in pairs}
    entries = newest(index_read(url), wanted)
    downloads = packages_dir.parent / "downloads"
    installed = []
    for entry in entries:
        progress(f"Downloading {entry.pair} {entry.version}…")
        archive = package_download(entry, downloads, limit=limit)
        try:
            installed.extend(packages.install(packages_dir, archive))
        finally:
            archive.unlink(missing_ok=True)
    return installed
