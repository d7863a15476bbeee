"""The tracker chart: stacked bars per region, computed on the server and drawn in HTML
and CSS, so it is readable without JavaScript, legible on a phone (text stays at the page's
size instead of shrinking with a scaled SVG), mirrored in right-to-left languages, and each
region's full name wraps above its bar instead of being cut."""

from dataclasses import dataclass

COLOURS = {
    "none": "#b8b8b8",
    "planned": "#f2c14e",
    "in-development": "#5b9bd5",
    "operational": "#2e8b57",
    "needs-update": "#d9534f",
}


@dataclass(frozen=True)
class Segment:
    percent: float  # of the largest region's bar
    colour: str
    count: int
    label: str


@dataclass(frozen=True)
class Bar:
    label: str
    total: int
    segments: list[Segment]


def region_bars(
    counts: dict[str, dict[str, int]], region_labels: dict, status_labels: dict
) -> list[Bar]:
    """One bar per region, scaled to the largest region."""
    largest = max((sum(row.values()) for row in counts.values()), default=0) or 1
    bars = []
    for region, row in counts.items():
        segments = [
            Segment(100 * count / largest, COLOURS[status], count, str(status_labels[status]))
            for status, count in row.items()
            if count
        ]
        bars.append(Bar(str(region_labels[region]), sum(row.values()), segments))
    return bars
