"""De-duplication: mentions of the same figure → one fact.

Two mentions are the same fact when all of these hold:

* the same kind, role, donor, recipient, currency and unit (missing matches missing, after
  :func:`fill_within_documents` has filled an actor a headline left out from the body);
* the same scope: figures with an aid role (package, component, cumulative,
  budget) merge across documents; any other figure (role ``other`` or none: a
  percentage, a count of trucks) merges only within its own document (title and
  body repeating it), because equal numbers in two articles are rarely the same fact;
* values within rounding: the less precise of two values, as written, rounds to
  the other ("$19.3 billion" ~ "$19.34 billion": 19.34 rounds to 19.3 at one
  decimal; "$100 million" does not absorb "$149 million"); ranges merge on their
  midpoint with ranges only; amounts without any digits ("hundreds") only with
  the same wording;
* an amount restated in another currency in the same sentence ("$5.5 billion (737 billion
  yen)") is the same fact as the amount before it (:func:`_merge_conversions`);
* dates within :data:`DATE_WINDOW_DAYS` days of the next one, where a mention's
  date is its event date, else its publication date; an undated mention merges
  only with undated ones.

The representative mention of a fact is the most precise one (smallest rounding
step relative to its value), then the earliest, then the smallest figure id; the
fact id is a hash of its figure id. Work is vectorised: exact keys are grouped
first, then each group is swept once in value order and once in date order.
"""
from __future__ import annotations

import hashlib
import math

import numpy as np
import pandas as pd

from ledger.store.schema import FACT_DTYPES, typed_frame

AID_ROLES = frozenset({"package", "component", "cumulative", "budget"})
DATE_WINDOW_DAYS = 7
_KEYS = ("kind", "role", "donor", "recipient", "currency", "unit")
_NUMBER = r"(\d[\d,]*)(?:\.(\d+))?"
_REL_EPS = 1e-9


def fact_id_of(figure_id: str) -> str:
    """The id of the fact whose representative mention is ``figure_id``."""
    return hashlib.sha1(f"fact:{figure_id}".encode()).hexdigest()[:16]


def _floats(series: pd.Series) -> np.ndarray:
    return pd.to_numeric(series, errors="coerce").astype("float64").to_numpy(na_value=np.nan)


