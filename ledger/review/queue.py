"""The review queue: the facts that feed totals, the most money in doubt first.

One row per fact with an aid role (package, component, cumulative, budget), per fact an analyst
corrected (whatever its role now), and per group of figures an analyst excluded. A row carries the
key of the fact's representative mention (``doc_id``, ``start``, ``end``, ``surface``: what an
import finds the figure by), the editable fields, the read-only evidence, and ``exported``: the
editable values as written (an import compares the cells with them to find what was edited).
Rows are sorted by ``stake_usd`` = ``value_usd`` × (1 − ``confidence``), then by doubt.
"""
from __future__ import annotations

import json

import numpy as np
import pandas as pd

from ledger.model import AID_ROLES, CORRECTION_FIELDS
from ledger.store.corrected import is_excluded, number_text
from ledger.store.dedup import build_facts, fact_id_of

KEY_COLUMNS = ("doc_id", "start", "end", "surface")
EDITABLE = CORRECTION_FIELDS
#: The review file's columns: doubt first, then the figure, the editable fields, the evidence, the key.
REVIEW_COLUMNS = ("stake_usd", "confidence", "surface", "item", *EDITABLE, "sentence", "why", "link", "currency",
                  "value_usd", "event_date", "title", "n_documents", "corrected", "kind", "fact_id", "doc_id",
                  "start", "end", "exported")
_FROM_FACT = ("fact_id", "kind", "item", "role", "donor", "recipient", "stage", "aid_type", "value",
              "currency", "value_usd", "event_date", "why", "confidence", "corrected", "n_documents", "sentence")


def groups(mentions: pd.DataFrame) -> pd.Series:
    """Per mention, the fact it belongs to; an excluded mention, the fact its excluded group would
    make (``x:`` + fact id): the figures one review row stands for."""
    out = mentions["fact_id"].astype("string").copy()
    excluded = is_excluded(mentions)
    if excluded.any():
        _, ids = build_facts(mentions[excluded])
        out.loc[ids.index] = "x:" + ids
    return out


def review_queue(facts: pd.DataFrame, mentions: pd.DataFrame, corrections: pd.DataFrame) -> pd.DataFrame:
    """The review rows (``REVIEW_COLUMNS``) for the store's facts, mentions (corrected, with
    ``fact_id``) and corrections."""
    excluded = is_excluded(mentions)
    pseudo, _ = build_facts(mentions[excluded]) if excluded.any() else (facts.iloc[:0], None)
    chosen = facts[facts["role"].isin(AID_ROLES).fillna(False) | facts["corrected"].notna()]
    rows = pd.concat([chosen.assign(exclude="no"), pseudo.assign(exclude="yes")], ignore_index=True)
    rows = rows[[*_FROM_FACT, "exclude"]].merge(_representatives(mentions, corrections), on="fact_id", how="left")
    rows["stake_usd"] = (rows["value_usd"] * (1 - rows["confidence"].fillna(0.0))).round(2)
    rows["_doubt"] = 1 - rows["confidence"].fillna(0.0)
    rows = rows.sort_values(["stake_usd", "_doubt", "fact_id"], ascending=[False, False, True],
                            na_position="last", kind="stable").reset_index(drop=True)
    rows["exported"] = [json.dumps(v, ensure_ascii=False, sort_keys=True) for v in editable_values(rows)]
    return rows[list(REVIEW_COLUMNS)]


def _representatives(mentions: pd.DataFrame, corrections: pd.DataFrame) -> pd.DataFrame:
    """Per fact (and excluded group), its representative mention's key, link, title and note."""
    ids = mentions["figure_id"].astype(str).map(fact_id_of)
    rep = mentions.assign(fact_id=ids)[[*KEY_COLUMNS, "fact_id", "url", "source", "title", "figure_id"]]
    rep = rep.drop_duplicates("fact_id")
    rep["link"] = rep["url"].fillna(rep["source"])
    notes = corrections[corrections["field"] == "note"][["figure_id", "set_to"]].dropna(subset=["figure_id"])
    rep = rep.merge(notes.drop_duplicates("figure_id").rename(columns={"set_to": "note"}), on="figure_id",
                    how="left")
    return rep.drop(columns=["url", "source", "figure_id"])


def editable_values(rows: pd.DataFrame) -> list[dict[str, str | None]]:
    """The editable fields of each row as text, the way an import compares them."""
    out = []
    for rec in rows[list(EDITABLE)].astype(object).to_dict(orient="records"):
        out.append({f: field_text(f, rec[f]) for f in EDITABLE})
    return out


def field_text(field: str, value) -> str | None:
    """One editable value as text: numbers without a needless decimal point, empty as None."""
    if value is None or value is pd.NA or (isinstance(value, float) and np.isnan(value)):
        return "no" if field == "exclude" else None
    if field == "value":
        return number_text(value)
    text = str(value).strip()
    return text or ("no" if field == "exclude" else None)
