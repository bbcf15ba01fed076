"""Mentions as the analysts corrected them: each stored correction finds its figure and sets its field.

A correction is keyed by what its figure is: document, character span and surface
(``ledger.model.Correction``), never a row number or a fact id. After a re-run with changed rules
it finds its figure by the first rule of :data:`MATCH_RULES` that gives a mention of the same
document (the same span and surface; the same span; an overlapping span whose surface holds the
other; the same surface in the same sentence), among the mentions that no earlier rule gave to
another key. A correction that finds no
figure is *stale*: it stays in the store, applies to nothing and is reported.

Applying one sets the field on the mention before the facts are built (so totals follow), names
the field in ``corrected``, rewrites the field's entry of ``why`` (``role=other by review (rules:
package by aid-noun "aid package")``) and sets ``confidence`` to 1. ``exclude`` keeps the mention
out of the facts; ``note`` is shown in ``why``.
"""
from __future__ import annotations

import datetime as _dt
import math
from collections.abc import Callable

import numpy as np
import pandas as pd

from ledger.model import CORRECTION_FIELDS

KEY = ("doc_id", "start", "end", "surface")
#: Fields whose value is a label of the figure's context (set as they are; None empties them).
LABELS = ("role", "donor", "recipient", "stage", "aid_type")


def _ws(text) -> str:
    return " ".join(str(text).split()) if isinstance(text, str) else ""


def _same_span(key, cands: pd.DataFrame) -> list[int]:
    hit = cands[(cands["start"] == key.start) & (cands["end"] == key.end) & (cands["surface"] == key.surface)]
    return hit.index.tolist()


def _same_span_other_spelling(key, cands: pd.DataFrame) -> list[int]:
    return cands[(cands["start"] == key.start) & (cands["end"] == key.end)].index.tolist()


def _overlapping_span(key, cands: pd.DataFrame) -> list[int]:
    overlap = np.minimum(cands["end"], key.end) - np.maximum(cands["start"], key.start)
    surface = _ws(key.surface)
    nested = [surface in _ws(s) or _ws(s) in surface for s in cands["surface"]]
    inside = (overlap > 0).to_numpy(dtype=bool, na_value=False) & np.array(nested, dtype=bool)
    hit = cands.assign(overlap=overlap)[inside]
    return hit.sort_values("overlap", ascending=False, kind="stable").index.tolist()


def _same_sentence(key, cands: pd.DataFrame) -> list[int]:
    sentence = _ws(key.sentence)
    if not sentence:
        return []
    same = (cands["surface"] == key.surface) & (cands["sentence"].map(_ws) == sentence)
    hit = cands[same.fillna(False).astype(bool)]
    return (hit["start"] - key.start).abs().sort_values(kind="stable").index.tolist()


#: How a correction finds its figure, in order: (name, rule, example).
MATCH_RULES: tuple[tuple[str, Callable, str], ...] = (
    ("same-span", _same_span, "'$275 million' at 120-132 -> the mention at 120-132 with that surface"),
    ("same-span-other-spelling", _same_span_other_spelling,
     "'80000' at 40-46 -> '80,000' at 40-46 (a spreadsheet wrote the number its own way)"),
    ("overlapping-span", _overlapping_span,
     "'$1.5' at 10-14 -> '$1.5 billion' at 10-22 (the rules now read the scale word)"),
    ("same-sentence", _same_sentence,
     "'$275 million' at 120-132 -> '$275 million' at 121-133 in the same sentence (the text before it moved)"),
)


def match(keys: pd.DataFrame, mentions: pd.DataFrame) -> np.ndarray:
    """Per row of ``keys`` (KEY columns and ``sentence``), the index label in ``mentions`` of its
    figure, or -1 when it finds none. The first rule runs as one join over all keys; the others
    (a few keys, after a change of rules) key by key."""
    out = np.full(len(keys), -1, dtype=np.int64)
    if keys.empty or mentions.empty:
        return out
    cands = mentions.loc[mentions["doc_id"].isin(keys["doc_id"]), [*KEY, "sentence"]]
    typed = {"doc_id": "string", "start": "Int64", "end": "Int64", "surface": "string"}
    exact = (keys[list(KEY)].astype(typed).reset_index(drop=True).reset_index(names="_k")
             .merge(cands[list(KEY)].astype(typed).reset_index(names="_m"), on=list(KEY)).drop_duplicates("_k"))
    out[exact["_k"].to_numpy()] = exact["_m"].to_numpy()
    claimed = set(exact["_m"].tolist())
    rest = np.flatnonzero(out < 0)
    by_doc = dict(tuple(cands.groupby("doc_id", sort=False))) if len(rest) else {}
    for _, rule, _example in MATCH_RULES[1:]:
        for i in rest.tolist():
            key = keys.iloc[i]
            if out[i] >= 0 or key["doc_id"] not in by_doc:
                continue
            free = [j for j in rule(key, by_doc[key["doc_id"]]) if j not in claimed]
            if free:
                out[i] = free[0]
                claimed.add(free[0])
    return out


