"""Official names of the Parties in the six UN languages, and sorting by them.

The names are the United Nations' own short names (UNTERM: "Iran (Islamic Republic of)",
"Russian Federation", "Türkiye"), as published in OCHA's Countries & Territories
Taxonomy, which ships with `hdx-python-country` (MIT) and is kept current by OCHA. A copy
of the Parties' rows lives in `cms/data/party_names.json`; `manage.py party_names_import
<taxonomy.csv>` refreshes it (docs/COUNTRY_NAMES.md), and a migration or `manage.py
shell -c "from cms.services import parties_load; parties_load()"` writes them into the
Party table, from which the site, admin, PDFs, e-mails, API and OData all read.

Lists are sorted with the Unicode Collation Algorithm (pyuca, default table): PyICU, which
has per-language tailoring, does not install from a wheel on our machines.
"""

from __future__ import annotations

import csv
import json
from functools import cache
from pathlib import Path

import pyuca

DATA_FILE = Path(__file__).with_name("data") / "party_names.json"
TAXONOMY_CODE_COLUMN = "ISO 3166-1 Alpha 2-Codes"
TAXONOMY_COLUMNS = {
    "ar": "Arabic Short",
    "en": "English Short",
    "es": "Spanish Short",
    "fr": "French Short",
    "ru": "Russian Short",
    "zh-hans": "Chinese Short",
}
# The European Union is a Party but not a country: its names are the EU's own.
EUROPEAN_UNION = {
    "ar": "الاتحاد الأوروبي",
    "en": "European Union",
    "es": "Unión Europea",
    "fr": "Union européenne",
    "ru": "Европейский союз",
    "zh-hans": "欧洲联盟",
}


@cache
def official_names() -> dict[str, dict[str, str]]:
    """Party code -> {language: name}."""
    return json.loads(DATA_FILE.read_text(encoding="utf-8"))


def names_from_taxonomy(csv_path: Path, codes: list[str]) -> dict[str, dict[str, str]]:
    """The six names of each code from OCHA's taxonomy CSV; refuses an incomplete file."""
    with csv_path.open(encoding="utf-8") as handle:
        rows = {row[TAXONOMY_CODE_COLUMN]: row for row in csv.DictReader(handle)}
    names = {"EU": EUROPEAN_UNION}
    for code in codes:
        if code == "EU":
            continue
        row = rows.get(code)
        if row is None:
            raise ValueError(f"{code} is not in {csv_path}")
        # UNTERM's Arabic marks an empty inversion slot with "_" ("هولندا (مملكة _)").
        names[code] = {
            language: " ".join(row[column].replace(" _", "").replace("_", " ").split())
            for language, column in TAXONOMY_COLUMNS.items()
        }
        missing = [language for language, name in names[code].items() if not name]
        if missing:
            raise ValueError(f"{code} has no name in {', '.join(missing)}")
    return dict(sorted(names.items()))


@cache
def _collator() -> pyuca.Collator:
    return pyuca.Collator()


def collation_key(text: str) -> tuple:
    """Sort key that orders names as readers expect ("Åland" near "Aland", "Éthiopie"
    after "Espagne"), not by code point."""
    return _collator().sort_key(text)
