"""A customer review as a document: Markdown for pasting, and one self-contained HTML page (the
chart inline as SVG; no fonts, scripts or stylesheets from elsewhere) that prints to PDF."""

from __future__ import annotations

from html import escape

KIND_ORDER = ("request", "problem", "praise", "question", "risk", "other")


def _rate(value: object) -> str:
    return "—" if value is None else f"{float(value):.0%}"  # type: ignore[arg-type]


def _rows(found: dict) -> list[tuple[str, str, str]]:
    before = found["previous"]
    c, p = found["commitments"], before["commitments"]
    rows = [
        ("Health", str(found["health"]), str(before["health"])),
        ("Feedback", str(sum(found["feedback"].values())), str(sum(before["feedback"].values()))),
        ("Negative feedback", str(found["negative_feedback"]), str(before["negative_feedback"])),
    ]
    rows += [(f"  {k}", str(found["feedback"].get(k, 0)), str(before["feedback"].get(k, 0)))
             for k in KIND_ORDER]  # fmt: skip
    rows += [
        ("Commitments made", str(c["made"]), str(p["made"])),
        ("Kept on time", str(c["kept_on_time"]), str(p["kept_on_time"])),
        ("Closed", str(c["closed"]), str(p["closed"])),
        ("Open", str(c["open"]), str(p["open"])),
        ("Overdue", str(c["overdue"]), str(p["overdue"])),
        ("On-time rate", _rate(found["on_time_rate"]), _rate(before["on_time_rate"])),
        ("Median days to close", str(found["median_days_to_close"] or "—"),
         str(before["median_days_to_close"] or "—")),
        ("Median first response (min)", str(found["median_first_response_minutes"] or "—"),
         str(before["median_first_response_minutes"] or "—")),
        ("CSAT responses", str(found["csat"]["responses"]), str(before["csat"]["responses"])),
        ("CSAT average", str(found["csat"]["average"] or "—"),
         str(before["csat"]["average"] or "—")),
    ]  # fmt: skip
    return rows


def markdown(found: dict) -> str:
    """The review for pasting into a document."""
    lines = [
        f"# {found['customer']} — {found['quarter']} review",
        "",
        f"Segment {found['segment']} · value {found['value']:,.0f} · owner "
        f"{found['owner'] or '—'} · {found['status']}",
        "",
        f"**Health {found['health']}** — " + ("; ".join(found["health_reasons"]) or "nothing "
                                               "against it"),
        "",
        f"| | {found['quarter']} | {found['previous']['quarter']} |",
        "|---|---|---|",
    ]  # fmt: skip
    lines += [f"| {name.strip()} | {now} | {then} |" for name, now, then in _rows(found)]
    if found["quotes"]:
        lines += ["", "## Most negative"]
        for quote in found["quotes"]:
            link = f" ([link]({quote['permalink']}))" if quote["permalink"] else ""
            lines.append(f"- “{quote['text']}”{link}")
    if found.get("busiest_week"):
        lines += ["", _weeks_said(found)]
    return "\n".join(lines) + "\n"


def _weeks_said(found: dict) -> str:
    return (
        f"Busiest week (feedback and commitments): from {found['busiest_week']}; quietest: "
        f"from {found['quietest_week']}."
    )


SERIES = (("feedback", "#4a78c2"), ("commitments", "#e39a2d"), ("kept_on_time", "#2a9d4b"))
RESPONSE = "#b0306a"  # the median first response line


