from datetime import UTC, datetime

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
