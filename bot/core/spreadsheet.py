"""CSV in and out: the one writer for every export (chat attachments, the CLI, customer files)
and the one reader for imports."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

from bot.core.errors import BadInput
from bot.core.replies import Table


def csv_text(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """A header row and the rows; None is an empty cell."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow(["" if cell is None else cell for cell in row])
    return out.getvalue()


def read_rows(text: str, required: str, columns: Sequence[str]) -> list[dict[str, str]]:
    """Rows of a CSV whose header names its columns (any case; extra columns are ignored).
    The header must name `required`; BadInput lists `columns` when it does not."""
    reader = csv.DictReader(io.StringIO(text))
    header = [h.strip().lower() for h in (reader.fieldnames or [])]
    if required not in header:
        raise BadInput(f"line 1: the header must be {','.join(columns)}")
    reader.fieldnames = header
    return list(reader)


def table_csv(table: Table) -> str:
    """A report's table as CSV: the same columns as its JSON, with a header row."""
    return csv_text(table.columns, ([row.get(c) for c in table.columns] for row in table.rows))
