"""Arabic uses one term for the Clearing-House Mechanism, in the catalogues and in the demo
content: آلية تبادل المعلومات (the Biosafety and ABS Clearing-Houses, غرفة تبادل معلومات…,
are other bodies with their own official names)."""

from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parents[2]
CHM_TERM = "آلية تبادل المعلومات"
OTHER_TERMS = ("آلية غرفة", "غرفة تبادل المعلومات", "آلية المقاصة", "مركز تبادل المعلومات")


def test_arabic_catalogue_uses_one_term_for_the_chm():
    catalogue = polib.pofile(ROOT / "locales/ar/LC_MESSAGES/django.po")
    chm = [entry for entry in catalogue if "Clearing-House Mechanism" in entry.msgid]
    assert chm
    for entry in chm:
        assert CHM_TERM in entry.msgstr or "لتبادل المعلومات" in entry.msgstr, entry.msgid
    for entry in catalogue:
        assert not any(term in entry.msgstr for term in OTHER_TERMS), entry.msgid


def test_demo_content_uses_the_same_term():
    sources = [*ROOT.glob("cms/demo/*.py"), *ROOT.glob("*/demo*.py")]
    assert sources
    for source in sources:
        text = source.read_text(encoding="utf-8")
        assert not any(term in text for term in OTHER_TERMS), source
