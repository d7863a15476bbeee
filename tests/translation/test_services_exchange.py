"""PO and XLIFF exchange: one unit per paragraph, per-unit import report, state mapping
both ways, files that the OASIS schema and translate-toolkit accept."""

from pathlib import Path

import polib
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from lxml import etree
from translate.storage import factory, xliff
from wagtail.models import PageLogEntry
from wagtail_localize.models import TranslationSource

from tests.translation.builders import english_page, locale, mt_models, user  # noqa: F401
from translation import selectors, services
from translation.models import SegmentReview
from translation.services.exchange import po_export, xliff_export
from translation.services.exchange_import import translations_import
from translation.services.memory import ImportFormatError

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("mt_models")]

SCHEMAS = Path("/usr/share/php/Symfony/Component/Translation/Resources/schemas")
THREE_PARAGRAPHS = (
    "<p>Protected areas cover <b>2,500</b> sites.</p>"
    '<p>Read the <a href="https://www.cbd.int/">convention</a> text.</p>'
    "<p>National reports are due in 2026.</p>"
)
Reviewed, Machine, Stale = (
    SegmentReview.State.REVIEWED,
    SegmentReview.State.MACHINE,
    SegmentReview.State.STALE,
)


def _translated(slug, language="ar"):
    page = english_page(slug=slug, paragraphs=(THREE_PARAGRAPHS,))
    job = services.job_request(instance=page, user=None, languages=[language])
    services.job_run(job_id=job.pk)
    source = TranslationSource.objects.get(object_id=page.translation_key, locale=page.locale)
    return page, source


def _schema() -> etree.XMLSchema:
    # The OASIS schema imports xml.xsd from w3.org; Debian ships a copy beside it.
    text = (SCHEMAS / "xliff-core-1.2-strict.xsd").read_text()
    text = text.replace("http://www.w3.org/2001/xml.xsd", (SCHEMAS / "xml.xsd").as_uri())
    return etree.XMLSchema(etree.fromstring(text.encode(), base_url=SCHEMAS.as_uri() + "/"))


def _paragraphs(source, language):
    return [
        s for s in selectors.segments_for(source, locale(language)) if s.path.startswith("body.")
    ]


def test_each_paragraph_is_its_own_unit_and_the_file_is_valid_xliff_12():
    page, source = _translated("three")
    segments = selectors.segments_for(source, locale("ar"))
    ids = [s.uid for s in segments]
    assert len(ids) == len(set(ids))
    body = [s for s in segments if s.path.startswith("body.")]
    assert len(body) == 3 and len({s.path for s in body}) == 1  # one block, three ids
    assert [s.uid.rsplit("#", 1)[1] for s in body] == ["1", "2", "3"]

    exported = xliff_export(source=source, locale=locale("ar"))
    assert exported.name == "three-en-ar.xlf"
    document = etree.fromstring(exported.content)
    schema = _schema()
    assert schema.validate(document), schema.error_log
    file_node = document.find("{urn:oasis:names:tc:xliff:document:1.2}file")
    assert file_node.get("original") == page.get_url() and file_node.get("datatype") == "html"
    store = factory.getobject(_named(exported))
    assert [u.xmlelement.get("id") for u in store.getunits()] == ids
    assert [str(u.source) for u in store.getunits()] == [s.source_text for s in segments]


def _named(exported, path=None):
    import io

    handle = io.BytesIO(exported.content)
    handle.name = exported.name
    return handle


def test_editing_all_three_paragraphs_with_translate_toolkit_applies_three():
    page, source = _translated("edit-three")
    reviewer = user("rev-ar-x", "Reviewers — Arabic")
    store = xliff.xlifffile.parsestring(xliff_export(source=source, locale=locale("ar")).content)
    units = {u.xmlelement.get("id"): u for u in store.getunits()}
    paragraphs = [s.uid for s in _paragraphs(source, "ar")]
    edits = {
        paragraphs[0]: "تغطي المناطق المحمية <b>2,500</b> موقع.",
        paragraphs[1]: 'اقرأ نص <a id="a1">الاتفاقية</a>.',
        paragraphs[2]: "التقارير الوطنية مستحقة في 2026.",
    }
    for uid, text in edits.items():
        units[uid].target = text
    report = translations_import(
        user=reviewer, source=source, locale=locale("ar"), data=bytes(store), name="x.xlf"
    )
    assert report.count("applied") == 3
    assert report.count("unchanged") == len(units) - 3
    assert not report.count("rejected") and not report.count("unknown")
    texts = {s.uid: s.text for s in selectors.segments_for(source, locale("ar"))}
    assert all(texts[uid] == text for uid, text in edits.items())
    entry = PageLogEntry.objects.get(page=page, action="chm_translation.import")
    assert entry.data["applied"] == 3 and entry.user == reviewer


