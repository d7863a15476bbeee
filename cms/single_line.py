"""Single-line text: subjects, names, titles.

A line break in such a field ends up in a mail header, where it is either a header injection
or (Python's mail package refuses it) makes every later mail about the object fail, so the
requester never hears back. Forms use `SingleLineField`; services check `is_single_line`
too, because not every caller comes through a form.
"""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

LINE_BREAK = re.compile(r"[\r\n\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
MESSAGE = _("Use a single line here: line breaks are not allowed.")


def is_single_line(text: str | None) -> bool:
    return LINE_BREAK.search(text or "") is None


def single_line(text: str) -> str:
    """`text` with each line break turned into a space (names taken from elsewhere)."""
    return LINE_BREAK.sub(" ", text)


def validate_single_line(value: str) -> None:
    if not is_single_line(value):
        raise ValidationError(MESSAGE, code="line_break")


class SingleLineField(forms.CharField):
    default_validators = [validate_single_line]
