"""Conversions between ledger values, SQLite parameters and typed DataFrames."""
from __future__ import annotations

import datetime as _dt
import math
import sqlite3
from collections.abc import Iterator

import pandas as pd

from ledger.normalise.row import COLUMNS, Row


def sql_value(value):
    """A Python value as an SQLite parameter: dates as ISO text, NaN/NA as NULL."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, (pd.Timestamp, _dt.datetime)):
        return value.date().isoformat()
    if isinstance(value, _dt.date):
        return value.isoformat()
    return value


def row_params(row: Row, fact_id: str | None = None) -> tuple:
    """One Row (plus its fact id) as the parameters of a mentions insert."""
    return tuple(sql_value(getattr(row, c)) for c in COLUMNS) + (fact_id,)


def frame_params(frame: pd.DataFrame, columns: list[str]) -> Iterator[tuple]:
    """Rows of ``frame[columns]`` as SQLite parameters (vectorised date formatting)."""
    out = pd.DataFrame(index=frame.index)
    for col in columns:
        series = frame[col]
        if pd.api.types.is_datetime64_any_dtype(series):
            series = series.dt.strftime("%Y-%m-%d")
        out[col] = series.astype(object).where(series.notna(), None)
    return out.itertuples(index=False, name=None)


def read_frame(conn: sqlite3.Connection, sql: str, dtypes: dict[str, str], params=()) -> pd.DataFrame:
    """The result of ``sql`` as a frame with exactly ``dtypes``' columns and dtypes."""
    cur = conn.execute(sql, params)
    frame = pd.DataFrame.from_records(cur.fetchall(), columns=list(dtypes))
    for col, dtype in dtypes.items():
        if dtype.startswith("datetime64"):
            frame[col] = pd.to_datetime(frame[col], format="ISO8601", errors="coerce")
        elif dtype == "Float64":
            frame[col] = pd.to_numeric(frame[col], errors="coerce")
    return frame.astype(dtypes)
