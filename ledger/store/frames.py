"""Conversions between ledger values, SQLite parameters and typed DataFrames."""
from __future__ import annotations

import datetime as _dt
import math
import operator
import sqlite3
from collections.abc import Iterator

import pandas as pd

from ledger.model import Row
from ledger.store.schema import COLUMNS


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


_ROW_VALUES = operator.attrgetter(*COLUMNS)
_DATE_AT = tuple(i for i, c in enumerate(COLUMNS) if c in ("published", "event_date", "fx_date"))


def row_params(row: Row, fact_id: str | None = None) -> tuple:
    """One Row (plus its fact id) as the parameters of a mentions insert (dates as ISO text)."""
    values = list(_ROW_VALUES(row))
    for i in _DATE_AT:
        if values[i] is not None:
            values[i] = values[i].isoformat()
    values.append(fact_id)
    return tuple(values)


def frame_params(frame: pd.DataFrame, columns: list[str]) -> Iterator[tuple]:
    """Rows of ``frame[columns]`` as SQLite parameters (vectorised date formatting)."""
    values = []
    for col in columns:
        series = frame[col]
        if pd.api.types.is_datetime64_any_dtype(series):
            series = series.dt.strftime("%Y-%m-%d")
        values.append(series.to_numpy(dtype=object, na_value=None).tolist())
    return zip(*values)


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
