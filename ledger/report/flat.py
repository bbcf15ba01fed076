"""CSV (spreadsheet-safe) and Parquet reports."""
from __future__ import annotations

from pathlib import Path

import pandas as pd

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


def write_csv(df: pd.DataFrame, path: Path) -> None:
    # CRLF rows (RFC 4180) so that a field holding a lone CR or LF is always quoted
    neutralised(df).to_csv(path, index=False, encoding="utf-8", date_format="%Y-%m-%d", lineterminator="\r\n")


def write_parquet(df: pd.DataFrame, path: Path) -> None:
    df.to_parquet(path, engine="pyarrow", index=False)
