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
    frame: pd.DataFrame                   # currency, value, value_usd, value_eur in that order
    _cum: dict = field(default_factory=dict)

    def _cumsum(self, key: tuple) -> np.ndarray:
        if key not in self._cum:
            self._cum[key] = np.concatenate([[0.0], np.cumsum(np.nan_to_num(self._amounts(*key)))])
        return self._cum[key]

    def _amounts(self, mode: str, currency: str | None) -> np.ndarray:
        f = self.frame
        native = (f["currency"] == currency).fillna(False).to_numpy(bool)
        value = f["value"].to_numpy(float, na_value=np.nan)
        if mode == "native":
            return np.where(native, value, np.nan)
        if mode == "usd_other":
            return np.where(native, np.nan, f["value_usd"].to_numpy(float, na_value=np.nan))
        col = {"USD": "value_usd", "EUR": "value_eur"}[mode]
        return np.where(native, value, f[col].to_numpy(float, na_value=np.nan))

    def window_sum(self, start: pd.Timestamp | None, end: pd.Timestamp, currency: str | None,
                   usd_factor: float | None) -> tuple[float, int]:
        """Sum (in ``currency``) and count of packages dated in [start, end]."""
        lo = 0 if start is None else int(np.searchsorted(self.days, np.datetime64(start.date(), "D"), "left"))
        hi = int(np.searchsorted(self.days, np.datetime64(end.date(), "D"), "right"))
        if hi <= lo:
            return 0.0, 0
        if currency in ("USD", "EUR"):
            cum = self._cumsum((currency, currency))
            return float(cum[hi] - cum[lo]), hi - lo
        total = self._cumsum(("native", currency))
        total = float(total[hi] - total[lo])
        if usd_factor:
            other = self._cumsum(("usd_other", currency))
            total += float(other[hi] - other[lo]) / usd_factor
        return total, hi - lo


def package_series(packages: pd.DataFrame) -> dict[tuple, PackageSeries]:
    """Series keyed by (donor, recipient) and by (donor, None) for "to any recipient"."""
    pk = packages.assign(_day=fact_dates(packages)).dropna(subset=["_day", "donor"])
    pk = pk.sort_values("_day", kind="stable")
    out: dict[tuple, PackageSeries] = {}
    cols = ["currency", "value", "value_usd", "value_eur"]
    for donor, group in pk.groupby("donor", sort=False):
        out[(donor, None)] = _series(group, cols)
        for recipient, sub in group.dropna(subset=["recipient"]).groupby("recipient", sort=False):
            out[(donor, recipient)] = _series(sub, cols)
    return out


def _series(group: pd.DataFrame, cols: list[str]) -> PackageSeries:
    return PackageSeries(group["_day"].to_numpy("datetime64[D]"), group[cols].reset_index(drop=True))
