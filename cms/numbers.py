"""Whole numbers typed by people (query strings, form fields that are not IntegerFields).

`str.isdigit()` is true for "²" and other non-ASCII digits (then `int()` raises), and a
20-digit id overflows the database's integer column (PostgreSQL raises DataError, SQLite
OverflowError): both were 500s. Every such value is read through `whole_number`.
"""

# The largest value of the database's signed 32-bit integer (ids, years, scores).
DATABASE_INT_MAX = 2**31 - 1


def whole_number(text: str | None, *, maximum: int = DATABASE_INT_MAX) -> int | None:
    """The non-negative whole number written in ASCII digits, or None for anything else."""
    text = (text or "").strip()
    if not (text.isascii() and text.isdecimal()) or len(text) > len(str(maximum)):
        return None
    value = int(text)
    return value if value <= maximum else None
