"""Reconciliation of cumulative claims ("brings the total since February 24 to more than
$19.3 billion") with the package facts in the same window and, optionally, a reference series.

For each claim: the window ``[window_start, window_end]`` (baseline parsed from the sentence,
end = the claim date, inclusive), the interval of amounts the claim admits given its
rounding and qualifier (``claim_low``..``claim_high``), the corpus sum of packages
(money facts, role package, same donor → recipient), the reference sum, differences,
ratios and verdicts:

``verdict`` judges the claim against the reference when one covers the window, else
against the corpus: ``consistent`` | ``claim disagrees`` | ``unverified: corpus short``
(no reference, and the corpus holds less than claimed) | ``no baseline`` | ``no amount``.
``corpus_verdict`` judges the corpus: ``consistent`` | ``corpus misses packages`` (short of
the claim; with a reference that agrees with the claim this is certain) | ``corpus exceeds claim``.
"""
from __future__ import annotations

import datetime as _dt
import math
import re

import numpy as np
import pandas as pd

from ledger.analyse.baseline import parse_baseline
from ledger.analyse.reference import REFERENCE_DTYPES, reference_frame
from ledger.analyse.series import PackageSeries, is_package, package_series

CONSISTENT = "consistent"
MISSES = "corpus misses packages"
EXCEEDS = "corpus exceeds claim"
DISAGREES = "claim disagrees"
UNVERIFIED = "unverified: corpus short"
NO_BASELINE = "no baseline"
NO_AMOUNT = "no amount"

RECONCILE_DTYPES: dict[str, str] = {
    "fact_id": "string", "claim_date": "datetime64[ns]", "donor": "string", "recipient": "string",
    "surface": "string", "qualifier": "string", "value": "Float64", "currency": "string",
    "baseline": "datetime64[ns]", "baseline_phrase": "string",
    "window_start": "datetime64[ns]", "window_end": "datetime64[ns]",
    "claim_low": "Float64", "claim_high": "Float64",
    "corpus_sum": "Float64", "n_packages": "Int64", "corpus_diff": "Float64", "corpus_ratio": "Float64",
    "reference_sum": "Float64", "n_reference": "Int64", "reference_diff": "Float64",
    "reference_ratio": "Float64", "verdict": "string", "corpus_verdict": "string", "sentence": "string",
}

#: Slack beyond the written rounding, as a share of the claimed value, per qualifier.
_SLACK = {"exact": 0.005, "approx": 0.05, "at_least": 0.05, "at_most": 0.05}
_NUMBER = re.compile(r"\d[\d,]*(?:\.(\d+))?")
_REFERENCE_GRACE = pd.Timedelta(days=31)  # a reference is trusted this long after its last row


