"""Reconciliation of cumulative claims ("brings the total since February 24 to more than
$19.3 billion") with the package facts in the same window and, optionally, a reference series.

Like is compared with like: for each claim, the packages of the same donor → recipient, of the same
kind of aid (``aid_type``: a humanitarian total is never checked against military packages), dated in
the claim's own window (``window_start``..``window_end``, both inclusive: "since February 24", "in
2022", "since the beginning of this administration"), summed in the claim's currency. The claim admits
an interval of amounts that follows its qualifier (:func:`ledger.analyse.claims.claim_interval`).
Differences (``*_diff``) are in the claim's currency.

``verdict`` judges the claim against the reference when one covers the window and the kind of aid,
else against the corpus: ``consistent`` | ``claim disagrees`` | ``unverified: corpus short`` (no
reference, and the corpus holds less than claimed) | ``no baseline`` (no window) | ``no donor or
recipient`` (nothing to compare a claim with an unknown side with) | ``no amount``.
``corpus_verdict`` judges the corpus: ``consistent`` | ``corpus misses packages`` (short of the claim;
with a reference that agrees with the claim this is certain) | ``corpus exceeds claim``.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from ledger.analyse.claims import aid_types, claim_interval, claim_window, finite, missing, state
from ledger.analyse.reference import REFERENCE_DTYPES, reference_frame, series_aid_type
from ledger.analyse.series import PackageSeries, is_package, package_series

CONSISTENT = "consistent"
MISSES = "corpus misses packages"
EXCEEDS = "corpus exceeds claim"
DISAGREES = "claim disagrees"
UNVERIFIED = "unverified: corpus short"
NO_BASELINE = "no baseline"
NO_PAIR = "no donor or recipient"
NO_AMOUNT = "no amount"

RECONCILE_DTYPES: dict[str, str] = {
    "fact_id": "string", "claim_date": "datetime64[ns]", "donor": "string", "recipient": "string",
    "aid_type": "string", "surface": "string", "qualifier": "string", "value": "Float64", "currency": "string",
    "window_start": "datetime64[ns]", "window_end": "datetime64[ns]", "window_phrase": "string",
    "claim_low": "Float64", "claim_high": "Float64",
    "corpus_sum": "Float64", "n_packages": "Int64", "corpus_diff": "Float64", "corpus_ratio": "Float64",
    "reference_sum": "Float64", "n_reference": "Int64", "reference_diff": "Float64",
    "reference_ratio": "Float64", "verdict": "string", "corpus_verdict": "string", "sentence": "string",
}

_REFERENCE_GRACE = pd.Timedelta(days=31)  # a reference is trusted this long after its last row


def reconcile(facts: pd.DataFrame, reference: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per cumulative money claim in ``facts`` (typed by ``FACT_DTYPES``), by claim date."""
    claims = facts[((facts["kind"] == "money") & (facts["role"] == "cumulative")).fillna(False).astype(bool)]
    claims = claims.assign(aid_type=aid_types(claims))
    series = package_series(facts[is_package(facts)])
    ref = _scoped_reference(reference, facts) if reference is not None else None
    rows = [_reconcile_one(claim, series, ref) for claim in claims.to_dict(orient="records")]
    out = pd.DataFrame(rows, columns=list(RECONCILE_DTYPES)).astype(RECONCILE_DTYPES)
    return out.sort_values(["claim_date", "donor", "recipient", "fact_id"], kind="stable",
                           na_position="last").reset_index(drop=True)


def _claim_date(claim: dict) -> pd.Timestamp | None:
    for key in ("event_date", "first_published"):
        if not missing(claim.get(key)):
            return pd.Timestamp(claim[key]).normalize()
    return None


