"""Conversions between ledger values, SQLite parameters and typed DataFrames."""
from __future__ import annotations

import datetime as _dt
import math
import operator
import sqlite3
from collections.abc import Iterator

import pandas as pd

from ledger.engine.limits import EARLIEST_DATE, LATEST_DATE
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
    """One Row (plus its fact id, and no correction yet) as the parameters of a mentions insert
    (dates as ISO text)."""
    values = list(_ROW_VALUES(row))
    for i in _DATE_AT:
        if values[i] is not None:
            values[i] = values[i].isoformat()
    values.append(fact_id)
    values.append(None)
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


#: Rows converted at a time by :func:`read_frame` (the rows as Python objects are the costly part).
READ_ROWS = 10_000


def read_frame(conn: sqlite3.Connection, sql: str, dtypes: dict[str, str], params=()) -> pd.DataFrame:
    """The result of ``sql`` as a frame with exactly ``dtypes``' columns and dtypes (read and typed
    :data:`READ_ROWS` rows at a time)."""
    parts = list(iter_frames(conn, sql, dtypes, READ_ROWS, params))
    return parts[0] if len(parts) == 1 else pd.concat(parts, ignore_index=True)


def iter_frames(conn: sqlite3.Connection, sql: str, dtypes: dict[str, str], size: int,
                params=()) -> Iterator[pd.DataFrame]:
    """The result of ``sql`` as frames of at most ``size`` rows (at least one, maybe empty), typed
    like :func:`read_frame`'s; only one chunk is in memory at a time."""
    cur = conn.execute(sql, params)
    records = cur.fetchmany(size)
    yield _typed(records, dtypes)
    while len(records) == size:
        records = cur.fetchmany(size)
        if records:
            yield _typed(records, dtypes)


def _typed(records: list[tuple], dtypes: dict[str, str]) -> pd.DataFrame:
    frame = pd.DataFrame.from_records(records, columns=list(dtypes))
    for col, dtype in dtypes.items():
        if dtype.startswith("datetime64"):
            frame[col] = stored_dates(frame[col])
        elif dtype == "Float64":
            frame[col] = pd.to_numeric(frame[col], errors="coerce")
    return frame.astype(dtypes)


_FIRST_DAY, _LAST_DAY = EARLIEST_DATE.isoformat(), LATEST_DATE.isoformat() + "\uffff"


def stored_dates(values: pd.Series) -> pd.Series:
    """ISO date texts of the store as datetimes; anything else, and any date outside the range
    the frames can hold (a value an older version may have stored), becomes NaT."""
    text = values.astype("string")
    inside = text.str.slice(0, 10).between(_FIRST_DAY, _LAST_DAY).fillna(False).astype(bool)
    return pd.to_datetime(text.where(inside), format="ISO8601", errors="coerce").astype("datetime64[ns]")


def first_of_each_id(rows: list[Row]) -> list[Row]:
    """``rows`` without repeats of a figure id (an extractor reporting a span twice), in order."""
    seen: set[str] = set()
    out = []
    for row in rows:
        if row.figure_id not in seen:
            seen.add(row.figure_id)
            out.append(row)
    return out
