"""What a cumulative claim covers and admits: its window, its kind of aid and its interval of amounts.

The window and the aid type come from the figure's own columns (``window_start``/``window_end``,
``aid_type``), which the context stage fills. Rows stored before it did (the columns empty) fall back
to reading the claim's sentence: the window with :func:`ledger.context.windows.window`, the aid type
with the cue words of ``ledger/data/analyse/aid_type_cues.tsv`` in the figure's own clause.

The interval follows the claim's qualifier ("more than X" holds when the sum is at least X, "up to X"
when it is at most X, "about X" within one unit of X's last significant digit, an exact X within half
a unit of its last written digit).
"""
from __future__ import annotations

import datetime as _dt
import functools
import math
import re

import numpy as np
import pandas as pd

from ledger import data
from ledger.context.windows import window, windows

#: Share of the value an exact claim may differ by beyond its rounding (conversions of other currencies).
EXACT_SLACK = 0.005
_NUMBER = re.compile(r"\d[\d,]*(?:\.(\d+))?")
_AMOUNT = re.compile(r"[$€£¥]\s?\d|\d[\d,.]*\s*(?:million|billion|trillion|bn)\b", re.I)
_SPACES = re.compile(r"\s+")


def missing(x) -> bool:
    return x is None or x is pd.NA or x is pd.NaT or (isinstance(x, float) and math.isnan(x))


def claim_window(claim: dict, claim_date: _dt.date) -> tuple[_dt.date, _dt.date, str] | None:
    """``(start, end, phrase)`` of the claim: its columns when set, else read from its sentence."""
    start, end = claim.get("window_start"), claim.get("window_end")
    if not missing(start):
        stop = claim_date if missing(end) else pd.Timestamp(end).date()
        return pd.Timestamp(start).date(), stop, ""
    sentence, at = _located(claim)
    recipient = None if missing(claim.get("recipient")) else claim["recipient"]
    if at is None:  # the surface is not in the sentence: only an unambiguous phrase will do
        found = list(windows(sentence, claim_date, recipient))
        return (found[0].start, found[0].end, found[0].phrase) if len(found) == 1 else None
    return window(sentence, at, claim_date, recipient=recipient)


def _located(claim: dict) -> tuple[str, int | None]:
    """The sentence with its white space made single, and where the claim's surface is in it."""
    sentence = _SPACES.sub(" ", claim.get("sentence") or "")
    surface = _SPACES.sub(" ", claim.get("surface") or "")
    at = sentence.find(surface) if surface else -1
    return sentence, (at if at >= 0 else None)


@functools.lru_cache(maxsize=1)
def _cues() -> tuple[re.Pattern[str], dict[str, str]]:
    table = {r["cue"]: r["aid_type"] for r in data.table("analyse/aid_type_cues.tsv")}
    words = sorted(table, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b", re.I), table


def clause_aid_type(sentence: str, surface: str) -> str | None:
    """The one kind of aid named in the figure's clause (between the amounts around it), else the
    one named in its sentence ("$5.6 billion in security assistance ..., and $6.3 billion since ..."),
    or None (none named, or several: "$3.8 billion in military and humanitarian assistance")."""
    sentence, surface = _SPACES.sub(" ", sentence or ""), _SPACES.sub(" ", surface or "")
    at = sentence.find(surface) if surface else -1
    if at < 0:  # the surface is not in the sentence: the sentence is the clause
        at, surface = 0, sentence
    prev = [m.end() for m in _AMOUNT.finditer(sentence, 0, at)]
    nxt = _AMOUNT.search(sentence, at + max(len(surface), 1))
    clause = sentence[(prev[-1] if prev else 0):(nxt.start() if nxt else len(sentence))]
    pattern, table = _cues()
    types = {table[m.group(0).lower()] for m in pattern.finditer(clause)}
    if not types:
        types = {table[m.group(0).lower()] for m in pattern.finditer(sentence)}
    return types.pop() if len(types) == 1 else None


def aid_types(frame: pd.DataFrame) -> pd.Series:
    """The ``aid_type`` column, with empty cells read from each row's clause."""
    out = frame["aid_type"].astype("string").copy()
    empty = out.isna().to_numpy()
    if empty.any():
        rows = frame.loc[empty, ["sentence", "surface"]].astype("string").to_numpy(object, na_value="")
        out[empty] = pd.array([clause_aid_type(s, f) for s, f in rows], dtype="string")
    return out


def claim_interval(surface: str, value: float | None, low: float | None, high: float | None,
                   qualifier: str) -> tuple[float, float] | None:
    """The amounts a claim admits: "more than $19.3 billion" → [19.3 bn, ∞); "about $13.6 billion"
    → 13.5 bn .. 13.7 bn; "$2.5 billion" → 2.45 bn .. 2.55 bn; a range → its ends."""
    if value is None or missing(value):
        if low is None or missing(low):
            return None
        return float(low), float(high if high is not None and not missing(high) else low)
    value = float(value)
    eps = 1e-9 * abs(value)
    if qualifier == "at_least":
        return value - eps, math.inf
    if qualifier == "at_most":
        return -math.inf, value + eps
    if qualifier == "exact":
        tol = max(rounding_unit(surface, value) / 2, EXACT_SLACK * abs(value))
        return value - tol, value + tol
    unit = rounding_unit(surface, value, significant=True) or EXACT_SLACK * abs(value)
    return value - unit, value + unit


def rounding_unit(surface: str, value: float, *, significant: bool = False) -> float:
    """One unit of the last digit written in ``surface`` ("$19.3 billion" → 1e8); with
    ``significant``, of the last non-zero digit ("$60 billion" → 1e10)."""
    m = _NUMBER.search(surface or "")
    if not m:
        return 0.0
    digits = m.group(0).replace(",", "")
    written = float(digits)
    if written == 0:
        return 0.0
    scale = abs(value / written)
    decimals = len(m.group(1) or "")
    if significant and not decimals:
        whole = digits.split(".")[0]
        return scale * 10.0 ** (len(whole) - len(whole.rstrip("0")))
    return scale * 10.0 ** -decimals


def state(total: float, bounds: tuple[float, float]) -> int:
    """-1 below the claim's interval, 0 inside, 1 above."""
    lo, hi = bounds
    return -1 if total < lo else (1 if total > hi else 0)


def finite(x: float) -> float | None:
    return float(x) if np.isfinite(x) else None