def chart_svg(weeks: list[dict]) -> str:
    """The quarter's weeks, inline SVG: bars of feedback, commitments made and kept on time
    (left scale), and the median minutes to our first response as a line on its own scale
    (right), broken where a week had no answered question."""
    width, height, pad, right = 640, 200, 30, 56
    top = max([w[key] for w in weeks for key, _colour in SERIES] + [1])
    plot = width - pad - right
    slot = plot / max(1, len(weeks))
    base = height - pad
    bars = []
    for i, week in enumerate(weeks):
        for j, (key, color) in enumerate(SERIES):
            h = (height - 2 * pad) * week[key] / top
            x = pad + i * slot + j * slot / 3.5 + 2
            bars.append(
                f'<rect x="{x:.1f}" y="{base - h:.1f}" width="{slot / 3.5:.1f}" '
                f'height="{h:.1f}" fill="{color}"><title>{escape(week["week_start"])}: '
                f"{week[key]} {key.replace('_', ' ')}</title></rect>"
            )
    answered = [w["first_response_minutes"] for w in weeks if w["first_response_minutes"]]
    line = ""
    if answered:
        most = max(answered)
        runs: list[list[str]] = [[]]
        dots = []
        for i, week in enumerate(weeks):
            minutes = week["first_response_minutes"]
            if minutes is None:
                runs.append([])
                continue
            x, y = pad + (i + 0.5) * slot, base - (height - 2 * pad) * minutes / most
            runs[-1].append(f"{x:.1f},{y:.1f}")
            dots.append(
                f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" fill="{RESPONSE}"><title>'
                f"{escape(week['week_start'])}: median first response {minutes:g} min"
                "</title></circle>"
            )
        line = "".join(
            f'<polyline points="{" ".join(run)}" fill="none" stroke="{RESPONSE}" stroke-width="2"/>'
            for run in runs
            if len(run) > 1
        ) + "".join(dots)
        line += (
            f'<text x="{width - right + 4}" y="{pad + 4}" font-size="11" fill="{RESPONSE}">'
            f"{most:g} min</text>"
            f'<text x="{width - right + 4}" y="{base}" font-size="11" fill="{RESPONSE}">0</text>'
        )
    axis = f'<line x1="{pad}" y1="{base}" x2="{pad + plot}" y2="{base}" stroke="#555"/>'
    legend = (
        f'<text x="{pad}" y="16" font-size="12" fill="#4a78c2">■ feedback</text>'
        f'<text x="{pad + 80}" y="16" font-size="12" fill="#e39a2d">■ commitments made</text>'
        f'<text x="{pad + 220}" y="16" font-size="12" fill="#2a9d4b">■ kept on time</text>'
        f'<text x="{pad + 325}" y="16" font-size="12" fill="{RESPONSE}">'
        "● median first response (min, right)</text>"
    )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="weeks of the quarter" '
        f'viewBox="0 0 {width} {height}" width="100%">{legend}{axis}{"".join(bars)}{line}</svg>'
    )


def html(found: dict) -> str:
    """One self-contained page; prints to PDF with the table and chart kept whole."""
    title = f"{found['customer']} — {found['quarter']} review"
    rows = "".join(
        f"<tr><th>{escape(name.strip())}</th><td>{escape(now)}</td><td>{escape(then)}</td></tr>"
        for name, now, then in _rows(found)
    )
    reasons = "".join(f"<li>{escape(r)}</li>" for r in found["health_reasons"]) or (
        "<li>nothing against it</li>"
    )
    quotes = "".join(
        f"<li>“{escape(q['text'])}”"
        + (f' <a href="{escape(q["permalink"])}">link</a>' if q["permalink"] else "")
        + "</li>"
        for q in found["quotes"]
    )
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{escape(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{{font-family:system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#222}}
table{{border-collapse:collapse;width:100%}} th,td{{text-align:left;padding:.25rem .5rem;
border-bottom:1px solid #ddd}} section,table,svg{{break-inside:avoid;page-break-inside:avoid}}
h2{{break-after:avoid}} @media print{{body{{margin:0}}}}
</style></head><body>
<h1>{escape(title)}</h1>
<p>Segment {escape(str(found["segment"]))} · value {found["value"]:,.0f} ·
owner {escape(str(found["owner"] or "—"))} · {escape(str(found["status"]))}</p>
<section><h2>Health {found["health"]}</h2><ul>{reasons}</ul></section>
<section><h2>The quarter's weeks</h2>{chart_svg(found["weeks"])}
{f"<p>{escape(_weeks_said(found))}</p>" if found.get("busiest_week") else ""}</section>
<section><h2>Numbers</h2><table><tr><th></th><th>{escape(found["quarter"])}</th>
<th>{escape(found["previous"]["quarter"])}</th></tr>{rows}</table></section>
{f"<section><h2>Most negative</h2><ul>{quotes}</ul></section>" if quotes else ""}
</body></html>
"""


SPEC_KEYS = (
    "customer", "quarter", "segment", "value", "owner", "status", "feedback", "negative_feedback",
    "commitments", "on_time_rate", "median_days_to_close", "median_first_response_minutes",
    "csat", "health", "health_reasons",
)  # fmt: skip


def as_json(found: dict) -> dict:
    """The spec's keys only, for this quarter and (under `previous`) the one before."""
    shown = {key: found[key] for key in SPEC_KEYS}
    shown["previous"] = {key: found["previous"][key] for key in SPEC_KEYS}
    return shown
