"""Package facts per donor → recipient as cumulative arrays, for O(log n) window sums."""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd


def is_package(facts: pd.DataFrame) -> pd.Series:
    """Money facts that are packages (the additive entries of the ledger)."""
    return ((facts["kind"] == "money") & (facts["role"] == "package")).fillna(False).astype(bool)


def fact_dates(facts: pd.DataFrame) -> pd.Series:
    """The date a fact counts at: its event date, else the first publication."""
    return facts["event_date"].fillna(facts["first_published"]).dt.normalize()


@dataclass(slots=True)
class PackageSeries:
    """One pair's packages sorted by date, with running sums built on first use."""

    days: np.ndarray                      # datetime64[D], sorted
    frame: pd.DataFrame                   # currency, value, value_usd, value_eur, aid_type
    _cum: dict = field(default_factory=dict)

    def _amounts(self, mode: str, currency: str | None, aid: str | None) -> np.ndarray:
        f = self.frame
        if mode == "count":
            return np.ones(len(f))
        native = (f["currency"] == currency).fillna(False).to_numpy(bool)
        value = f["value"].to_numpy(float, na_value=np.nan)
        if mode == "native":
            return np.where(native, value, np.nan)
        if mode == "usd_other":
            return np.where(native, np.nan, f["value_usd"].to_numpy(float, na_value=np.nan))
        col = {"USD": "value_usd", "EUR": "value_eur"}[mode]
        return np.where(native, value, f[col].to_numpy(float, na_value=np.nan))

    def _sum(self, key: tuple, lo: int, hi: int) -> float:
        cum = self._cum.get(key)
        if cum is None:
            amounts = self._amounts(*key)
            if key[2] is not None:  # only packages of the claim's kind of aid
                amounts = np.where((self.frame["aid_type"] == key[2]).fillna(False).to_numpy(bool), amounts, 0.0)
            cum = self._cum[key] = np.concatenate([[0.0], np.cumsum(np.nan_to_num(amounts))])
        return float(cum[hi] - cum[lo])

    def window_sum(self, start: pd.Timestamp | None, end: pd.Timestamp, currency: str | None,
                   usd_factor: float | None, aid_type: str | None = None) -> tuple[float, int]:
        """Sum (in ``currency``) and count of packages dated in [start, end], of ``aid_type`` when given.

        Packages in other currencies are converted at the claim's own rate (``usd_factor``: US$ per
        unit of ``currency``), so the sum is in the claim's currency."""
        lo = 0 if start is None else int(np.searchsorted(self.days, np.datetime64(start.date(), "D"), "left"))
        hi = int(np.searchsorted(self.days, np.datetime64(end.date(), "D"), "right"))
        if hi <= lo:
            return 0.0, 0
        n = int(self._sum(("count", None, aid_type), lo, hi))
        if currency in ("USD", "EUR"):
            return self._sum((currency, currency, aid_type), lo, hi), n
        total = self._sum(("native", currency, aid_type), lo, hi)
        if usd_factor:
            total += self._sum(("usd_other", currency, aid_type), lo, hi) / usd_factor
        return total, n


def package_series(packages: pd.DataFrame) -> dict[tuple, PackageSeries]:
    """Series keyed by (donor, recipient) and by (donor, None) for "to any recipient"; ``aid_type``
    is the packages' column with empty cells read from their clauses."""
    from ledger.analyse.claims import aid_types

    pk = packages.assign(_day=fact_dates(packages)).dropna(subset=["_day", "donor"])
    pk = pk.assign(aid_type=aid_types(pk))
    pk = pk.sort_values("_day", kind="stable")
    out: dict[tuple, PackageSeries] = {}
    cols = ["currency", "value", "value_usd", "value_eur", "aid_type"]
    for donor, group in pk.groupby("donor", sort=False):
        out[(donor, None)] = _series(group, cols)
        for recipient, sub in group.dropna(subset=["recipient"]).groupby("recipient", sort=False):
            out[(donor, recipient)] = _series(sub, cols)
    return out


def _series(group: pd.DataFrame, cols: list[str]) -> PackageSeries:
    return PackageSeries(group["_day"].to_numpy("datetime64[D]"), group[cols].reset_index(drop=True))