def test_the_report_names_unknown_stale_rejected_and_unchanged_units():
    page, source = _translated("report-units", "fr")
    reviewer = user("rev-fr-x", "Reviewers — French")
    po = polib.pofile(po_export(source=source, locale=locale("fr")).content.decode())
    first, second, third = _paragraphs(source, "fr")
    entries = {e.msgctxt: e for e in po}
    entries[first.uid].msgstr = "Les aires protégées couvrent 2,500 sites."  # <b> lost
    entries[second.uid].msgid = "An older source text."
    entries[second.uid].msgstr = "Un ancien texte."
    entries[third.uid].msgctxt = "body.gone#9"
    before = [(s.text, s.state) for s in selectors.segments_for(source, locale("fr"))]
    report = translations_import(
        user=reviewer, source=source, locale=locale("fr"), data=str(po).encode(), name="x.po"
    )
    outcomes = {r.uid: (r.outcome, r.reason) for r in report.results}
    assert outcomes[first.uid][0] == "rejected" and "<b>" in outcomes[first.uid][1]
    assert outcomes[second.uid][0] == "stale"
    assert outcomes["body.gone#9"][0] == "unknown"
    assert report.count("applied") == 0
    assert [(s.text, s.state) for s in selectors.segments_for(source, locale("fr"))] == before


def test_state_mapping_export():
    page, source = _translated("states-out", "es")
    reviewer = user("rev-es-x", "Reviewers — Spanish")
    first, second, _third = _paragraphs(source, "es")
    services.segment_save(user=reviewer, translation_id=first.translation.pk)
    store = xliff.xlifffile.parsestring(xliff_export(source=source, locale=locale("es")).content)
    units = {u.xmlelement.get("id"): u for u in store.getunits()}

    def target(uid):
        return units[uid].xmlelement.find(units[uid].namespaced("target"))

    assert target(first.uid).get("state") == "final"
    assert units[first.uid].xmlelement.get("approved") == "yes"
    assert target(second.uid).get("state") == "needs-review-translation"
    assert target(second.uid).get("state-qualifier") == "mt-suggestion"
    assert units[second.uid].xmlelement.get("approved") == "no"
    po = {
        e.msgctxt: e
        for e in polib.pofile(po_export(source=source, locale=locale("es")).content.decode())
    }
    assert "fuzzy" not in po[first.uid].flags and "fuzzy" in po[second.uid].flags


@pytest.mark.parametrize(
    ("state", "approved", "expected"),
    [
        ("final", "no", Reviewed),  # the reported bug: final did not count as reviewed
        ("signed-off", None, Reviewed),
        ("translated", "yes", Reviewed),
        ("translated", "no", Machine),
        ("needs-review-translation", "yes", Machine),
        ("new", None, Machine),
    ],
)
def test_state_mapping_xliff_import(state, approved, expected):
    page, source = _translated(f"states-in-{state}-{approved}".lower(), "es")
    reviewer = user("rev-es-y", "Reviewers — Spanish")
    first = _paragraphs(source, "es")[0]
    store = xliff.xlifffile.parsestring(xliff_export(source=source, locale=locale("es")).content)
    unit = next(u for u in store.getunits() if u.xmlelement.get("id") == first.uid)
    unit.target = "Las áreas protegidas cubren <b>2,500</b> sitios."
    unit.xmlelement.find(unit.namespaced("target")).set("state", state)
    if approved is None:
        unit.xmlelement.attrib.pop("approved", None)
    else:
        unit.xmlelement.set("approved", approved)
    translations_import(
        user=reviewer, source=source, locale=locale("es"), data=bytes(store), name="x.xlf"
    )
    assert selectors.segments_for(source, locale("es"))[_index(source, first)].state == expected


