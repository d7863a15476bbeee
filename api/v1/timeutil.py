from datetime import UTC, datetime, timedelta

from api.errors import ApiError


def as_aware(moment: datetime | None) -> datetime | None:
    """A filter time in UTC; one without a zone is read as UTC (as harvesters send it).

    Converting here also keeps exotic offsets (+22:28, which PostgreSQL refuses) and
    dates at the edge of the calendar away from the database.
    """
    if moment is None:
        return None
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    try:
        return moment.astimezone(UTC)
    except (OverflowError, ValueError):
        raise ApiError(400, "invalid_parameter", details={"datetime": str(moment)}) from None


def since_published(moment: datetime | None) -> datetime | None:
    """`updated_since` as a client sends it back: our JSON shows milliseconds, so a value
    read from an answer stands for its whole millisecond. Without this, the newest item
    of one pull would come back in the next."""
    moment = as_aware(moment)
    if moment is None:
        return None
    try:
        return moment + timedelta(microseconds=999 - moment.microsecond % 1000)
    except OverflowError:
        return moment