def _reconcile_one(claim: dict, series: dict, ref: pd.DataFrame | None) -> dict:
    out = {k: claim.get(k) for k in ("fact_id", "donor", "recipient", "aid_type", "surface", "qualifier", "value",
                                     "currency", "sentence")}
    end = _claim_date(claim)
    out["claim_date"] = end
    bounds = claim_interval(claim.get("surface") or "", _none(claim.get("value")), _none(claim.get("low")),
                            _none(claim.get("high")), claim.get("qualifier") or "exact")
    if bounds is None or end is None:
        return {**out, "verdict": NO_AMOUNT}
    out["claim_low"], out["claim_high"] = finite(bounds[0]), finite(bounds[1])
    span = claim_window(claim, end.date())
    start = None
    if span is not None:
        start, end = pd.Timestamp(span[0]), pd.Timestamp(span[1])
        out["window_phrase"] = span[2] or None
    out["window_start"], out["window_end"] = start, end
    factor, aid = _usd_factor(claim), _none(claim.get("aid_type"))
    pkg: PackageSeries | None = series.get((_none(claim.get("donor")), _none(claim.get("recipient"))))
    total, n = pkg.window_sum(start, end, claim.get("currency"), factor, aid) if pkg else (0.0, 0)
    out.update(corpus_sum=total, n_packages=n, **_compare("corpus", total, claim))
    corpus_state = state(total, bounds)
    out["corpus_verdict"] = {0: CONSISTENT, -1: MISSES, 1: EXCEEDS}[corpus_state]
    ref_state = None
    if ref is not None and start is not None:
        ref_total, ref_n = _reference_sum(ref, claim, start, end, factor)
        if ref_total is not None:
            out.update(reference_sum=ref_total, n_reference=ref_n, **_compare("reference", ref_total, claim))
            ref_state = state(ref_total, bounds)
    out["verdict"] = _verdict(span is not None, corpus_state, ref_state)
    if ref_state is None and (_none(claim.get("donor")) is None or _none(claim.get("recipient")) is None):
        out["verdict"] = NO_PAIR
    return out


def _verdict(has_baseline: bool, corpus_state: int, ref_state: int | None) -> str:
    if ref_state is not None:
        return CONSISTENT if ref_state == 0 else DISAGREES
    if not has_baseline:
        return NO_BASELINE
    return {0: CONSISTENT, 1: DISAGREES, -1: UNVERIFIED}[corpus_state]


def _compare(prefix: str, total: float, claim: dict) -> dict:
    value = _none(claim.get("value"))
    if value is None:
        lo, hi = _none(claim.get("low")), _none(claim.get("high"))
        value = (lo + hi) / 2 if lo is not None and hi is not None else None
    if not value:
        return {}
    return {f"{prefix}_diff": total - value, f"{prefix}_ratio": total / value}


def _none(x):
    return None if missing(x) else x


def _usd_factor(claim: dict) -> float | None:
    """US$ per unit of the claim's currency, from its own conversion."""
    value, usd = _none(claim.get("value")), _none(claim.get("value_usd"))
    if value and usd:
        return float(usd) / float(value)
    return 1.0 if claim.get("currency") == "USD" else None


def _scoped_reference(reference: pd.DataFrame, facts: pd.DataFrame) -> pd.DataFrame:
    """The reference, typed, with the kind of aid of each series (``aid_type``); rows without a pair
    get the donor → recipient whose package facts match its rows (same day ±2, same amount within
    0.5 %), if any."""
    ref = reference_frame(reference).copy()
    unscoped = ref["donor"].isna() & ref["recipient"].isna()
    if unscoped.any():
        pair = _matching_pair(ref[unscoped], facts[is_package(facts)])
        if pair is not None:
            ref.loc[unscoped, "donor"], ref.loc[unscoped, "recipient"] = pair
    return ref.astype(REFERENCE_DTYPES).assign(
        aid_type=pd.array([series_aid_type(s) for s in ref["series"]], dtype="string"))


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
    aid = _none(claim.get("aid_type"))
    same_aid = ref["aid_type"].isna() | ((ref["aid_type"] == aid).fillna(False) if aid else False)
    mine = ref[same_aid & ((scoped & _same(ref["donor"], claim.get("donor"))
                            & _same(ref["recipient"], claim.get("recipient")))
                           | (~scoped & (ref["currency"] == claim.get("currency")).fillna(False)))]
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
    if missing(wanted):
        return col.isna()
    return col.isna() | (col == wanted).fillna(False)
