"""The ledger row: the one schema every writer (SQLite, CSV, Parquet, Excel) uses."""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, fields

import pandas as pd


@dataclass(frozen=True, slots=True)
class Row:
    """One mention of a figure in one document, normalised."""

    doc_id: str
    source: str
    url: str | None
    published: _dt.date | None
    title: str | None
    start: int
    end: int
    surface: str
    sentence: str
    kind: str
    value: float | None
    low: float | None
    high: float | None
    qualifier: str
    change: str | None
    unit: str | None
    currency: str | None
    item: str | None
    role: str | None
    donor: str | None
    recipient: str | None
    event_date: _dt.date | None
    figure_id: str
    value_usd: float | None
    value_eur: float | None
    fx_rate: float | None  # US$ per one unit of ``currency`` at ``fx_date``
    fx_date: _dt.date | None
    fx_source: str | None  # "ECB" or a reason the amount stays unconverted

    def as_dict(self) -> dict:
        return {f.name: getattr(self, f.name) for f in fields(self)}


COLUMNS: tuple[str, ...] = tuple(f.name for f in fields(Row))

#: pandas dtypes for a frame of rows (dates are ``datetime64[ns]`` at midnight).
DTYPES: dict[str, str] = {
    "doc_id": "string", "source": "string", "url": "string", "published": "datetime64[ns]",
    "title": "string", "start": "Int64", "end": "Int64", "surface": "string", "sentence": "string",
    "kind": "string", "value": "Float64", "low": "Float64", "high": "Float64",
    "qualifier": "string", "change": "string", "unit": "string", "currency": "string",
    "item": "string", "role": "string", "donor": "string", "recipient": "string",
    "event_date": "datetime64[ns]", "figure_id": "string", "value_usd": "Float64",
    "value_eur": "Float64", "fx_rate": "Float64", "fx_date": "datetime64[ns]", "fx_source": "string",
}
assert tuple(DTYPES) == COLUMNS


def rows_frame(rows) -> pd.DataFrame:
    """A typed DataFrame of rows (an empty one keeps every column and dtype)."""
    df = pd.DataFrame([r.as_dict() if isinstance(r, Row) else r for r in rows], columns=list(COLUMNS))
    return df.astype(DTYPES)


#: A fact: one figure after de-duplication of its mentions across documents.
#: ``value``/``low``/``high``/``value_usd``/``value_eur`` come from the representative
#: (earliest, most precise) mention; ``event_date`` is the earliest event date.
FACT_DTYPES: dict[str, str] = {
    "fact_id": "string", "kind": "string", "role": "string", "donor": "string",
    "recipient": "string", "currency": "string", "unit": "string", "item": "string",
    "value": "Float64", "low": "Float64", "high": "Float64", "qualifier": "string",
    "value_usd": "Float64", "value_eur": "Float64", "event_date": "datetime64[ns]",
    "first_published": "datetime64[ns]", "n_mentions": "Int64", "n_documents": "Int64",
    "doc_ids": "string", "sources": "string", "urls": "string", "surface": "string",
    "sentence": "string",
}
FACT_COLUMNS: tuple[str, ...] = tuple(FACT_DTYPES)

#: Mentions as stored: every Row column plus the fact it was merged into.
MENTION_DTYPES: dict[str, str] = {**DTYPES, "fact_id": "string"}

DOCUMENT_DTYPES: dict[str, str] = {
    "doc_id": "string", "source": "string", "url": "string", "title": "string",
    "published": "datetime64[ns]", "content_hash": "string", "n_figures": "Int64",
}

ERROR_DTYPES: dict[str, str] = {"source": "string", "line": "Int64", "reason": "string"}


def typed_frame(records, dtypes: dict[str, str]) -> pd.DataFrame:
    """A DataFrame with exactly ``dtypes``' columns, in order, with those dtypes."""
    df = pd.DataFrame(list(records), columns=list(dtypes))
    return df.astype(dtypes)
