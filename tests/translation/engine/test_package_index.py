"""`mt_models install-index` without argostranslate: a generated Argos index and package
served by a real local HTTP server; checksum, size limit and atomic install."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from translation.engine import packages
from translation.engine.package_index import DownloadError, index_read, install_from_index

ROOT = Path(__file__).resolve().parents[3]


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 (the base class's name)
        pass


class QuietServer(ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        pass  # the size-limit test hangs up mid-download on purpose


@pytest.fixture
def mirror(tmp_path: Path, demo_archives: list[Path]):
    """A folder served on 127.0.0.1 holding en-fr and en-es packages and an index."""
    served = tmp_path / "served"
    served.mkdir()
    archives = {}
    for archive in demo_archives:
        for pair in ("en_fr", "en_es"):
            if f"-{pair}-" in archive.name:
                archives[pair] = shutil.copy(archive, served / archive.name)
    server = QuietServer(("127.0.0.1", 0), partial(QuietHandler, directory=str(served)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{server.server_address[1]}"

    def write_index(entries: list[dict]) -> str:
        (served / "index.json").write_text(json.dumps(entries))
        return f"{base}/index.json"

    def entry(pair: str, version: str = "1.0", **extra) -> dict:
        source, target = pair.split("_")
        path = Path(archives[pair])
        return {
            "type": "translate",
            "from_code": source,
            "to_code": target,
            "package_version": version,
            "links": [f"{base}/{path.name}"],
            "sha256": hashlib.sha256(path.read_bytes()).hexdigest(),
            **extra,
        }

    yield write_index, entry, served
    server.shutdown()
    server.server_close()


def test_install_index_downloads_checks_and_installs(tmp_path, settings, mirror):
    write_index, entry, _served = mirror
    url = write_index([entry("en_fr"), entry("en_es"), {"type": "sbd", "links": ["x"]}])
    assert {e.pair for e in index_read(url)} == {"en-fr", "en-es"}
    settings.MT_MODELS_DIR = tmp_path / "models"
    call_command(
        "mt_models", "install-index", "--allow-network", "--index-url", url, "--pairs", "en-fr"
    )
    installed = packages.list_packages(tmp_path / "models" / "packages")
    assert [p.pair for p in installed] == ["en-fr"]
    assert not list((tmp_path / "models" / "downloads").iterdir())  # nothing left behind


def test_a_wrong_checksum_installs_nothing(tmp_path, mirror):
    write_index, entry, _served = mirror
    url = write_index([entry("en_fr", sha256="0" * 64)])
    packages_dir = tmp_path / "models" / "packages"
    with pytest.raises(DownloadError, match="checksum"):
        install_from_index(packages_dir, pairs=[("en", "fr")], url=url)
    assert packages.list_packages(packages_dir) == []
    assert not list((tmp_path / "models" / "downloads").iterdir())


def test_a_package_over_the_size_limit_is_refused_and_the_old_model_kept(
    tmp_path, mirror, demo_archives
):
    write_index, entry, _served = mirror
    packages_dir = tmp_path / "models" / "packages"
    old = next(a for a in demo_archives if "-en_fr-" in a.name)
    packages.install(packages_dir, old)
    url = write_index([entry("en_fr", version="2.0")])
    with pytest.raises(DownloadError, match="larger than"):
        install_from_index(packages_dir, pairs=[("en", "fr")], url=url, limit=1000)
    assert [p.version for p in packages.list_packages(packages_dir)] == ["1.0"]


def test_plain_http_is_refused_except_on_this_machine(tmp_path):
    with pytest.raises(DownloadError, match="https"):
        index_read("http://example.org/index.json")
    with pytest.raises(CommandError, match="allow-network"):
        call_command("mt_models", "install-index")


def test_install_index_never_imports_argostranslate_or_torch(tmp_path, mirror):
    write_index, entry, _served = mirror
    url = write_index([entry("en_es")])
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from translation.engine.package_index import install_from_index\n"
        f"install_from_index(Path({str(tmp_path / 'p' / 'packages')!r}), pairs=[('en', 'es')], url={url!r})\n"
        "assert not any(m.split('.')[0] in ('argostranslate', 'torch') for m in sys.modules)\n"
        "print('ok')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert result.stdout.strip() == "ok", result.stderr