def is_excluded(mentions: pd.DataFrame) -> np.ndarray:
    """Which mentions an analyst excluded (they make no fact)."""
    fields = mentions["corrected"].astype("string")
    return fields.str.contains(r"(?:^|, )exclude(?:,|$)", regex=True).fillna(False).to_numpy(dtype=bool)


def apply_corrections(mentions: pd.DataFrame, corrections: pd.DataFrame) -> tuple[pd.DataFrame, pd.Series]:
    """``mentions`` with ``corrections`` (``CORRECTION_DTYPES``) applied, and per correction the
    ``figure_id`` it applied to (NA: stale)."""
    out = mentions.copy()
    out["corrected"] = pd.Series(pd.NA, index=out.index, dtype="string")
    figure = pd.Series(pd.NA, index=corrections.index, dtype="string")
    if corrections.empty:
        return out, figure
    keys = corrections.drop_duplicates(list(KEY)).copy()
    keys["_at"] = match(keys, mentions)
    at = corrections[list(KEY)].merge(keys[[*KEY, "_at"]], on=list(KEY), how="left")["_at"].to_numpy()
    updates: dict[str, dict[int, object]] = {}
    for pos, group in corrections.assign(_at=at).groupby("_at", sort=False):
        if pos < 0:
            continue
        changes = dict(zip(group["field"], group["set_to"].astype(object).where(group["set_to"].notna(), None)))
        row = {c: out.at[pos, c] for c in _READ}
        for column, value in corrected_row(row, changes).items():
            updates.setdefault(column, {})[pos] = value
        figure[group.index] = row["figure_id"]
    for column, values in updates.items():  # one assignment per column: a cell at a time is slow
        out.loc[list(values), column] = pd.array(list(values.values()), dtype=out[column].dtype)
    return out, figure


#: The columns a correction reads from its mention.
_READ = (*LABELS, "value", "why", "qualifier", "kind", "currency", "fx_date", "event_date", "published",
         "figure_id")


def corrected_row(row: dict, changes: dict[str, str | None]) -> dict:
    """The columns that one figure's corrections change, from the mention's values ``row``."""
    new: dict = {f: changes[f] if changes[f] is not None else pd.NA for f in LABELS if f in changes}
    if changes.get("value") is not None:
        new.update(_valued(row, float(changes["value"])))
    if changes.get("exclude") != "yes":
        changes = {f: v for f, v in changes.items() if f != "exclude"}
    fields = [f for f in CORRECTION_FIELDS if f in changes]
    new["corrected"] = ", ".join(fields)
    new["why"] = corrected_why(row["why"], changes, row)
    if any(f != "note" for f in fields):
        new["confidence"] = 1.0
    return new


def _valued(row: dict, value: float) -> dict:
    """A point amount in the figure's currency, converted again at the figure's rate date."""
    new = {"value": value, "low": pd.NA, "high": pd.NA}
    if row["qualifier"] in ("range", "vague"):
        new["qualifier"] = "exact"
    if row["kind"] != "money":
        return new
    from ledger.normalise.fx import conversion

    day = next((d for d in (row[c] for c in ("fx_date", "event_date", "published")) if pd.notna(d)), None)
    conv = conversion(_text(row["currency"]), day.date() if isinstance(day, _dt.datetime) else day)
    usd, eur = conv.to_usd(value), conv.to_eur(value)
    new["value_usd"] = usd if usd is not None else pd.NA
    new["value_eur"] = eur if eur is not None else pd.NA
    return new


def _text(value) -> str | None:
    return None if value is None or value is pd.NA else str(value)


def number_text(value) -> str:
    """A number as the review file and ``why`` show it: whole numbers without a decimal point."""
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return ""
    value = float(value)
    return str(int(value)) if value.is_integer() and abs(value) < 1e18 else repr(value)


def corrected_why(why, changes: dict[str, str | None], rules: dict) -> str:
    """``why`` with the entry of each corrected field naming the review and what the rules said."""
    parts = [p for p in (_text(why) or "").split("; ") if p]
    for field in (*LABELS, "value"):
        if field not in changes:
            continue
        new = number_text(changes[field]) if field == "value" else changes[field]
        at = next((i for i, p in enumerate(parts) if p.startswith(f"{field}=")), None)
        said = parts[at].split("=", 1)[1] if at is not None else _said(rules.get(field), field)
        entry = f"{field}={new or '-'} by review (rules: {said})"
        if at is None:
            parts.append(entry)
        else:
            parts[at] = entry
    if changes.get("exclude") == "yes":
        parts.insert(0, "excluded by review")
    if changes.get("note"):
        parts.append(f'note "{changes["note"]}"')
    return "; ".join(parts)


def _said(value, field: str) -> str:
    if field == "value":
        return number_text(value) or "-"
    return "-" if value is None or value is pd.NA else str(value)