def _written_precision(surfaces: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """(first number as written, its decimal places) per surface; NaN without digits."""
    unique = pd.Series(pd.unique(surfaces.fillna("").astype(object)), dtype=object)
    parts = unique.str.extract(_NUMBER)
    number = pd.to_numeric(parts[0].str.replace(",", "", regex=False), errors="coerce")
    decimals = parts[1].str.len().fillna(0)
    number = number + pd.to_numeric("0." + parts[1], errors="coerce").fillna(0)
    lookup_n = dict(zip(unique, number.to_numpy(dtype=float, na_value=np.nan)))
    lookup_d = dict(zip(unique, decimals.to_numpy(dtype=float)))
    keys = surfaces.fillna("").astype(object)
    return keys.map(lookup_n).to_numpy(dtype=float), keys.map(lookup_d).to_numpy(dtype=float)


def _rounding_steps(surfaces: pd.Series, reference: np.ndarray) -> np.ndarray:
    """The rounding step of each value as written: "$19.3 billion" → 0.1e9; 0 if unknown."""
    written, decimals = _written_precision(surfaces)
    with np.errstate(divide="ignore", invalid="ignore"):
        scale = np.abs(reference) / written
    step = scale * np.power(10.0, -decimals)
    return np.where(np.isfinite(step) & (written > 0), step, 0.0)


def _group_ids(m: pd.DataFrame, value: np.ndarray, point: np.ndarray) -> np.ndarray:
    """An integer per mention: equal when every exact key (and the scope) is equal."""
    keys = pd.DataFrame({k: m[k].astype(object).where(m[k].notna(), "") for k in _KEYS})
    keys["role"] = keys["role"].where(keys["role"] != "", "other")
    aid = keys["role"].isin(AID_ROLES).to_numpy()
    keys["scope"] = np.where(aid, "", m["doc_id"].astype(object).to_numpy())
    keys["shape"] = np.where(point, "p", "r")
    wording = m["surface"].astype(object).fillna("").str.lower().to_numpy()
    keys["wording"] = np.where(np.isnan(value), wording, "")
    return keys.groupby(list(keys.columns), sort=False, dropna=False).ngroup().to_numpy()


def _value_clusters(gid: np.ndarray, value: np.ndarray, step: np.ndarray) -> np.ndarray:
    """Split each group in value order where two values cannot be roundings of each other.

    A value joins the current cluster when it and the previous value round to each
    other, or when it rounds to the cluster's coarsest value. Only groups with more
    than one mention need the sequential sweep; the rest are one cluster each.
    """
    order = np.lexsort((value, gid))
    g_s, v_s, s_s = gid[order], value[order], step[order]
    new = np.ones(len(order), dtype=bool)
    same_group = np.zeros(len(order), dtype=bool)
    same_group[1:] = g_s[1:] == g_s[:-1]
    values, steps = v_s.tolist(), s_s.tolist()
    coarse = 0  # index of the coarsest value of the current cluster
    for i in np.flatnonzero(same_group).tolist():
        if new[i - 1]:  # i - 1 opened a cluster (or its group)
            coarse = i - 1
        if _joins(values[i], values[i - 1], steps[i], steps[i - 1], values[coarse], steps[coarse]):
            new[i] = False
            if steps[i] > steps[coarse]:
                coarse = i
    out = np.empty(len(order), dtype=np.int64)
    out[order] = np.cumsum(new) - 1
    return out


def _joins(v: float, prev_v: float, step: float, prev_step: float, coarse_v: float,
           coarse_step: float) -> bool:
    """Whether ``v`` belongs to the cluster holding the previous value and the coarse one."""
    if math.isnan(v) or math.isnan(prev_v):  # no digits: the group key holds the wording
        return math.isnan(v) and math.isnan(prev_v)
    eps = _REL_EPS * max(abs(v), abs(prev_v))
    return v - prev_v <= max(step, prev_step) / 2 + eps or abs(v - coarse_v) <= coarse_step / 2 + eps


def _date_clusters(vcid: np.ndarray, days: np.ndarray) -> np.ndarray:
    """Split each value cluster in date order at gaps over the window; undated apart."""
    undated = np.isnan(days)
    d = np.where(undated, 0.0, days)
    order = np.lexsort((d, undated, vcid))
    v_s, u_s, d_s = vcid[order], undated[order], d[order]
    new = np.ones(len(order), dtype=bool)
    new[1:] = (v_s[1:] != v_s[:-1]) | (u_s[1:] != u_s[:-1]) | (d_s[1:] - d_s[:-1] > DATE_WINDOW_DAYS)
    out = np.empty(len(order), dtype=np.int64)
    out[order] = np.cumsum(new) - 1
    return out


def _days(series: pd.Series) -> np.ndarray:
    dates = pd.to_datetime(series, errors="coerce")
    ns = dates.to_numpy(dtype="datetime64[ns]").astype("int64").astype(float)
    return np.where(dates.isna().to_numpy(), np.nan, ns / 86_400e9)


def _joined(m: pd.DataFrame, cid: np.ndarray, column: str, n_facts: int) -> np.ndarray:
    """Per fact: the sorted distinct non-empty values of ``column`` joined by "; "."""
    pairs = pd.DataFrame({"cid": cid, "v": m[column].astype(object)}).dropna()
    pairs = pairs[pairs["v"] != ""].drop_duplicates().sort_values(["cid", "v"])
    out = np.full(n_facts, None, dtype=object)
    counts = pairs["cid"].value_counts()
    single = pairs[pairs["cid"].map(counts) == 1]
    out[single["cid"].to_numpy()] = single["v"].to_numpy()
    multi = pairs[pairs["cid"].map(counts) > 1]
    if len(multi):
        joined = multi.groupby("cid", sort=False)["v"].agg("; ".join)
        out[joined.index.to_numpy()] = joined.to_numpy()
    return out


def fill_within_documents(m: pd.DataFrame) -> pd.DataFrame:
    """Donor and recipient a mention lacks, taken from the same amount elsewhere in its document.

    A headline ("Berlin sends €2.7 billion") often names fewer actors than the body that
    repeats the amount; within one document, mentions with the same kind, role family
    (aid or not), currency and value are the same figure, so a missing actor is filled
    when the document's other mentions of it name exactly one.
    """
    aid = m["role"].isin(AID_ROLES).fillna(False).to_numpy()
    if not aid.any():
        return m
    keys = pd.DataFrame({
        "doc": m["doc_id"].astype(object), "kind": m["kind"].astype(object),
        "cur": m["currency"].astype(object).where(m["currency"].notna(), ""),
        "value": _floats(m["value"]), "aid": aid,
    })
    keys["value"] = np.where(np.isnan(keys["value"]), -1.0, keys["value"])
    gid = keys.groupby(list(keys.columns), sort=False, dropna=False).ngroup()
    out = m
    for column in ("donor", "recipient"):
        col = m[column].astype(object)
        known = pd.DataFrame({"g": gid, "v": col}).dropna()
        distinct = known.drop_duplicates().groupby("g")["v"]
        sole = distinct.first()[distinct.size() == 1]
        fill = gid.map(sole)
        missing = col.isna().to_numpy() & aid & fill.notna().to_numpy()
        if missing.any():
            if out is m:
                out = m.copy()
            out.loc[missing, column] = fill[missing].to_numpy()
    return out


#: Two amounts of one sentence in two currencies are one amount written twice when their US$
#: values differ by at most this share ("$5.5 billion (737 billion yen)").
CONVERSION_TOLERANCE = 0.12


def _merge_conversions(m: pd.DataFrame, cid: np.ndarray) -> np.ndarray:
    """Join the fact of an amount restated in another currency in the same sentence to the first.

    Only money with the same role and actors in one sentence of one document is compared,
    so the loop runs over a handful of candidates, not over the ledger.
    """
    usd = _floats(m["value_usd"])
    money = (m["kind"] == "money").fillna(False).to_numpy() & ~np.isnan(usd)
    if money.sum() < 2:
        return cid
    cand = pd.DataFrame({
        "doc": m["doc_id"].astype(object), "sentence": m["sentence"].astype(object).fillna(""),
        "role": m["role"].astype(object).fillna(""), "donor": m["donor"].astype(object).fillna(""),
        "recipient": m["recipient"].astype(object).fillna(""), "cur": m["currency"].astype(object).fillna(""),
        "start": pd.to_numeric(m["start"], errors="coerce"), "usd": usd, "cid": cid,
    })[money]
    keys = ["doc", "sentence", "role", "donor", "recipient"]
    multi = cand[cand.groupby(keys)["cur"].transform("nunique") > 1]
    if multi.empty:
        return cid
    parent = {int(c): int(c) for c in np.unique(cid)}

    def root(c: int) -> int:
        while parent[c] != c:
            parent[c] = parent[parent[c]]
            c = parent[c]
        return c

    for _, group in multi.sort_values("start").groupby(keys, sort=False):
        rows = list(group[["cur", "usd", "cid"]].itertuples(index=False))
        for prev, cur in zip(rows, rows[1:]):
            if prev.cur != cur.cur and abs(prev.usd - cur.usd) <= CONVERSION_TOLERANCE * max(prev.usd, cur.usd):
                a, b = root(int(prev.cid)), root(int(cur.cid))
                if a != b:
                    parent[max(a, b)] = min(a, b)
    roots = np.array([root(int(c)) for c in cid])
    _, dense = np.unique(roots, return_inverse=True)
    return dense


#: The columns a fact takes from its representative mention.
REPRESENTED = ("kind", "role", "donor", "recipient", "currency", "unit", "item", "value", "low", "high", "qualifier",
               "value_usd", "value_eur", "surface", "sentence", "stage", "aid_type", "window_start", "window_end",
               "why", "confidence", "corrected")


def _fact_frame(m: pd.DataFrame, rep: np.ndarray, cid: np.ndarray, fact_ids: np.ndarray) -> pd.DataFrame:
    """The facts (``FACT_DTYPES``): the representative's values, the earliest dates, the counts and
    the documents of each fact's mentions."""
    by_cid = pd.DataFrame({"cid": cid, "event_date": pd.to_datetime(m["event_date"]),
                           "published": pd.to_datetime(m["published"]), "doc_id": m["doc_id"]})
    grouped = by_cid.groupby("cid", sort=True)
    if "corrected" not in m:  # rows straight from the rules: nothing corrected
        m = m.assign(corrected=pd.NA)
    facts = m.loc[rep, list(REPRESENTED)].reset_index(drop=True)
    facts["fact_id"] = fact_ids
    facts["event_date"] = grouped["event_date"].min().to_numpy()
    facts["first_published"] = grouped["published"].min().to_numpy()
    facts["n_mentions"] = grouped.size().to_numpy()
    facts["n_documents"] = grouped["doc_id"].nunique().to_numpy()
    for column, source in (("doc_ids", "doc_id"), ("sources", "source"), ("urls", "url")):
        facts[column] = _joined(m, cid, source, len(fact_ids))
    return facts[list(FACT_DTYPES)].astype(FACT_DTYPES)


def build_facts(mentions: pd.DataFrame) -> tuple[pd.DataFrame, pd.Series]:
    """Facts (``FACT_DTYPES``) from mentions, and the fact id of each mention (same index)."""
    if mentions.empty:
        return typed_frame([], FACT_DTYPES), pd.Series([], index=mentions.index, dtype="string")
    m = fill_within_documents(mentions.reset_index(drop=True))
    value, low, high = _floats(m["value"]), _floats(m["low"]), _floats(m["high"])
    point = ~np.isnan(value)
    with np.errstate(invalid="ignore"):
        ends = np.where(np.isnan(low), high, np.where(np.isnan(high), low, (low + high) / 2))
    cluster_value = np.where(point, value, ends)
    step = _rounding_steps(m["surface"], np.where(point, value, np.where(np.isnan(low), high, low)))
    days = _days(m["event_date"].where(m["event_date"].notna(), m["published"]))

    gid = _group_ids(m, cluster_value, point)
    cid = _merge_conversions(m, _date_clusters(_value_clusters(gid, cluster_value, step), days))

    with np.errstate(divide="ignore", invalid="ignore"):
        rel_step = np.where(np.abs(cluster_value) > 0, step / np.abs(cluster_value), 0.0)
    rel_step = np.nan_to_num(rel_step, nan=np.inf)
    fig_ids = m["figure_id"].astype(object).to_numpy()
    order = np.lexsort((fig_ids.astype(str), np.nan_to_num(days, nan=np.inf), rel_step, cid))
    first = np.ones(len(order), dtype=bool)
    first[1:] = cid[order][1:] != cid[order][:-1]
    rep = order[first]  # representative mention per fact, in fact-number order

    fact_ids = np.array([fact_id_of(f) for f in fig_ids[rep]], dtype=object)
    facts = _fact_frame(m, rep, cid, fact_ids)
    per_mention = pd.Series(fact_ids[cid], index=mentions.index, dtype="string", name="fact_id")
    return facts, per_mention
