"""What de-duplication compares about each mention: its keys (``fact_keys``).

The keys of a mention depend only on the mentions of its own document (an actor a headline left
out is filled from the body, an amount restated in another currency is linked to the amount before
it), so they are computed once per document and kept in the store (``ledger/store/facts.py``):

* ``grp``: the exact keys as one text (kind, role, donor, recipient, currency, unit, scope, shape,
  and the wording of amounts without digits); two mentions can be one fact only with equal texts;
  ``shared``: 1 when the group reaches across documents (figures with an aid role), 0 when it is
  the document's own;
* ``value``: the value the clusters compare (a range's midpoint), ``step``: its rounding step as
  written, ``days``: its date (event date, else publication) in days since 1970;
* ``link``: for an amount restated in another currency in the same sentence, the label of the
  first mention of its chain (the same for the whole chain; empty otherwise);
* ``donor`` and ``recipient`` as filled within the document, and ``figure_id``.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

AID_ROLES = frozenset({"package", "component", "cumulative", "budget"})
_KEYS = ("kind", "role", "donor", "recipient", "currency", "unit")
_NUMBER = r"(\d[\d,]*)(?:\.(\d+))?"
#: Two amounts of one sentence in two currencies are one amount written twice when their US$
#: values differ by at most this share ("$5.5 billion (737 billion yen)").
CONVERSION_TOLERANCE = 0.12
#: The columns of a frame of keys, in the order the store keeps them.
KEY_COLUMNS = ("doc_id", "grp", "shared", "value", "step", "days", "figure_id", "donor", "recipient", "link")


def floats(series: pd.Series) -> np.ndarray:
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


def _group_keys(m: pd.DataFrame, value: np.ndarray, point: np.ndarray) -> tuple[pd.Series, np.ndarray]:
    """A text per mention: equal when every exact key (and the scope) is equal. Each part is
    prefixed by its length, so no two different key tuples give the same text. And whether the
    group reaches across documents (an aid role)."""
    parts = [m[k].astype(object).where(m[k].notna(), "").astype(str) for k in _KEYS]
    parts[1] = parts[1].where(parts[1] != "", "other")
    aid = parts[1].isin(AID_ROLES).to_numpy()
    parts.append(pd.Series(np.where(aid, "", m["doc_id"].astype(object).to_numpy()), index=m.index))
    parts.append(pd.Series(np.where(point, "p", "r"), index=m.index))
    wording = m["surface"].astype(object).fillna("").astype(str).str.lower().to_numpy()
    parts.append(pd.Series(np.where(np.isnan(value), wording, ""), index=m.index))
    key = pd.Series("", index=m.index, dtype=object)
    for part in parts:
        key = key + part.str.len().astype(str) + ":" + part + "|"
    return key, aid


def _days(series: pd.Series) -> np.ndarray:
    dates = pd.to_datetime(series, errors="coerce")
    ns = dates.to_numpy(dtype="datetime64[ns]").astype("int64").astype(float)
    return np.where(dates.isna().to_numpy(), np.nan, ns / 86_400e9)


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
        "value": floats(m["value"]), "aid": aid,
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


def _conversion_links(m: pd.DataFrame) -> pd.Series:
    """Per mention, the label of the first mention of its chain of conversions, NA when it has none.

    Only money with the same role and actors in one sentence of one document is compared (in the
    order of the amounts), so the loop runs over a handful of candidates, not over the ledger.
    """
    out = pd.Series(pd.NA, index=m.index, dtype="Int64")
    usd = floats(m["value_usd"])
    money = (m["kind"] == "money").fillna(False).to_numpy() & ~np.isnan(usd)
    if money.sum() < 2:
        return out
    keys = ["doc", "sentence", "role", "donor", "recipient"]
    cand = pd.DataFrame({
        "doc": m["doc_id"].astype(object), "sentence": m["sentence"].astype(object).fillna(""),
        "role": m["role"].astype(object).fillna(""), "donor": m["donor"].astype(object).fillna(""),
        "recipient": m["recipient"].astype(object).fillna(""), "cur": m["currency"].astype(object).fillna(""),
        "start": pd.to_numeric(m["start"], errors="coerce"), "usd": usd, "label": m.index,
    })[money]
    multi = cand[cand.groupby(keys)["cur"].transform("nunique") > 1]
    parent: dict[int, int] = {}
    for _, group in multi.sort_values("start", kind="stable").groupby(keys, sort=False):
        rows = list(group[["cur", "usd", "label"]].itertuples(index=False))
        for prev, cur in zip(rows, rows[1:]):
            if prev.cur != cur.cur and abs(prev.usd - cur.usd) <= CONVERSION_TOLERANCE * max(prev.usd, cur.usd):
                _union(parent, int(prev.label), int(cur.label))
    for label in parent:
        out.loc[label] = _root(parent, label)
    return out


def _root(parent: dict[int, int], c: int) -> int:
    while parent.get(c, c) != c:
        parent[c] = parent.get(parent[c], parent[c])
        c = parent[c]
    return c


def _union(parent: dict[int, int], a: int, b: int) -> None:
    """Join the chains of ``a`` and ``b``; a chain's root is its smallest label."""
    parent.setdefault(a, a)
    parent.setdefault(b, b)
    ra, rb = _root(parent, a), _root(parent, b)
    if ra != rb:
        parent[max(ra, rb)] = min(ra, rb)


def fact_keys(mentions: pd.DataFrame) -> pd.DataFrame:
    """The keys (:data:`KEY_COLUMNS`) of every mention of whole documents (same index, whose labels
    are integers: the store's mention ids, or positions)."""
    m = fill_within_documents(mentions)
    value, low, high = floats(m["value"]), floats(m["low"]), floats(m["high"])
    point = ~np.isnan(value)
    with np.errstate(invalid="ignore"):
        ends = np.where(np.isnan(low), high, np.where(np.isnan(high), low, (low + high) / 2))
    cluster_value = np.where(point, value, ends)
    step = _rounding_steps(m["surface"], np.where(point, value, np.where(np.isnan(low), high, low)))
    grp, shared = _group_keys(m, cluster_value, point)
    return pd.DataFrame({
        "doc_id": m["doc_id"].astype(object), "grp": grp, "shared": shared.astype(np.int64),
        "value": cluster_value, "step": step,
        "days": _days(m["event_date"].where(m["event_date"].notna(), m["published"])),
        "figure_id": m["figure_id"].astype(object), "donor": m["donor"].astype(object),
        "recipient": m["recipient"].astype(object), "link": _conversion_links(m),
    }, index=mentions.index)
