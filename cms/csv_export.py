"""CSV downloads that spreadsheets open safely: UTF-8 with a BOM, no formula cells."""

from __future__ import annotations

import csv
import datetime
from collections.abc import Iterable, Sequence

from django.http import HttpResponse

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_cell(value: object) -> object:
    """A text cell that a spreadsheet would run as a formula (``=HYPERLINK(…)``) is quoted.

    Subjects, titles and names come from users; a leading apostrophe makes them plain text.
    """
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def spreadsheet_time(moment: datetime.datetime | None) -> str:
    """ISO 8601 in UTC to the minute, so that spreadsheets sort the column; "" when unset."""
    return moment.astimezone(datetime.UTC).isoformat(timespec="minutes") if moment else ""


def csv_response(filename: str, header: Sequence[str], rows: Iterable[Sequence]) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")  # Excel reads UTF-8 (Arabic, Chinese names) only with a BOM
    writer = csv.writer(response)
    writer.writerow(header)
    for row in rows:
        writer.writerow([spreadsheet_cell(value) for value in row])
    return response


class SpreadsheetSafeExportMixin:
    """Wagtail's own listing export ("Download CSV") under the same rules as csv_response:
    a BOM, and no cell a spreadsheet would run as a formula. Put it before the index view
    class of any viewset with `list_export`."""

    def preprocess_field_value(self, field: str, value: object, export_format: str) -> object:
        value = super().preprocess_field_value(field, value, export_format)
        return spreadsheet_cell(value) if export_format == self.FORMAT_CSV else value

    def stream_csv(self, queryset):
        yield "\ufeff"
        yield from super().stream_csv(queryset)
