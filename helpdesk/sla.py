"""Business-hours arithmetic for the SLA clocks (pure functions, no database).

Business hours are the Secretariat's: Monday to Friday, HELPDESK_BUSINESS_HOURS (default
9:00-17:00) in HELPDESK_TIME_ZONE (default America/Montreal). Targets are in business hours.
"""

import datetime
from dataclasses import dataclass
from zoneinfo import ZoneInfo


@dataclass(frozen=True)
class BusinessHours:
    time_zone: str = "America/Montreal"
    start_hour: int = 9
    end_hour: int = 17
    workdays: frozenset[int] = frozenset({0, 1, 2, 3, 4})

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.time_zone)

    def _window(self, day: datetime.date) -> tuple[datetime.datetime, datetime.datetime]:
        start = datetime.datetime.combine(day, datetime.time(self.start_hour), self.zone)
        end = datetime.datetime.combine(day, datetime.time(self.end_hour), self.zone)
        return start, end

    def add(self, moment: datetime.datetime, seconds: float) -> datetime.datetime:
        """The instant `seconds` of business time after `moment`."""
        local = moment.astimezone(self.zone)
        day = local.date()
        remaining = max(0.0, seconds)
        for _step in range(3660):  # ten years of days: a bound, never reached in practice
            if day.weekday() in self.workdays:
                start, end = self._window(day)
                begin = max(start, local)
                if begin < end:
                    available = (end - begin).total_seconds()
                    if remaining <= available:
                        return (begin + datetime.timedelta(seconds=remaining)).astimezone(
                            datetime.UTC
                        )
                    remaining -= available
            day += datetime.timedelta(days=1)
            local = datetime.datetime.combine(day, datetime.time(0), self.zone)
        raise ValueError("SLA target too far in the future")

    def between(self, start: datetime.datetime, end: datetime.datetime) -> float:
        """Business seconds from `start` to `end` (0 when end is not after start)."""
        if end <= start:
            return 0.0
        start_local, end_local = start.astimezone(self.zone), end.astimezone(self.zone)
        total = 0.0
        day = start_local.date()
        while day <= end_local.date():
            if day.weekday() in self.workdays:
                window_start, window_end = self._window(day)
                begin, finish = max(window_start, start_local), min(window_end, end_local)
                if finish > begin:
                    total += (finish - begin).total_seconds()
            day += datetime.timedelta(days=1)
        return total


# Business hours per priority: (first response, resolution).
DEFAULT_TARGETS: dict[str, tuple[int, int]] = {
    "urgent": (2, 8),
    "high": (4, 24),
    "normal": (8, 40),
    "low": (16, 80),
}