def reconcile(facts: pd.DataFrame, reference: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per cumulative money claim in ``facts`` (typed by ``FACT_DTYPES``)."""
    claims = facts[((facts["kind"] == "money") & (facts["role"] == "cumulative")).fillna(False).astype(bool)]
    series = package_series(facts[is_package(facts)])
    ref = _scoped_reference(reference, facts) if reference is not None else None
    rows = [_reconcile_one(claim, series, ref) for claim in claims.to_dict(orient="records")]
    return pd.DataFrame(rows, columns=list(RECONCILE_DTYPES)).astype(RECONCILE_DTYPES)


def claim_interval(surface: str, value: float | None, low: float | None, high: float | None,
                   qualifier: str) -> tuple[float, float] | None:
    """The amounts a claim admits: its rounding (one unit of its last written digit) widened
    by its qualifier ("more than $19.3 billion" → 19.3 bn .. 20.3 bn)."""
    if value is None or _missing(value):
        if low is None or _missing(low):
            return None
        return float(low), float(high if high is not None and not _missing(high) else low)
    value = float(value)
    unit = rounding_unit(surface, value)
    slack = max(unit, _SLACK.get(qualifier, 0.005) * abs(value))
    eps = 1e-9 * abs(value)
    if qualifier == "exact":
        tol = max(unit / 2, _SLACK["exact"] * abs(value))
        return value - tol, value + tol
    if qualifier == "at_least":
        return value - eps, value + slack
    if qualifier == "at_most":
        return value - slack, value + eps
    return value - slack, value + slack


def rounding_unit(surface: str, value: float) -> float:
    """One unit of the last digit written in ``surface``: "$19.3 billion" → 1e8."""
    m = _NUMBER.search(surface or "")
    if not m:
        return 0.0
    written = float(m.group(0).replace(",", ""))
    if written == 0:
        return 0.0
    scale = value / written
    decimals = len(m.group(1) or "")
    return abs(scale) * 10.0 ** -decimals


def _missing(x) -> bool:
    return x is None or x is pd.NA or (isinstance(x, float) and math.isnan(x))


def _claim_date(claim: dict) -> pd.Timestamp | None:
    for key in ("event_date", "first_published"):
        if not _missing(claim.get(key)) and claim.get(key) is not pd.NaT:
            return pd.Timestamp(claim[key]).normalize()
    return None


def _reconcile_one(claim: dict, series: dict, ref: pd.DataFrame | None) -> dict:
    out = {k: claim.get(k) for k in ("fact_id", "donor", "recipient", "surface", "qualifier", "value",
                                     "currency", "sentence")}
    end = _claim_date(claim)
    out["claim_date"] = out["window_end"] = end
    bounds = claim_interval(claim.get("surface") or "", _none(claim.get("value")), _none(claim.get("low")),
                            _none(claim.get("high")), claim.get("qualifier") or "exact")
    if bounds is None or end is None:
        return {**out, "verdict": NO_AMOUNT}
    out["claim_low"], out["claim_high"] = bounds
    recipient = _none(claim.get("recipient"))
    base = parse_baseline(claim.get("sentence") or "", end.date(), recipient=recipient,
                          near=claim.get("surface"))
    start = None
    if base is not None:
        out["baseline"], out["baseline_phrase"] = pd.Timestamp(base.date), base.phrase
        start = pd.Timestamp(base.window_start)
        out["window_start"] = start
    factor = _usd_factor(claim)
    pkg: PackageSeries | None = series.get((_none(claim.get("donor")), recipient))
    total, n = pkg.window_sum(start, end, claim.get("currency"), factor) if pkg else (0.0, 0)
    out.update(corpus_sum=total, n_packages=n, **_compare("corpus", total, claim))
    corpus_state = _state(total, bounds)
    out["corpus_verdict"] = {0: CONSISTENT, -1: MISSES, 1: EXCEEDS}[corpus_state]
    ref_state = None
    if ref is not None and start is not None:
        ref_total, ref_n = _reference_sum(ref, claim, start, end, factor)
        if ref_total is not None:
            out.update(reference_sum=ref_total, n_reference=ref_n, **_compare("reference", ref_total, claim))
            ref_state = _state(ref_total, bounds)
    out["verdict"] = _verdict(base is not None, corpus_state, ref_state)
    return out


def _verdict(has_baseline: bool, corpus_state: int, ref_state: int | None) -> str:
    if ref_state is not None:
        return CONSISTENT if ref_state == 0 else DISAGREES
    if not has_baseline:
        return NO_BASELINE
    return {0: CONSISTENT, 1: DISAGREES, -1: UNVERIFIED}[corpus_state]


def _state(total: float, bounds: tuple[float, float]) -> int:
    """-1 below the claim's interval, 0 inside, 1 above."""
    lo, hi = bounds
    return -1 if total < lo else (1 if total > hi else 0)


def _compare(prefix: str, total: float, claim: dict) -> dict:
    value = _none(claim.get("value"))
    if value is None:
        lo, hi = _none(claim.get("low")), _none(claim.get("high"))
        value = (lo + hi) / 2 if lo is not None and hi is not None else None
    if not value:
        return {}
    return {f"{prefix}_diff": total - value, f"{prefix}_ratio": total / value}


def _none(x):
    return None if _missing(x) or x is pd.NaT else x


def _usd_factor(claim: dict) -> float | None:
    """US$ per unit of the claim's currency, from its own conversion."""
    value, usd = _none(claim.get("value")), _none(claim.get("value_usd"))
    if value and usd:
        return float(usd) / float(value)
    return 1.0 if claim.get("currency") == "USD" else None


def _scoped_reference(reference: pd.DataFrame, facts: pd.DataFrame) -> pd.DataFrame:
    """The reference, typed; rows without a pair get the donor → recipient whose package
    facts match its rows (same day ±2, same amount within 0.5 %), if any."""
    ref = reference_frame(reference).copy()
    unscoped = ref["donor"].isna() & ref["recipient"].isna()
    if unscoped.any():
        pair = _matching_pair(ref[unscoped], facts[is_package(facts)])
        if pair is not None:
            ref.loc[unscoped, "donor"], ref.loc[unscoped, "recipient"] = pair
    return ref.astype(REFERENCE_DTYPES)


def _matching_pair(ref: pd.DataFrame, packages: pd.DataFrame) -> tuple[str, str] | None:
    pk = packages.dropna(subset=["donor", "recipient", "event_date", "value"])
    if pk.empty or ref.empty:
        return None
    ref_days = ref["date"].to_numpy("datetime64[D]").astype(np.int64)
    ref_amounts = ref["amount"].to_numpy(float, na_value=np.nan)
    scores: dict[tuple[str, str], int] = {}
    for rec in pk.itertuples(index=False):
        amount = rec.value if rec.currency == ref["currency"].iloc[0] else None
        if amount is None:
            continue
        day = np.datetime64(rec.event_date, "D").astype(np.int64)
        hit = (np.abs(ref_days - day) <= 2) & (np.abs(ref_amounts - amount) <= 0.005 * abs(amount))
        if hit.any():
            scores[(rec.donor, rec.recipient)] = scores.get((rec.donor, rec.recipient), 0) + 1
    return max(scores, key=scores.get) if scores else None


def _reference_sum(ref: pd.DataFrame, claim: dict, start: pd.Timestamp, end: pd.Timestamp,
                   factor: float | None) -> tuple[float | None, int]:
    """Sum of the reference in the window for the claim's pair, in the claim's currency;
    None when the reference does not cover the window or the pair."""
    scoped = ref["donor"].notna() | ref["recipient"].notna()
    mine = ref[(scoped & _same(ref["donor"], claim.get("donor")) & _same(ref["recipient"], claim.get("recipient")))
               | (~scoped & (ref["currency"] == claim.get("currency")).fillna(False))]
    if mine.empty or mine["date"].min() > start or mine["date"].max() + _REFERENCE_GRACE < end:
        return None, 0
    window = mine[(mine["date"] >= start) & (mine["date"] <= end)]
    total = 0.0
    for currency, amount in window.groupby("currency")["amount"].sum().items():
        if currency == claim.get("currency"):
            total += float(amount)
        elif currency == "USD" and factor:
            total += float(amount) / factor
        else:
            return None, 0
    return total, len(window)


def _same(col: pd.Series, wanted) -> pd.Series:
    """Reference rows for ``wanted``: rows scoped to it, or unscoped rows."""
    if _missing(wanted):
        return col.isna()
    return col.isna() | (col == wanted).fillna(False)
