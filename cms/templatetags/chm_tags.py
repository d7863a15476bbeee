"""Template tags: Babel formatting in the page's language, language links."""

import datetime

from babel.dates import format_date, format_datetime
from babel.numbers import format_decimal
from django import template
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import get_language

from cms.languages import babel_locale_name, language_direction, language_name, list_format
from cms.selectors import page_language_links, path_language_links

register = template.Library()


def _locale() -> str:
    return babel_locale_name(get_language() or "en")


@register.filter
def babel_date(value, fmt: str = "long") -> str:
    """`2014年8月26日`, `26 août 2014`, `26 August 2014` for the active language."""
    if not value:
        return ""
    if isinstance(value, datetime.datetime):
        value = timezone.localtime(value) if timezone.is_aware(value) else value
        return format_date(value.date(), format=fmt, locale=_locale())
    return format_date(value, format=fmt, locale=_locale())


@register.filter
def babel_list(items) -> str:
    """A list joined with the active language's own pattern (Babel)."""
    return list_format(items)


@register.filter
def babel_datetime(value, fmt: str = "medium") -> str:
    if not value:
        return ""
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    return format_datetime(value, format=fmt, locale=_locale())


@register.filter
def babel_number(value) -> str:
    if value is None or value == "":
        return ""
    return format_decimal(value, locale=_locale())


@register.filter
def direction(language_code: str) -> str:
    return language_direction(language_code)


@register.filter
def bdi(value) -> str:
    """The value isolated from the text around it (`<bdi>`, escaped): a Latin query or a
    number keeps its own direction inside an Arabic sentence and does not reorder it."""
    return format_html("<bdi>{}</bdi>", value)


@register.filter
def native_language_name(language_code: str) -> str:
    return language_name(language_code)


@register.simple_tag(takes_context=True)
def language_links(context):
    request = context.get("request")
    page = context.get("page")
    if request is None:
        return []
    if page is not None and getattr(page, "pk", None):
        return page_language_links(page, request)
    return path_language_links(request)
