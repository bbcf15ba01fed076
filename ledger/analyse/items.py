"""Equipment counts by system and category, read from the item phrases of count facts.

The context stage's item phrase stays as written in the Ledger and Mentions sheets; here it is
normalised for grouping: one line, without determiners or "new"/"additional" ("the new HIMARS" →
"HIMARS"), and never a verb, a body part or an adverb ("Republican voted", "mouth"). The system and
its category (air defence, artillery, armour, ammunition, vehicles, aircraft, drones, other — the
Kiel tracker's and Oryx's groups) come from the ordered table ``ledger/data/analyse/systems.tsv``:
"HIMARS", "new HIMARS" and "High Mobility Artillery Rocket Systems" are one system. Count facts whose
item names no equipment (people, questions, doses of a vaccine named by no system) are left out of
the Items sheet and counted in ``n_not_equipment`` of :func:`item_counts`'s ``attrs``.
"""
from __future__ import annotations

import functools
import re

import pandas as pd

from ledger import data

UNKNOWN = "(unknown)"
ITEM_COLUMNS = ("category", "system", "unit", "donor", "count", "n_facts", "n_not_summed", "items")
_SPACES = re.compile(r"\s+")
_CUT = re.compile(r"[,;:()\[\]]")
_WORD = re.compile(r"[\w'’-]+")
_MAX_NAMES = 5


@functools.lru_cache(maxsize=1)
def _words() -> tuple[frozenset[str], frozenset[str]]:
    table = data.table("analyse/item_words.tsv")
    return (frozenset(r["word"] for r in table if r["kind"] == "drop"),
            frozenset(r["word"] for r in table if r["kind"] == "never"))


@functools.lru_cache(maxsize=1)
def _systems() -> tuple[tuple[re.Pattern[str], str, str], ...]:
    return tuple((re.compile(r"(?<![\w-])" + re.escape(r["alias"]) + r"(?:s|es)?(?![\w-])"), r["system"],
                  r["category"]) for r in data.table("analyse/systems.tsv"))


@functools.lru_cache(maxsize=65536)
def item_name(text: str | None) -> str | None:
    """The item phrase on one line, without leading determiners and "new"/"additional", cut at the
    first comma or bracket; None when nothing is left or its last word is never an item."""
    if not text:
        return None
    words = _SPACES.sub(" ", _CUT.split(text, 1)[0]).strip().split(" ")
    drop, never = _words()
    while words and words[0].lower() in drop:
        words.pop(0)
    if not words or not words[-1]:
        return None
    last = words[-1].lower()
    if last in never or last.endswith("ly") or (last.endswith("ed") and not _system(last)):
        return None
    return " ".join(words)


@functools.lru_cache(maxsize=65536)
def _system(text: str) -> tuple[str, str] | None:
    low = text.lower()
    for pattern, system, category in _systems():
        if pattern.search(low):
            return system, category
    return None


def classify(item: str | None, unit: str | None) -> tuple[str, str] | None:
    """``(system, category)`` of a count's item (its counted noun ``unit`` when the item says
    nothing), or None when neither names equipment."""
    name = item_name(item)
    for text in (name, unit if unit and unit.lower() not in _words()[1] else None):
        if text:
            found = _system(text)
            if found:
                return found
    return None


def item_counts(facts: pd.DataFrame) -> pd.DataFrame:
    """Counts of equipment (count facts of packages and their components) by category, system, unit
    and donor; only point counts are added ("hundreds of drones" is counted in ``n_not_summed``);
    ``items`` lists the phrases grouped (at most five)."""
    counts = facts[((facts["kind"] == "count") & facts["role"].isin(["package", "component"]))
                   .fillna(False).astype(bool)]
    pairs = counts[["item", "unit"]].astype("string").to_numpy(object, na_value=None)
    found = [classify(i, u) for i, u in pairs]
    keep = [f is not None for f in found]
    if not any(keep):
        out = _empty()
        out.attrs["n_not_equipment"] = len(counts)
        return out
    rows = counts.loc[pd.array(keep, dtype=bool)].assign(
        system=[f[0] for f in found if f], category=[f[1] for f in found if f],
        name=[item_name(i) or (u or "") for (i, u), k in zip(pairs, keep) if k],
        unit=lambda d: d["unit"].fillna(UNKNOWN), donor=lambda d: d["donor"].fillna(UNKNOWN),
        not_summed=lambda d: d["value"].isna())
    out = _grouped(rows)
    out.attrs["n_not_equipment"] = int(len(counts) - len(rows))
    return out


def _grouped(rows: pd.DataFrame) -> pd.DataFrame:
    by = ["category", "system", "unit", "donor"]
    grouped = rows.groupby(by, sort=True)
    out = pd.DataFrame({"count": grouped["value"].sum(min_count=1), "n_facts": grouped.size(),
                        "n_not_summed": grouped["not_summed"].sum(),
                        "items": grouped["name"].agg(_names)}).reset_index()
    out = out.astype({c: "string" for c in by + ["items"]}).astype(
        {"count": "Float64", "n_facts": "Int64", "n_not_summed": "Int64"})
    return out[list(ITEM_COLUMNS)].reset_index(drop=True)


def _names(names: pd.Series) -> str:
    distinct = list(dict.fromkeys(n for n in names if n))
    more = len(distinct) - _MAX_NAMES
    return "; ".join(distinct[:_MAX_NAMES]) + (f"; … {more} more" if more > 0 else "")


def _empty() -> pd.DataFrame:
    dtypes = {c: "string" for c in ITEM_COLUMNS} | {"count": "Float64", "n_facts": "Int64", "n_not_summed": "Int64"}
    return pd.DataFrame({c: pd.Series(dtype=t) for c, t in dtypes.items()})
