"""mt_models and mt_translate, as an operator would run them."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command


@pytest.fixture
def models_dir(settings, tmp_path: Path) -> Path:  # noqa: ANN001 (pytest-django fixture)
    settings.MT_MODELS_DIR = tmp_path / "mt-models"
    return settings.MT_MODELS_DIR


def run(*args: str, stdin: str | None = None, monkeypatch=None) -> tuple[str, str]:  # noqa: ANN001
    out, err = io.StringIO(), io.StringIO()
    if stdin is not None:
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    call_command(*args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_build_demo_then_list_translate_and_remove(models_dir: Path) -> None:
    out, _ = run("mt_models", "build-demo", "--pairs", "en-fr,fr-en,en-ru")
    assert "built en→fr (demonstration model)" in out
    assert "Installed en-fr 1.0 [demonstration model]" in out

    out, _ = run("mt_models", "list")
    assert "en-fr" in out and "[demonstration model]" in out
    assert "Through English: fr-ru" in out

    out, err = run("mt_translate", "--from", "en", "--to", "fr", "Hello world. The report.")
    assert out == "Bonjour monde. Le rapport.\n"
    assert "en-fr 1.0 (demonstration model)" in err

    out, err = run("mt_translate", "--from", "fr", "--to", "ru", "Bonjour le monde.")
    assert out == "Здравствуйте мир.\n"
    assert "fr-en 1.0 (demonstration model), en-ru 1.0 (demonstration model)" in err

    out, _ = run("mt_models", "remove", "en-fr")
    assert out == "Removed en-fr 1.0\n"
    with pytest.raises(CommandError, match=r"en→fr.*mt_models install"):
        run("mt_translate", "--from", "en", "--to", "fr", "Hello")


def test_translate_reads_standard_input(models_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    run("mt_models", "build-demo", "--pairs", "en-zh")
    out, _ = run(
        "mt_translate", "--from", "en", "--to", "zh-hans",
        stdin="Hello world.\nThe Conference of the Parties.\n", monkeypatch=monkeypatch,
    )  # fmt: skip
    assert out == "你好世界。\n缔约方大会。\n"


def test_install_from_a_folder_and_refuse_bad_files(models_dir: Path, tmp_path: Path) -> None:
    run("mt_models", "build-demo", "--pairs", "en-es,es-en", "--no-install")
    out, _ = run("mt_models", "install", str(models_dir / "demo-archives"))
    assert out.splitlines() == [
        "Installed en-es 1.0 [demonstration model]",
        "Installed es-en 1.0 [demonstration model]",
    ]
    bogus = tmp_path / "bogus.argosmodel"
    bogus.write_text("not a zip")
    with pytest.raises(CommandError, match="not a valid Argos translation package"):
        run("mt_models", "install", str(bogus))
    with pytest.raises(CommandError, match="No model installed for fr-en"):
        run("mt_models", "remove", "fr-en")


def test_index_install_needs_explicit_network_permission(models_dir: Path) -> None:
    with pytest.raises(CommandError, match="--allow-network"):
        run("mt_models", "install-index")
    assert not (models_dir / "argos").exists()


def test_list_explains_what_to_do_when_empty(models_dir: Path) -> None:
    out, _ = run("mt_models", "list")
    assert "mt_models build-demo" in out
