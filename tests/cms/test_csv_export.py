"""CSV downloads open safely in spreadsheets (cms/csv_export.py)."""

import csv
import io

import pytest

from cms.csv_export import csv_response, spreadsheet_cell, spreadsheet_time


@pytest.mark.parametrize(
    "value,expected",
    [
        ('=HYPERLINK("http://evil.example")', '\'=HYPERLINK("http://evil.example")'),
        ("+33 1 23", "'+33 1 23"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("Aires protégées", "Aires protégées"),
        ("", ""),
        (-3, -3),  # a number is a number, not text that could become a formula
        (None, None),
    ],
)
def test_only_text_that_would_run_as_a_formula_is_quoted(value, expected):
    assert spreadsheet_cell(value) == expected


def test_the_download_is_utf8_with_a_bom_and_every_row_guarded():
    response = csv_response(
        "report.csv", ["page", "titre"], [["/fr/", "=1+1"], ["/zh/", "生物多样性"]]
    )
    assert response["Content-Disposition"] == 'attachment; filename="report.csv"'
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    assert list(csv.reader(io.StringIO(text[1:]))) == [
        ["page", "titre"],
        ["/fr/", "'=1+1"],
        ["/zh/", "生物多样性"],
    ]


def test_times_are_iso_8601_in_utc_to_the_minute():
    import datetime
    import zoneinfo

    montreal = datetime.datetime(
        2025, 3, 3, 9, 30, 59, tzinfo=zoneinfo.ZoneInfo("America/Montreal")
    )
    assert spreadsheet_time(montreal) == "2025-03-03T14:30+00:00"
    assert spreadsheet_time(None) == ""
