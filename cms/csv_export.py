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
