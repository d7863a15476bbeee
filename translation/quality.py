"""Quality checks on every segment, from translate-toolkit (``translate.filters.checks``).

The checker is translate-toolkit's ``StandardChecker`` limited to the checks below and
configured per target language (its language data knows that "。" ends a Chinese sentence
like "." an English one; do-not-translate glossary terms are its ``notranslatewords``).
Two checks are ours, written in its framework or from our glossary: UN document symbols
(``UNEP/CBD/COP/12/11`` must come back unchanged) and glossary terms (the expected
translation of a term in the source is missing).

*Errors* (numbers, placeholders, URLs, e-mails, UN symbols, tags, do-not-translate terms)
block publishing unless a reviewer overrides them with a recorded reason; *warnings* (end
punctuation, double words, same as source, length ratio, glossary) are shown only.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from django.utils.translation import gettext_lazy as _
from translate.filters import checks
from translate.filters.decorators import critical
from translate.storage.base import TranslationUnit

from translation.machine import UN_SYMBOL_RE, argos_code

ERROR, WARNING = "error", "warning"

# translate-toolkit check name -> (severity, what a reviewer reads)
CHECKS = {
    "numbers": (ERROR, _("Numbers differ from the source")),
    "printf": (ERROR, _("Placeholders differ from the source")),
    "pythonbraceformat": (ERROR, _("Placeholders differ from the source")),
    "urls": (ERROR, _("Web addresses differ from the source")),
    "emails": (ERROR, _("E-mail addresses differ from the source")),
    "unsymbols": (ERROR, _("A UN document symbol differs from the source")),
    "xmltags": (ERROR, _("Tags differ from the source")),
    "notranslatewords": (ERROR, _("A do-not-translate term was translated")),
    "endpunc": (WARNING, _("End punctuation differs from the source")),
    "doublewords": (WARNING, _("A word is repeated")),
    "unchanged": (WARNING, _("Same as the source")),
    "long": (WARNING, _("Much longer than the source")),
    "short": (WARNING, _("Much shorter than the source")),
}
GLOSSARY = "glossary"
GLOSSARY_LABEL = _("An expected glossary term is missing")


@dataclass(frozen=True)
class Issue:
    code: str
    severity: str
    label: str
    detail: str = ""

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR


class SegmentChecker(checks.StandardChecker):
    """translate-toolkit's standard checker plus the UN document symbol check."""

    @critical
    def unsymbols(self, str1: str, str2: str) -> bool:
        missing = [symbol for symbol in UN_SYMBOL_RE.findall(str1) if symbol not in str2]
        if missing:
            raise checks.FilterFailure(", ".join(missing))
        return True


class QualityChecker:
    """Checks for one target language; build one per screen or publish, reuse per segment."""

    def __init__(self, target_language: str, do_not_translate: list[str] | None = None) -> None:
        self.target_language = target_language
        self.do_not_translate = list(do_not_translate or [])

    @cached_property
    def _checker(self) -> SegmentChecker:
        config = checks.CheckerConfig(
            targetlanguage=argos_code(self.target_language),
            notranslatewords=self.do_not_translate,
        )
        return SegmentChecker(checkerconfig=config, limitfilters=list(CHECKS))

    def check(self, source: str, target: str, *, glossary_missing: list[str] = ()) -> list[Issue]:
        """Issues of one translated segment (none for an untranslated one), errors first."""
        if not target.strip():
            return []
        unit = TranslationUnit(source)
        unit.target = target
        issues = []
        for code, failure in self._checker.run_filters(unit, categorised=True).items():
            if code not in CHECKS:
                continue
            severity, label = CHECKS[code]
            issues.append(Issue(code, severity, str(label), str(failure.get("message", ""))))
        if glossary_missing:
            issues.append(
                Issue(GLOSSARY, WARNING, str(GLOSSARY_LABEL), ", ".join(glossary_missing))
            )
        # One badge per label: printf and brace placeholders read the same to a reviewer.
        unique = {issue.label: issue for issue in issues}
        return sorted(unique.values(), key=lambda issue: (not issue.is_error, issue.label))
