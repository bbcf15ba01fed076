"""De-duplication: mentions of the same figure → one fact.

Two mentions are the same fact when all of these hold:

* the same kind, role, donor, recipient, currency and unit (missing matches missing, after
  :func:`ledger.store.fact_keys.fill_within_documents` has filled an actor a headline left out
  from the body);
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
  yen)") is the same fact as the amount before it (``link`` of ``fact_keys.py``);
* dates within :data:`DATE_WINDOW_DAYS` days of the next one, where a mention's
  date is its event date, else its publication date; an undated mention merges
  only with undated ones.

The representative mention of a fact is the most precise one (smallest rounding
step relative to its value), then the earliest, then the smallest figure id; the
fact id is a hash of its figure id. Work is vectorised: exact keys are grouped
first, then each group is swept once in value order and once in date order.

What a mention is compared on (its keys, ``fact_keys.py``) depends on its document alone; the
clusters depend on the mentions of the same group (and of the groups their conversions link to)
alone. :func:`build_facts` does it all at once; the store does the same for the groups new
mentions fall in (``facts.py``), with the same functions.
"""
from __future__ import annotations

import hashlib
import math

import numpy as np
import pandas as pd

from ledger.store.fact_keys import AID_ROLES, fact_keys
from ledger.store.schema import FACT_DTYPES, typed_frame

__all__ = ["AID_ROLES", "DATE_WINDOW_DAYS", "build_facts", "clusters", "fact_id_of", "fact_frame",
           "representatives"]

DATE_WINDOW_DAYS = 7
_REL_EPS = 1e-9
#: The columns a fact takes from its representative mention.
REPRESENTED = ("kind", "role", "donor", "recipient", "currency", "unit", "item", "value", "low", "high", "qualifier",
               "value_usd", "value_eur", "surface", "sentence", "stage", "aid_type", "window_start", "window_end",
               "why", "confidence", "corrected")


def fact_id_of(figure_id: str) -> str:
    """The id of the fact whose representative mention is ``figure_id``."""
    return hashlib.sha1(f"fact:{figure_id}".encode()).hexdigest()[:16]


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


def _joined_links(cid: np.ndarray, link: pd.Series) -> np.ndarray:
    """Clusters joined when their mentions share a conversion chain, renumbered densely in the
    order of each joined set's first cluster."""
    linked = pd.DataFrame({"cid": cid, "link": link.to_numpy()}).dropna()
    if linked.empty:
        return cid
    parent = {int(c): int(c) for c in np.unique(linked["cid"])}
    for _, group in linked.groupby("link", sort=False):
        first = min(parent[int(c)] for c in group["cid"])
        for c in group["cid"].tolist():
            _join(parent, first, int(c))
    roots = pd.Series(cid).map({c: _find(parent, c) for c in list(parent)}).fillna(pd.Series(cid))
    _, dense = np.unique(roots.to_numpy(dtype=np.int64), return_inverse=True)
    return dense


def _find(parent: dict[int, int], c: int) -> int:
    while parent[c] != c:
        parent[c] = parent[parent[c]]
        c = parent[c]
    return c


def _join(parent: dict[int, int], a: int, b: int) -> None:
    ra, rb = _find(parent, a), _find(parent, b)
    if ra != rb:
        parent[max(ra, rb)] = min(ra, rb)


def clusters(keys: pd.DataFrame) -> np.ndarray:
    """A fact number per row of ``keys`` (``fact_keys`` of the mentions, in the order they were
    stored: equal values are swept in that order)."""
    gid = pd.factorize(keys["grp"])[0]
    value = keys["value"].to_numpy(dtype=float, na_value=np.nan)
    step = keys["step"].to_numpy(dtype=float, na_value=np.nan)
    days = keys["days"].to_numpy(dtype=float, na_value=np.nan)
    return _joined_links(_date_clusters(_value_clusters(gid, value, step), days), keys["link"])


def representatives(keys: pd.DataFrame, cid: np.ndarray) -> np.ndarray:
    """The position of each fact's representative mention, in fact-number order: the most precise
    (smallest step relative to the value), then the earliest, then the smallest figure id."""
    value = keys["value"].to_numpy(dtype=float, na_value=np.nan)
    step = keys["step"].to_numpy(dtype=float, na_value=np.nan)
    with np.errstate(divide="ignore", invalid="ignore"):
        rel_step = np.where(np.abs(value) > 0, step / np.abs(value), 0.0)
    rel_step = np.nan_to_num(rel_step, nan=np.inf)
    days = np.nan_to_num(keys["days"].to_numpy(dtype=float, na_value=np.nan), nan=np.inf)
    fig_ids = keys["figure_id"].astype(object).to_numpy().astype(str)
    order = np.lexsort((fig_ids, days, rel_step, cid))
    first = np.ones(len(order), dtype=bool)
    first[1:] = cid[order][1:] != cid[order][:-1]
    return order[first]


def _joined(m: pd.DataFrame, cid: np.ndarray, column: str, n_facts: int) -> np.ndarray:
    """Per fact: the sorted distinct non-empty values of ``column`` joined by "; "."""
    pairs = pd.DataFrame({"cid": cid, "v": m[column].astype(object).to_numpy()}).dropna()
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


def fact_frame(m: pd.DataFrame, rep: np.ndarray, cid: np.ndarray, fact_ids: np.ndarray) -> pd.DataFrame:
    """The facts (``FACT_DTYPES``) of mentions ``m`` (with the actors filled within documents):
    the representative's values, the earliest dates, the counts and the documents of each fact's
    mentions (``cid``: fact numbers 0..n-1, ``rep``: positions of the representatives)."""
    by_cid = pd.DataFrame({"cid": cid, "event_date": pd.to_datetime(m["event_date"]).to_numpy(),
                           "published": pd.to_datetime(m["published"]).to_numpy(),
                           "doc_id": m["doc_id"].to_numpy()})
    grouped = by_cid.groupby("cid", sort=True)
    if "corrected" not in m:  # rows straight from the rules: nothing corrected
        m = m.assign(corrected=pd.NA)
    facts = m.iloc[rep][list(REPRESENTED)].reset_index(drop=True)
    facts["fact_id"] = fact_ids
    facts["event_date"] = grouped["event_date"].min().to_numpy()
    facts["first_published"] = grouped["published"].min().to_numpy()
    facts["n_mentions"] = grouped.size().to_numpy()
    facts["n_documents"] = grouped["doc_id"].nunique().to_numpy()
    for column, source in (("doc_ids", "doc_id"), ("sources", "source"), ("urls", "url")):
        facts[column] = _joined(m, cid, source, len(fact_ids))
    return facts[list(FACT_DTYPES)].astype(FACT_DTYPES)


def build_facts(mentions: pd.DataFrame) -> tuple[pd.DataFrame, pd.Series]:
    """Facts (``FACT_DTYPES``) from mentions (in the order stored), and the fact id of each
    mention (same index)."""
    if mentions.empty:
        return typed_frame([], FACT_DTYPES), pd.Series([], index=mentions.index, dtype="string")
    m = mentions.reset_index(drop=True)
    keys = fact_keys(m)
    cid = clusters(keys)
    rep = representatives(keys, cid)
    fact_ids = np.array([fact_id_of(f) for f in keys["figure_id"].to_numpy()[rep]], dtype=object)
    facts = fact_frame(m.assign(donor=keys["donor"], recipient=keys["recipient"]), rep, cid, fact_ids)
    per_mention = pd.Series(fact_ids[cid], index=mentions.index, dtype="string", name="fact_id")
    return facts, per_mention
