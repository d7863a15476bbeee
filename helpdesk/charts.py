"""The tracker chart: stacked bars per region, as SVG geometry computed on the server so
the chart is readable without JavaScript (each bar also carries its number as text)."""

from dataclasses import dataclass

COLOURS = {
    "none": "#b8b8b8",
    "planned": "#f2c14e",
    "in-development": "#5b9bd5",
    "operational": "#2e8b57",
    "needs-update": "#d9534f",
}
BAR_HEIGHT = 26
GAP = 14
LABEL_WIDTH = 260
BAR_WIDTH = 460


@dataclass(frozen=True)
class Segment:
    x: float
    width: float
    colour: str
    count: int
    label: str


@dataclass(frozen=True)
class Bar:
    y: int
    label: str
    total: int
    segments: list[Segment]


def region_bars(
    counts: dict[str, dict[str, int]], region_labels: dict, status_labels: dict
) -> tuple[list[Bar], int]:
    """Bars scaled to the largest region; returns (bars, chart height)."""
    largest = max((sum(row.values()) for row in counts.values()), default=0) or 1
    bars = []
    for index, (region, row) in enumerate(counts.items()):
        x = float(LABEL_WIDTH)
        segments = []
        for status, count in row.items():
            if not count:
                continue
            width = BAR_WIDTH * count / largest
            segments.append(Segment(x, width, COLOURS[status], count, str(status_labels[status])))
            x += width
        bars.append(
            Bar(index * (BAR_HEIGHT + GAP), str(region_labels[region]), sum(row.values()), segments)
        )
    return bars, len(bars) * (BAR_HEIGHT + GAP)
