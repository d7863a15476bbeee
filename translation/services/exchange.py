"""Export for translators: PO (gettext) and XLIFF 1.2 files per object and language.

One unit per segment, keyed by the segment's own id (``selectors.segment_uid``: field
path + position), so the paragraphs of one rich-text block are separate units.

State mapping (the import in ``exchange_import`` reads the same table back):

| our state | XLIFF 1.2 ``<target>`` | PO |
|---|---|---|
| reviewed | ``state="final"``, unit ``approved="yes"`` | no flag |
| unreviewed (machine, memory, translator's edit) | ``state="needs-review-translation"``, ``approved="no"``, ``state-qualifier="mt-suggestion"`` / ``"tm-suggestion"`` where a machine / the memory wrote it | ``fuzzy`` |
| stale (source changed since) | ``state="needs-review-translation"``, ``approved="no"``, a note | ``fuzzy``, a comment |
| missing | no ``<target>`` | empty ``msgstr`` |
"""

from __future__ import annotations

from dataclasses import dataclass

import polib
from babel import Locale as BabelLocale
from babel.messages.plurals import get_plural
from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Max, Model
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import to_locale
from translate.storage import xliff
from wagtail.models import Locale, Page
from wagtail_localize.models import StringTranslation, TranslationSource

from translation import selectors
from translation.models import SegmentReview

XLIFF_12 = b"urn:oasis:names:tc:xliff:document:1.2"
GENERATOR = "CHM platform"
STALE_NOTE = "The source text changed since this translation was made."


@dataclass(frozen=True)
class ExportFile:
    name: str
    content: bytes
    content_type: str


def exchange_filename(*, source: TranslationSource, locale: Locale, extension: str) -> str:
    """``<slug>-<source language>-<target language>.<ext>`` (the slug keeps its script)."""
    slug = _slug(source.get_source_instance())
    return f"{slug}-{source.locale.language_code}-{locale.language_code}.{extension}"


def _slug(instance: Model) -> str:
    slug = getattr(instance, "slug", "") or slugify(str(instance), allow_unicode=True)
    return slug[:80] or f"{instance._meta.model_name}-{instance.pk}"


def original_name(source: TranslationSource) -> str:
    """What the file translates: the page's URL, or the snippet's type and id."""
    instance = source.get_source_instance()
    if isinstance(instance, Page):
        return instance.specific.get_url() or instance.url_path
    meta = instance._meta
    return f"snippets/{meta.app_label}/{meta.model_name}/{instance.pk}"


def po_export(
    *, source: TranslationSource, locale: Locale, user: AbstractBaseUser | None = None
) -> ExportFile:
    segments = selectors.segments_for(source, locale)
    po = polib.POFile(wrapwidth=0)
    po.metadata = _po_headers(source, locale, segments, user)
    for segment in segments:
        entry = polib.POEntry(msgctxt=segment.uid, msgid=segment.source_text, msgstr=segment.text)
        if segment.translation and segment.state != SegmentReview.State.REVIEWED:
            entry.flags.append("fuzzy")
        if segment.state == SegmentReview.State.STALE:
            entry.comment = STALE_NOTE
        po.append(entry)
    return ExportFile(
        exchange_filename(source=source, locale=locale, extension="po"),
        str(po).encode("utf-8"),
        "text/x-gettext-translation; charset=utf-8",
    )


def _po_headers(source, locale, segments, user) -> dict[str, str]:
    ids = [s.translation.pk for s in segments if s.translation]
    changed = StringTranslation.objects.filter(pk__in=ids).aggregate(last=Max("updated_at"))
    latest = (
        StringTranslation.objects.filter(pk__in=ids, last_translated_by__isnull=False)
        .select_related("last_translated_by")
        .order_by("-updated_at")
        .first()
    )
    translator = latest.last_translated_by if latest else user
    language = locale.language_code
    return {
        "Project-Id-Version": f"{GENERATOR} {original_name(source)}",
        "POT-Creation-Date": _po_date(source.last_updated_at),
        "PO-Revision-Date": _po_date(changed["last"] or timezone.now()),
        "Last-Translator": _person(translator),
        # The name of the group that reviews this language ("Reviewers — Chinese").
        "Language-Team": f"Reviewers — {BabelLocale.parse(language.split('-')[0]).english_name}",
        "Language": to_locale(language),
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": get_plural(to_locale(language)).plural_forms,
        "X-Generator": GENERATOR,
        "X-CHM-Source-Language": to_locale(source.locale.language_code),
    }


def _po_date(moment) -> str:
    return moment.strftime("%Y-%m-%d %H:%M%z")


def _person(user: AbstractBaseUser | None) -> str:
    if user is None:
        return GENERATOR
    name = user.get_full_name() or user.get_username()
    return f"{name} <{user.email}>" if user.email else name


def xliff_export(*, source: TranslationSource, locale: Locale) -> ExportFile:
    store = xliff.xlifffile(
        sourcelanguage=source.locale.language_code, targetlanguage=locale.language_code
    )
    file_node = store.document.getroot().find(store.namespaced("file"))
    file_node.set("original", original_name(source))
    # Segments hold HTML fragments (inline <b>, <a id="a1">), escaped as text.
    file_node.set("datatype", "html")
    file_node.set("product-name", GENERATOR)
    file_node.set("date", timezone.now().replace(microsecond=0).isoformat())
    for segment in selectors.segments_for(source, locale):
        unit = xliff.xliffunit(segment.source_text)
        store.addunit(unit)
        unit.setid(segment.uid)
        unit.xmlelement.set("approved", "no")
        if segment.translation:
            _xliff_target(unit, segment)
    # translate-toolkit writes the 1.1 namespace; the content is valid 1.2 (tested
    # against the OASIS 1.2 strict schema).
    data = (
        bytes(store)
        .replace(b"urn:oasis:names:tc:xliff:document:1.1", XLIFF_12)
        .replace(b'version="1.1"', b'version="1.2"', 1)
    )
    return ExportFile(
        exchange_filename(source=source, locale=locale, extension="xlf"),
        data,
        "application/x-xliff+xml; charset=utf-8",
    )


def _xliff_target(unit, segment: selectors.Segment) -> None:
    unit.target = segment.text
    target = unit.xmlelement.find(unit.namespaced("target"))
    reviewed = segment.state == SegmentReview.State.REVIEWED
    target.set("state", "final" if reviewed else "needs-review-translation")
    origin = segment.review.origin if segment.review else ""
    if not reviewed and origin == SegmentReview.Origin.MACHINE:
        target.set("state-qualifier", "mt-suggestion")
    elif not reviewed and origin == SegmentReview.Origin.MEMORY:
        target.set("state-qualifier", "tm-suggestion")
    unit.xmlelement.set("approved", "yes" if reviewed else "no")
    if segment.state == SegmentReview.State.STALE:
        unit.addnote(STALE_NOTE, origin="translator")
