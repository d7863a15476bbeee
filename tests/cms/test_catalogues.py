"""The six UI catalogues are complete and in step with the code."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

from cms.catalogues import (
    CATALOGUE_LANGUAGES,
    StringsDisagreeError,
    catalogue_problems,
    plural_count,
    strings_load,
)

ROOT = Path(__file__).resolve().parents[2]
LOCALES = ROOT / "locales"


@pytest.mark.parametrize("code", CATALOGUE_LANGUAGES)
def test_catalogue_has_no_untranslated_or_fuzzy_message(code):
    po_path = LOCALES / code / "LC_MESSAGES" / "django.po"
    assert po_path.exists(), f"missing {po_path}"
    assert catalogue_problems(po_path, code) == []


@pytest.mark.parametrize("code,forms", [("ar", 6), ("ru", 3), ("zh_Hans", 1), ("fr", 2)])
def test_plural_forms_match_the_language(code, forms):
    catalogue = polib.pofile(str(LOCALES / code / "LC_MESSAGES" / "django.po"))
    assert catalogue.metadata["Plural-Forms"].startswith(f"nplurals={forms};")
    assert plural_count(code) == forms
    plurals = [entry for entry in catalogue if entry.msgid_plural]
    assert plurals, "the catalogue has plural messages to check"
    assert all(len(entry.msgstr_plural) == forms for entry in plurals)


def test_catalogues_contain_every_message_of_the_code(tmp_path):
    """Extract messages again into a scratch copy: nothing new may appear."""
    scratch = tmp_path / "locales"
    shutil.copytree(LOCALES, scratch)
    env = {
        **os.environ,
        "DEBUG": "1",
        "CHM_LOCALE_DIR": str(scratch),
        "CHM_DATA_DIR": str(tmp_path / "data"),
    }
    result = subprocess.run(
        [
            sys.executable,
            "manage.py",
            "makemessages",
            "--no-location",
            "--no-obsolete",
            "-l",
            "fr",
            "-i",
            ".venv",
            "-i",
            "data",
            "-i",
            "bench",
            "-i",
            "tests",
            "-v",
            "0",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    committed = {entry.msgid for entry in polib.pofile(str(LOCALES / "fr/LC_MESSAGES/django.po"))}
    extracted = {entry.msgid for entry in polib.pofile(str(scratch / "fr/LC_MESSAGES/django.po"))}
    assert extracted - committed == set(), "run `make messages` and translate the new strings"


def test_fill_drops_gettext_guesses_for_messages_nobody_translated(tmp_path):
    from cms.catalogues import catalogue_fill

    catalogue = polib.POFile()
    catalogue.append(
        polib.POEntry(msgid="Dear %(name)s,", msgstr="Nombre de usuario", flags=["fuzzy"])
    )
    catalogue.append(polib.POEntry(msgid="Save", msgstr=""))
    po_path = tmp_path / "django.po"
    catalogue.save(str(po_path))

    report = catalogue_fill(po_path, "es", {"Save": {"es": "Guardar"}})

    assert report.missing == ["Dear %(name)s,"]
    filled = {entry.msgid: entry for entry in polib.pofile(str(po_path))}
    assert filled["Dear %(name)s,"].msgstr == ""
    assert filled["Save"].msgstr == "Guardar"
    assert catalogue_problems(po_path, "es") == ["untranslated: 'Dear %(name)s,'"]


def test_the_strings_files_agree_with_each_other():
    assert strings_load(LOCALES / "strings")  # raises when two files disagree


def test_a_message_translated_differently_in_two_files_is_refused(tmp_path):
    (tmp_path / "helpdesk.json").write_text('{"Subject": {"fr": "Objet", "es": "Asunto"}}')
    (tmp_path / "notifications.json").write_text('{"Subject": {"fr": "Sujet", "es": "Asunto"}}')
    with pytest.raises(StringsDisagreeError) as error:
        strings_load(tmp_path)
    assert "'Subject' [fr]: helpdesk.json has 'Objet', notifications.json has 'Sujet'" in str(
        error.value
    )
    (tmp_path / "notifications.json").write_text('{"topic\\u0004Subject": {"fr": "Sujet"}}')
    assert strings_load(tmp_path)["topic\u0004Subject"] == {"fr": "Sujet"}