def _index(source, segment):
    return [s.uid for s in selectors.segments_for(source, segment.translation.locale)].index(
        segment.uid
    )


def test_state_mapping_po_import_and_a_translator_cannot_approve():
    page, source = _translated("states-po", "fr")
    first, second, third = _paragraphs(source, "fr")
    po = polib.pofile(po_export(source=source, locale=locale("fr")).content.decode())
    entries = {e.msgctxt: e for e in po}
    entries[first.uid].msgstr = "Les aires protégées couvrent <b>2,500</b> sites."
    entries[first.uid].flags.remove("fuzzy")
    entries[second.uid].msgstr = 'Lisez le texte de la <a id="a1">convention</a>.'
    data = str(po).encode()
    translator = user("tr-fr", "Translators")
    report = translations_import(
        user=translator, source=source, locale=locale("fr"), data=data, name="x.po"
    )
    assert report.count("applied") == 2
    assert "may not approve" in next(r.reason for r in report.results if r.uid == first.uid)
    assert {s.uid: s.state for s in selectors.segments_for(source, locale("fr"))}[first.uid] == (
        Machine
    )
    reviewer = user("rev-fr-y", "Reviewers — French")
    report = translations_import(
        user=reviewer, source=source, locale=locale("fr"), data=data, name="x.po"
    )
    states = {s.uid: s for s in selectors.segments_for(source, locale("fr"))}
    assert states[first.uid].state == Reviewed  # not fuzzy: reviewed
    assert states[second.uid].state == Machine  # fuzzy: arrives unreviewed
    assert states[second.uid].text.startswith("Lisez")
    assert report.count("applied") == 1  # only the review is new the second time


def test_po_headers_are_complete_and_name_the_language_the_gettext_way():
    page, source = _translated("headers", "zh-hans")
    exported = po_export(source=source, locale=locale("zh-hans"), user=user("exp", "Editors"))
    assert exported.name == "headers-en-zh-hans.po"
    po = polib.pofile(exported.content.decode())
    for header in (
        "Project-Id-Version",
        "POT-Creation-Date",
        "PO-Revision-Date",
        "Last-Translator",
        "Language-Team",
        "Plural-Forms",
    ):
        assert po.metadata.get(header), header
    assert po.metadata["Language"] == "zh_Hans"
    assert po.metadata["Language-Team"] == "Reviewers — Chinese"
    store = factory.getobject(_named(exported))
    assert store.parseheader()["Language"] == "zh_Hans"
    assert len(store.units) == len(selectors.segments_for(source, locale("zh-hans"))) + 1


def test_a_file_for_another_language_changes_nothing():
    page, source = _translated("wrong-language", "fr")
    data = xliff_export(source=source, locale=locale("fr")).content
    with pytest.raises(ImportFormatError, match="not"):
        translations_import(
            user=user("rev-es-z", "Reviewers — Spanish"),
            source=source,
            locale=locale("es"),
            data=data,
            name="x.xlf",
        )


def test_upload_screen_shows_the_report_and_download_names_the_file(client):
    page, source = _translated("screen-report", "ar")
    client.force_login(user("rev-ar-s", "Reviewers — Arabic"))
    download = client.get(reverse("translation_export", args=[source.pk, "ar", "po"]))
    assert 'filename="screen-report-en-ar.po"' in download["Content-Disposition"]
    po = polib.pofile(download.content.decode())
    first = _paragraphs(source, "ar")[0]
    entry = next(e for e in po if e.msgctxt == first.uid)
    entry.msgstr = "تغطي المناطق المحمية <b>2,500</b> موقع."
    response = client.post(
        reverse("translation_upload", args=[source.pk, "ar"]),
        {"file": SimpleUploadedFile("x.po", str(po).encode())},
    )
    html = response.content.decode()
    assert response.status_code == 200 and 'id="import-report"' in html
    assert 'data-outcome="applied"><strong>1</strong>' in html
    assert first.uid in html
    screen = client.get(reverse("translation_review", args=[source.pk, "ar"])).content.decode()
    assert f'data-segment-id="{first.uid}"' in screen and "تغطي المناطق المحمية" in screen
