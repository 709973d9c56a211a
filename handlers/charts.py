"""Charts as PNG bytes: the weekly digest's drawn with matplotlib's Agg backend, a customer
review's with Pillow."""

from __future__ import annotations

import functools
import io
import math
from collections.abc import Sequence
from pathlib import Path

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


KEPT_COLOUR = "#2a9d4b"
RESPONSE_COLOUR = "#8e44ad"
INK, GRID = "#333333", "#e5e5e5"


def review_chart(
    weeks: Sequence[str],
    feedback: Sequence[int],
    made: Sequence[int],
    kept: Sequence[int],
    first_response: Sequence[float | None],
    title: str,
) -> bytes:
    """A quarter's weeks for a customer review: bars of feedback items, commitments made and
    commitments kept on time (due that week) on the left axis, and the median minutes to our
    first response (reply loops opened that week) as a line on the right axis; weeks without an
    answered reply loop leave a gap. Drawn with Pillow: a person waits for it in chat, and
    matplotlib's figure machinery alone cost more than the whole review's budget."""
    from PIL import Image, ImageDraw

    width, height = 880, 360
    left, right, top, bottom = 56, 72, 64, 44
    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    small = _font(11)
    draw.text((left, 10), title, fill=INK, font=_font(15))
    legend = [
        ("feedback", CLOSED_COLOUR),
        ("commitments made", OPEN_COLOUR),
        ("kept on time", KEPT_COLOUR),
        ("median first response (min)", RESPONSE_COLOUR),
    ]
    x = left
    for label, colour in legend:
        draw.rectangle([x, 38, x + 10, 48], fill=colour)
        draw.text((x + 14, 36), label, fill=INK, font=small)
        x += 24 + int(draw.textlength(label, font=small))
    plot_w, plot_h = width - left - right, height - top - bottom
    base = top + plot_h

    def y_of(value: float, most: float) -> float:
        return base - plot_h * value / most

    counts_top, count_step = _scale(max([*feedback, *made, *kept, 1]))
    for tick in _ticks(counts_top, count_step):
        y = y_of(tick, counts_top)
        draw.line([(left, y), (left + plot_w, y)], fill=GRID)
        draw.text((left - 6, y), f"{tick:,.0f}", fill=INK, font=small, anchor="rm")
    n = max(1, len(weeks))
    slot = plot_w / n
    bar = slot * 0.26
    for i, week in enumerate(weeks):
        middle = left + slot * (i + 0.5)
        for j, (value, colour) in enumerate(
            ((feedback[i], CLOSED_COLOUR), (made[i], OPEN_COLOUR), (kept[i], KEPT_COLOUR))
        ):
            x0 = middle + (j - 1.5) * bar
            if value:
                draw.rectangle([x0, y_of(value, counts_top), x0 + bar - 1, base], fill=colour)
        draw.text((middle, base + 6), week, fill=INK, font=small, anchor="mt")
    draw.line([(left, base), (left + plot_w, base)], fill=INK)
    answered = [m for m in first_response if m is not None]
    if answered:
        minutes_top, minutes_step = _scale(max(answered))
        for tick in _ticks(minutes_top, minutes_step):
            y = y_of(tick, minutes_top)
            draw.text((left + plot_w + 6, y), f"{tick:g}", fill=RESPONSE_COLOUR, font=small,
                      anchor="lm")  # fmt: skip
        run: list[tuple[float, float]] = []
        for i, value in enumerate([*first_response, None]):
            if value is None:
                if len(run) > 1:
                    draw.line(run, fill=RESPONSE_COLOUR, width=2)
                run = []
                continue
            point = (left + slot * (i + 0.5), y_of(value, minutes_top))
            run.append(point)
            draw.ellipse([point[0] - 3, point[1] - 3, point[0] + 3, point[1] + 3],
                         fill=RESPONSE_COLOUR)  # fmt: skip
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


@functools.cache
def _font(size: int):  # noqa: ANN202
    """DejaVu Sans, which matplotlib ships (accents, dashes, most scripts' letters), or Pillow's
    own font if it is missing."""
    import matplotlib
    from PIL import ImageFont

    path = Path(matplotlib.get_data_path()) / "fonts" / "ttf" / "DejaVuSans.ttf"
    return ImageFont.truetype(str(path), size) if path.exists() else ImageFont.load_default(size)


def _scale(most: float) -> tuple[float, float]:
    """(axis top, tick step): a 1-2-5 step giving about four ticks, the top a multiple of it."""
    step = 10 ** math.floor(math.log10(max(most, 1) / 4)) if most > 4 else 1
    for factor in (1, 2, 5, 10):
        if most / (step * factor) <= 5:
            step *= factor
            break
    return step * math.ceil(most / step) or step, step


def _ticks(top: float, step: float) -> list[float]:
    return [step * i for i in range(int(round(top / step)) + 1)]
