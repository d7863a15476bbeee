"""Hypothesis against the PO and XLIFF importers of the review workflow: whatever a
translator uploads gives a clear ImportFormatError (nothing changed) or a valid import;
no other exception escapes."""

import polib
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from wagtail_localize.models import TranslationSource

from tests.translation.builders import english_page, locale, mt_models, user  # noqa: F401
from translation import selectors, services
from translation.services.exchange import po_export, xliff_export
from translation.services.exchange_import import ImportReport, translations_import
from translation.services.memory import ImportFormatError

pytestmark = [
    pytest.mark.security,
    pytest.mark.slow,
    pytest.mark.django_db,
    pytest.mark.usefixtures("mt_models"),
]

FUZZ = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
# Text a hostile or broken file might carry.
TEXT = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=300
) | st.sampled_from(
    ["<script>alert(1)</script>", "\u202e", "%(name)s", "{{ x }}", "\x00", "]]>", "&#0;", ""]
)


@pytest.fixture
def reviewed_source(monkeypatch):
    monkeypatch.setattr("translation.services.jobs._enqueue", lambda job_id: None)
    page = english_page(slug="fuzz")
    job = services.job_request(instance=page, user=None, languages=["fr"])
    services.job_run(job_id=job.pk)
    source = TranslationSource.objects.get(object_id=page.translation_key, locale=page.locale)
    return source, user("fuzz-reviewer", "Reviewers — French")


def _state(source):
    return [(s.text, s.state) for s in selectors.segments_for(source, locale("fr"))]


def _attempt(name, source, reviewer, data):
    before = _state(source)
    try:
        report = translations_import(
            user=reviewer, source=source, locale=locale("fr"), data=data, name=name
        )
    except ImportFormatError as error:
        assert str(error)
        assert _state(source) == before
    else:
        assert isinstance(report, ImportReport)
        applied = report.count("applied")
        assert applied == 0 or _state(source) != before


@FUZZ
@given(data=st.binary(max_size=2000))
def test_po_importer_takes_any_bytes(reviewed_source, data):
    source, reviewer = reviewed_source
    _attempt("fuzz.po", source, reviewer, data)


@FUZZ
@given(data=st.binary(max_size=2000))
def test_xliff_importer_takes_any_bytes(reviewed_source, data):
    source, reviewer = reviewed_source
    _attempt("fuzz.xlf", source, reviewer, data)


@FUZZ
@given(
    texts=st.lists(TEXT, min_size=1, max_size=4),
    contexts=st.lists(st.one_of(st.none(), TEXT), min_size=1, max_size=4),
    fuzzy=st.booleans(),
)
def test_po_importer_takes_mutated_exports(reviewed_source, texts, contexts, fuzzy):
    source, reviewer = reviewed_source
    po = polib.pofile(po_export(source=source, locale=locale("fr")).content.decode("utf-8"))
    for index, entry in enumerate(po):
        entry.msgstr = texts[index % len(texts)]
        context = contexts[index % len(contexts)]
        if context is not None:
            entry.msgctxt = context
        if not fuzzy and "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
    _attempt("fuzz.po", source, reviewer, str(po).encode("utf-8"))


@FUZZ
@given(
    target=TEXT,
    state=st.sampled_from(["final", "translated", "needs-review-translation", "new", "x", ""]),
    cut=st.integers(min_value=0, max_value=4000),
)
def test_xliff_importer_takes_mutated_and_truncated_exports(reviewed_source, target, state, cut):
    from xml.sax.saxutils import escape

    source, reviewer = reviewed_source
    data = xliff_export(source=source, locale=locale("fr")).content.decode("utf-8")
    data = data.replace("needs-review-translation", state or "final", 1)
    marker = data.find("<target")
    if marker != -1:
        end = data.find("</target>", marker)
        opening = data.find(">", marker) + 1
        data = data[:opening] + escape(target) + data[end:]
    encoded = data.encode("utf-8")
    if cut:
        encoded = encoded[:cut]
    _attempt("fuzz.xlf", source, reviewer, encoded)
