"""Charts for the weekly digest, drawn with matplotlib's Agg backend into PNG bytes."""

from __future__ import annotations

import io
from collections.abc import Sequence

OPEN_COLOUR = "#e8833a"
CLOSED_COLOUR = "#3a7be8"
RATE_COLOUR = "#2a9d4b"


def weekly_chart(
    weeks: Sequence[str],
    open_loops: Sequence[int],
    closed_loops: Sequence[int],
    on_time_rates: Sequence[float | None],
    title: str = "Loops per week",
) -> bytes:
    """Bars of open (at each week's end) and closed loops per week, with the on-time rate as a
    line on a 0–100 % axis; weeks without anything due leave a gap in the line."""
    # Figure without pyplot: no global state, safe in a server thread; Agg draws the PNG.
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    figure = Figure(figsize=(8, 4), dpi=100)
    FigureCanvasAgg(figure)
    counts = figure.add_subplot()
    positions = list(range(len(weeks)))
    width = 0.38
    counts.bar(
        [p - width / 2 for p in positions],
        open_loops,
        width,
        label="open at week end",
        color=OPEN_COLOUR,
    )
    counts.bar(
        [p + width / 2 for p in positions], closed_loops, width, label="closed", color=CLOSED_COLOUR
    )
    counts.set_xticks(positions, list(weeks), fontsize=8)
    counts.set_ylabel("loops")
    counts.yaxis.set_major_locator(MaxNLocator(integer=True))
    counts.set_ylim(0, max([*open_loops, *closed_loops, 1]) * 1.15)
    rates = counts.twinx()
    percent = [r * 100 if r is not None else float("nan") for r in on_time_rates]
    rates.plot(positions, percent, color=RATE_COLOUR, marker="o", linewidth=2, label="on-time rate")
    rates.set_ylim(0, 110)
    rates.set_ylabel("on-time rate (%)")
    handles = counts.get_legend_handles_labels()
    rate_handles = rates.get_legend_handles_labels()
    counts.legend(
        handles[0] + rate_handles[0],
        handles[1] + rate_handles[1],
        loc="upper center",
        bbox_to_anchor=(0.5, -0.12),
        ncol=3,
        fontsize=8,
        frameon=False,
    )
    counts.set_title(title)
    figure.tight_layout()
    out = io.BytesIO()
    figure.savefig(out, format="png")
    return out.getvalue()


def review_chart(
    weeks: Sequence[str], feedback: Sequence[int], promises: Sequence[int], title: str
) -> bytes:
    """A quarter's weeks for a customer review: feedback items and commitments made per week."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    figure = Figure(figsize=(8, 3.2), dpi=100)
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    positions = list(range(len(weeks)))
    width = 0.38
    axes.bar(
        [p - width / 2 for p in positions], feedback, width, label="feedback", color=CLOSED_COLOUR
    )
    axes.bar(
        [p + width / 2 for p in positions],
        promises,
        width,
        label="commitments made",
        color=OPEN_COLOUR,
    )
    axes.set_xticks(positions, list(weeks), fontsize=7, rotation=45)
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    axes.legend(fontsize=8, frameon=False)
    axes.set_title(title)
    figure.tight_layout()
    out = io.BytesIO()
    figure.savefig(out, format="png")
    return out.getvalue()
