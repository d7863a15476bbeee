"""The UI message catalogues in `locales/`, kept complete for the six UN languages.

Translations are written by people into `locales/strings/<area>.json` (one file per app, so
engineers working on different apps never edit the same file), as
`{"msgid": {"ar": "…", …}}`; plural messages use a list per language with as many forms as
the language has (Arabic 6, Russian 3, Chinese 1), and messages with a context are keyed
`"context\u0004msgid"`. `manage.py messages_update` extracts messages from the code, fills
each `django.po` from those files and reports what is still missing.
"""

import json
from dataclasses import dataclass, field
from pathlib import Path

import polib

# gettext language code in locales/ -> number of plural forms and the rule.
PLURAL_FORMS = {
    "ar": "nplurals=6; plural=n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 "
    ": n%100>=11 ? 4 : 5;",
    "en": "nplurals=2; plural=(n != 1);",
    "es": "nplurals=2; plural=(n != 1);",
    "fr": "nplurals=2; plural=(n > 1);",
    "ru": "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && "
    "(n%100<10 || n%100>=20) ? 1 : 2);",
    "zh_Hans": "nplurals=1; plural=0;",
}
CATALOGUE_LANGUAGES = tuple(PLURAL_FORMS)
CONTEXT_SEPARATOR = "\u0004"


def django_code(gettext_code: str) -> str:
    return "zh-hans" if gettext_code == "zh_Hans" else gettext_code


def plural_count(gettext_code: str) -> int:
    return int(PLURAL_FORMS[gettext_code].split(";")[0].split("=")[1])


def entry_key(entry: polib.POEntry) -> str:
    return f"{entry.msgctxt}{CONTEXT_SEPARATOR}{entry.msgid}" if entry.msgctxt else entry.msgid


class StringsDisagreeError(ValueError):
    """Two strings files translate the same message differently."""


def strings_load(strings_dir: Path) -> dict[str, dict]:
    """All people-written translations, merged from every JSON file in the folder.

    One catalogue serves every app, so a message translated differently in two files would
    silently take one file's words everywhere ("Subject" of a ticket is the e-mail's
    "Objet", of a notification its "Sujet"): that is an error. Different meanings need a
    context (``pgettext("topic", "Subject")``, keyed ``"topic\u0004Subject"``).
    """
    merged: dict[str, dict] = {}
    origin: dict[tuple[str, str], str] = {}
    disagreements = []
    for path in sorted(strings_dir.glob("*.json")):
        for key, translations in json.loads(path.read_text(encoding="utf-8")).items():
            known = merged.setdefault(key, {})
            for language, text in translations.items():
                if language in known and known[language] != text:
                    disagreements.append(
                        f"{key!r} [{language}]: {origin[key, language]} has {known[language]!r}, "
                        f"{path.name} has {text!r}"
                    )
                known[language] = text
                origin[key, language] = path.name
    if disagreements:
        raise StringsDisagreeError(
            "The same message is translated differently:\n" + "\n".join(disagreements)
        )
    return merged


@dataclass
class FillReport:
    language: str
    missing: list[str] = field(default_factory=list)
    wrong_plurals: list[str] = field(default_factory=list)


def catalogue_fill(po_path: Path, gettext_code: str, strings: dict[str, dict]) -> FillReport:
    """Write the people-written translations into one `django.po`; report the gaps.

    English is the source language: its entries translate to themselves.
    """
    catalogue = polib.pofile(str(po_path))
    catalogue.metadata["Plural-Forms"] = PLURAL_FORMS[gettext_code]
    catalogue.metadata["Language"] = gettext_code
    catalogue.metadata["Content-Type"] = "text/plain; charset=UTF-8"
    language = django_code(gettext_code)
    report = FillReport(language)
    forms = plural_count(gettext_code)
    for entry in catalogue:
        if entry.obsolete:
            continue
        entry.flags = [flag for flag in entry.flags if flag != "fuzzy"]
        entry.previous_msgid = entry.previous_msgid_plural = entry.previous_msgctxt = None
        translation = strings.get(entry_key(entry), {}).get(language)
        if language == "en" and translation is None:
            translation = [entry.msgid, entry.msgid_plural] if entry.msgid_plural else entry.msgid
        if translation is None:
            # Never keep a guess gettext made from a similar message (a fuzzy match).
            entry.msgstr = ""
            entry.msgstr_plural = dict.fromkeys(range(forms), "") if entry.msgid_plural else {}
            report.missing.append(entry.msgid)
            continue
        if entry.msgid_plural:
            if isinstance(translation, str) or len(translation) != forms:
                report.wrong_plurals.append(entry.msgid)
                continue
            entry.msgstr_plural = dict(enumerate(translation))
        else:
            entry.msgstr = translation
    catalogue.save(str(po_path))
    return report


def catalogue_problems(po_path: Path, gettext_code: str) -> list[str]:
    """Untranslated, fuzzy or badly pluralised entries of a compiled-ready catalogue."""
    catalogue = polib.pofile(str(po_path))
    problems = []
    forms = plural_count(gettext_code)
    for entry in catalogue:
        if entry.obsolete:
            continue
        if "fuzzy" in entry.flags:
            problems.append(f"fuzzy: {entry.msgid!r}")
        if entry.msgid_plural:
            values = [entry.msgstr_plural.get(i, "") for i in range(forms)]
            if len(entry.msgstr_plural) != forms or not all(values):
                problems.append(f"plural forms: {entry.msgid!r}")
        elif not entry.msgstr:
            problems.append(f"untranslated: {entry.msgid!r}")
    return problems
