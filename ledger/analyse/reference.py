"""Reference series of packages (a CSV with a date column and amount columns) in long form."""
from __future__ import annotations

import functools
import re
from pathlib import Path

import pandas as pd

from ledger import data

#: One row per (date, series) amount, scaled to units of ``currency``.
REFERENCE_DTYPES: dict[str, str] = {
    "date": "datetime64[ns]", "series": "string", "amount": "Float64", "currency": "string",
    "donor": "string", "recipient": "string",
}
_SCALES = (("billion", 1e9), ("bn", 1e9), ("million", 1e6), ("mn", 1e6), ("mln", 1e6),
           ("thousand", 1e3), ("k", 1e3))
_CURRENCIES = ("usd", "eur", "gbp", "jpy", "inr", "chf", "cad", "aud", "nok", "krw", "sek", "pln")
_NOT_AMOUNTS = re.compile(r"(?:^|_)(?:id|year|month|day|count|n|number|index)(?:_|$)")
_TOKENS = re.compile(r"[a-z]+")


def load_reference(path: str | Path, *, donor: str | None = None, recipient: str | None = None,
                   currency: str | None = None) -> pd.DataFrame:
    """Read a reference into long form: the Kiel tracker export, OCHA FTS flows (JSON, or CSV
    with an ``amountUSD`` column; :mod:`ledger.analyse.sources`), or a CSV with a date column and
    one or more amount columns.

    Columns named ``*_million``/``*_bn``/``*_thousand`` are scaled; the currency is read
    from the column name (``pda_usd_million`` → USD) unless given. ``donor``/``recipient``
    columns (or arguments) scope it to a pair; without them the pair is inferred from the
    corpus when reconciling (see :func:`ledger.analyse.reconcile.reconcile`).
    """
    from ledger.analyse import sources

    if Path(path).suffix.lower() == ".json":
        return sources.fts_frame(sources.fts_flows(Path(path)))
    raw = pd.read_csv(path)
    if sources.is_kiel(raw):
        return sources.kiel_frame(raw)
    if sources.is_fts(raw):
        return sources.fts_frame(raw)
    return reference_frame(raw, donor=donor, recipient=recipient, currency=currency)


def reference_frame(raw: pd.DataFrame, *, donor: str | None = None, recipient: str | None = None,
                    currency: str | None = None) -> pd.DataFrame:
    """``raw`` (wide: a date column and amount columns) as a typed long frame."""
    if set(REFERENCE_DTYPES) <= set(raw.columns):
        return raw[list(REFERENCE_DTYPES)].astype(REFERENCE_DTYPES)
    date_col = _date_column(raw)
    dates = pd.to_datetime(raw[date_col], errors="coerce").dt.normalize()
    parts = []
    for col in _amount_columns(raw, date_col):
        amount = pd.to_numeric(raw[col], errors="coerce") * _scale(col)
        parts.append(pd.DataFrame({
            "date": dates, "series": col, "amount": amount,
            "currency": currency or _currency(col),
            "donor": raw["donor"] if "donor" in raw else donor,
            "recipient": raw["recipient"] if "recipient" in raw else recipient,
        }))
    if not parts:
        raise ValueError("the reference has no numeric amount column beside its date column")
    long = pd.concat(parts, ignore_index=True)
    long = long[long["date"].notna() & long["amount"].notna()]
    return long.astype(REFERENCE_DTYPES).sort_values("date", kind="stable").reset_index(drop=True)


def _date_column(raw: pd.DataFrame) -> str:
    named = [c for c in raw.columns if "date" in str(c).lower()]
    for col in named + [c for c in raw.columns if c not in named]:
        if raw[col].dtype.kind in "iuf":
            continue
        parsed = pd.to_datetime(raw[col], errors="coerce", format="mixed")
        if len(raw) and parsed.notna().mean() >= 0.8:
            return col
    raise ValueError("the reference has no date column (a column of dates such as 2022-12-09)")


def _amount_columns(raw: pd.DataFrame, date_col: str) -> list[str]:
    cols = []
    for col in raw.columns:
        name = str(col).lower()
        if col == date_col or col in ("donor", "recipient") or _NOT_AMOUNTS.search(name):
            continue
        values = pd.to_numeric(raw[col], errors="coerce")
        if values.notna().any() and values.notna().sum() >= raw[col].notna().sum() * 0.8:
            cols.append(col)
    return cols


def _scale(col: str) -> float:
    tokens = _TOKENS.findall(str(col).lower())
    return next((s for word, s in _SCALES if word in tokens), 1.0)


def _currency(col: str) -> str:
    tokens = _TOKENS.findall(str(col).lower())
    return next((c.upper() for c in _CURRENCIES if c in tokens), "USD")


@functools.lru_cache(maxsize=1)
def _series_words() -> dict[str, str]:
    return {r["word"]: r["aid_type"] for r in data.table("analyse/reference_series.tsv")}


def series_aid_type(series: str | None) -> str | None:
    """The kind of aid a reference series holds, from the words of its name (``pda_usd_million`` →
    military, ``kiel_humanitarian`` → humanitarian, ``fts_paid`` → humanitarian), or None."""
    tokens = _TOKENS.findall(str(series or "").lower())
    return next((_series_words()[t] for t in tokens if t in _series_words()), None)
