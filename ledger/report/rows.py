"""Tables the report writers read a chunk at a time: a frame in memory, or a query of the store.

The writers of the big tables (the Ledger and Mentions sheets, ``ledger.csv``, ``facts.csv`` and
their Parquet files) never hold more than one chunk of rows, whatever the size of the ledger.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

import pandas as pd

#: Rows read, converted and written at a time by the streaming writers.
CHUNK_ROWS = 5_000


@dataclass(frozen=True)
class Rows:
    """``count`` rows of ``dtypes``, read by ``read(size)`` in chunks of at most ``size`` rows."""

    dtypes: dict[str, str]
    count: int
    read: Callable[[int], Iterator[pd.DataFrame]]
    #: reads one column alone (``read_column(name, size)``), when that is cheaper than whole rows
    read_column: Callable[[str, int], Iterator[pd.Series]] | None = None

    def __len__(self) -> int:
        return self.count

    @property
    def columns(self) -> list[str]:
        return list(self.dtypes)

    def chunks(self, size: int = CHUNK_ROWS, *, limit: int | None = None) -> Iterator[pd.DataFrame]:
        """The rows (the first ``limit`` of them when given) in order, ``size`` at a time."""
        left = self.count if limit is None else min(limit, self.count)
        for chunk in self.read(size):
            if left <= 0:
                return
            chunk = chunk.iloc[:left].reset_index(drop=True)
            left -= len(chunk)
            yield chunk

    def column(self, name: str, size: int = CHUNK_ROWS, *, limit: int | None = None) -> Iterator[pd.Series]:
        """One column of the rows (the first ``limit`` when given), ``size`` values at a time."""
        if self.read_column is None:
            yield from (chunk[name] for chunk in self.chunks(size, limit=limit))
            return
        left = self.count if limit is None else min(limit, self.count)
        for values in self.read_column(name, size):
            if left <= 0:
                return
            yield values.iloc[:left].reset_index(drop=True)
            left -= min(left, len(values))

    def head(self, n: int) -> pd.DataFrame:
        """The first ``n`` rows (typed and empty when there are none)."""
        return next(self.chunks(max(n, 1), limit=n), self.empty())

    def empty(self) -> pd.DataFrame:
        return pd.DataFrame({c: pd.Series(dtype=t) for c, t in self.dtypes.items()})


def rows_of(frame: pd.DataFrame) -> Rows:
    """A frame read in chunks (its own slices)."""
    frame = frame.reset_index(drop=True)

    def read(size: int) -> Iterator[pd.DataFrame]:
        yield frame.iloc[:size]
        for start in range(size, len(frame), size):
            yield frame.iloc[start:start + size]

    return Rows({c: str(t) for c, t in frame.dtypes.items()}, len(frame), read)


def as_rows(table: pd.DataFrame | Rows) -> Rows:
    return table if isinstance(table, Rows) else rows_of(table)


def parquet_rows(path) -> Rows:
    """The rows of a Parquet file this package wrote (its pandas dtypes restored), read a row group
    at a time: the report files read back the Parquet files rather than the store."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pq.read_schema(path)
    empty = schema.empty_table().to_pandas()

    def read(size: int) -> Iterator[pd.DataFrame]:
        with pq.ParquetFile(path) as file:
            for batch in file.iter_batches(batch_size=size):
                yield pa.Table.from_batches([batch], schema=schema).to_pandas()

    def read_column(name: str, size: int) -> Iterator[pd.Series]:
        with pq.ParquetFile(path) as file:
            for batch in file.iter_batches(batch_size=size, columns=[name]):
                yield batch.column(0).to_pandas().astype(empty[name].dtype)

    return Rows({c: str(t) for c, t in empty.dtypes.items()}, pq.read_metadata(path).num_rows, read, read_column)
