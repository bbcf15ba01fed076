"""CSV (spreadsheet-safe) and Parquet reports."""
from __future__ import annotations

import itertools
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from ledger.report.rows import Rows, as_rows
from ledger.report.safe import RISKY


def neutralised(df: pd.DataFrame) -> pd.DataFrame:
    """``df`` with every text cell that a spreadsheet could run as a formula quoted (OWASP)."""
    out = df.copy()
    for col in out.columns:
        if out[col].dtype == object or str(out[col].dtype).startswith("string"):
            text = out[col].astype("string")
            risky = text.str.contains(RISKY, regex=True).fillna(False).astype(bool)
            if risky.any():
                out[col] = text.mask(risky, "'" + text)
    return out


def write_csv(table: pd.DataFrame | Rows, path: Path) -> None:
    """The rows of ``table`` as CSV, a chunk at a time (CRLF rows, RFC 4180, so that a field holding
    a lone CR or LF is always quoted)."""
    rows = as_rows(table)
    with open(path, "w", encoding="utf-8", newline="") as out:
        for i, chunk in enumerate(itertools.chain([rows.empty()], rows.chunks())):
            neutralised(chunk).to_csv(out, index=False, header=i == 0, date_format="%Y-%m-%d",
                                      lineterminator="\r\n")


def write_parquet(table: pd.DataFrame | Rows, path: Path) -> None:
    """The rows of ``table`` as Parquet, one row group per chunk."""
    rows = as_rows(table)
    schema = pa.Schema.from_pandas(rows.empty(), preserve_index=False)
    with pq.ParquetWriter(path, schema) as out:
        for chunk in rows.chunks():
            out.write_table(pa.Table.from_pandas(chunk, schema=schema, preserve_index=False))
