"""What the commands print: JSON lines, spreadsheet-safe CSV, or an aligned table."""
from __future__ import annotations

import contextlib
import csv
import io
import json
import sys
from collections.abc import Iterator
from pathlib import Path

from ledger.cli.errors import UsageError

_SUFFIX = {"jsonl": "jsonl", "csv": "csv", "table": "txt"}


@contextlib.contextmanager
def output_file(folder: Path | None, file: Path | None, fmt: str) -> Iterator:
    """Standard output, or a file (``file``, or ``figures.<format>`` in ``folder``) written beside
    its final name and renamed into place when complete."""
    if folder is None and file is None:
        yield sys.stdout
        return
    from ledger.report.atomic import atomic_path

    target = Path(file) if file is not None else Path(folder) / f"figures.{_SUFFIX[fmt]}"
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with atomic_path(target) as tmp, open(tmp, "w", encoding="utf-8", newline="") as stream:
            yield stream
    except OSError as exc:
        raise UsageError(f"cannot write {str(target)!r} ({exc.strerror or exc}): close it if another "
                         f"program has it open, or choose another file") from None


TABLE_COLUMNS = ("doc_id", "surface", "kind", "value", "unit", "qualifier", "role", "donor",
                 "recipient", "event_date", "item")


def _plain(value):
    """A JSON/CSV-friendly scalar."""
    if value is None:
        return None
    try:
        import pandas as pd

        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    if hasattr(value, "isoformat"):
        return value.isoformat()[:10] if getattr(value, "hour", 0) == 0 else value.isoformat()
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return int(value)
    if hasattr(value, "item"):  # numpy scalars
        return _plain(value.item())
    return value


class RowWriter:
    """Writes dict rows as JSON lines, CSV (spreadsheet-safe) or an aligned table."""

    def __init__(self, stream, fmt: str, columns: tuple[str, ...] = TABLE_COLUMNS):
        self.stream, self.fmt, self.columns = stream, fmt, columns
        self._csv = None
        self._table: list[dict] = []

    def write(self, row: dict) -> None:
        row = {k: _plain(v) for k, v in row.items()}
        if self.fmt == "jsonl":
            self.stream.write(json.dumps(row, ensure_ascii=False) + "\n")
        elif self.fmt == "csv":
            from ledger.report.safe import safe_text

            if self._csv is None:
                self._csv = csv.DictWriter(self.stream, fieldnames=list(row), extrasaction="ignore")
                self._csv.writeheader()
            self._csv.writerow({k: safe_text(v) if isinstance(v, str) else v for k, v in row.items()})
        else:
            self._table.append(row)

    def close(self) -> None:
        if self.fmt == "table":
            self.stream.write(format_table(self._table, self.columns))
        self.stream.flush()


def format_table(rows: list[dict], columns: tuple[str, ...] = TABLE_COLUMNS) -> str:
    """An aligned text table of ``columns`` (those present) for reading on a terminal."""
    if not rows:
        return "(no rows)\n"
    cols = [c for c in columns if c in rows[0]] or list(rows[0])
    cells = [[_cell(r.get(c)) for c in cols] for r in rows]
    widths = [min(40, max(len(c), *(len(row[i]) for row in cells))) for i, c in enumerate(cols)]
    buf = io.StringIO()
    buf.write("  ".join(c.ljust(w) for c, w in zip(cols, widths)).rstrip() + "\n")
    for row in cells:
        buf.write("  ".join(v[:w].ljust(w) for v, w in zip(row, widths)).rstrip() + "\n")
    return buf.getvalue()


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:,.2f}".rstrip("0").rstrip(".")
    if isinstance(value, int):
        return f"{value:,}"
    return " ".join(str(value).split())
