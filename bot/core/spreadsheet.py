"""CSV in and out: the one writer for every export (chat attachments, the CLI, customer files)
and the one reader for imports."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence

from bot.core.errors import BadInput
from bot.core.replies import Table

# A cell a spreadsheet would run as a formula (OWASP's list); such text is written after a quote
# mark, which spreadsheets show as text and `unquoted` takes off again on import.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")
MAX_CELL_CHARS = 10_000  # no column of ours needs more; csv's own limit would be a traceback


def safe_cell(cell: object) -> object:
    """A cell as written to CSV: None is empty, text that starts like a formula is quoted."""
    if cell is None:
        return ""
    if isinstance(cell, str) and cell.startswith(_FORMULA_START):
        if not _PLAIN_NUMBER.fullmatch(cell):
            return "'" + cell
    return cell


def unquoted(cell: str) -> str:
    """A cell as `safe_cell` meant it: the quote mark before a formula-like text taken off."""
    if cell.startswith("'") and cell[1:].startswith(_FORMULA_START):
        return cell[1:]
    return cell


def csv_text(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """A header row and the rows; None is an empty cell."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([safe_cell(cell) for cell in row])
    return out.getvalue()


def read_rows(text: str, required: str, columns: Sequence[str]) -> list[dict[str, str]]:
    """Rows of a CSV whose header names its columns (any case; extra columns are ignored).
    The header must name `required`; BadInput lists `columns` when it does not."""
    reader = csv.DictReader(io.StringIO(text), strict=True)  # an unclosed quote is an error
    try:
        header = [h.strip().lower() for h in (reader.fieldnames or [])]
        if required not in header:
            raise BadInput(f"line 1: the header must be {','.join(columns)}")
        reader.fieldnames = header
        rows = []
        for row in reader:
            cells = [v for v in row.values() if isinstance(v, str)]
            if any(len(cell) > MAX_CELL_CHARS for cell in cells):
                raise BadInput(
                    f"line {reader.line_num}: a field is longer than {MAX_CELL_CHARS:,} characters"
                )
            rows.append({k: unquoted(v) if isinstance(v, str) else v for k, v in row.items()})
    except csv.Error as exc:  # an unclosed quote, a field past csv's own limit, a NUL byte
        if "field limit" in str(exc):  # raised before the line it is on was counted
            raise BadInput(
                f"line {reader.line_num + 1}: a field is longer than {MAX_CELL_CHARS:,} characters"
            ) from None
        raise BadInput(f"line {reader.line_num}: this is not well-formed CSV ({exc})") from None
    return rows


def table_csv(table: Table) -> str:
    """A report's table as CSV: the same columns as its JSON, with a header row."""
    return csv_text(table.columns, ([row.get(c) for c in table.columns] for row in table.rows))
