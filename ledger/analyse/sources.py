"""Reference series in the formats aid trackers publish, as the long frame of ``reference.py``.

* **Kiel Institute Ukraine Support Tracker** (its data explorer export): one row per donor
  (``country``) and month (``year``, ``month``), amounts in EUR billion in ``military``,
  ``financial`` and ``humanitarian`` (``total`` is their sum and is left out, so a sum over
  the series is the total). Recipient: Ukraine.
* **OCHA Financial Tracking Service flows** (the ``/flow`` JSON of its public API, or a CSV with
  the same field names): one row per flow, ``amountUSD`` at ``flowDate`` (else ``decisionDate``,
  ``date``), donor and recipient from the ``Location`` of ``sourceObjects`` and
  ``destinationObjects`` (else their ``Organization``); pledges are left out.

Donor names are made the gazetteer's canonical names ("Turkiye" → "Türkiye", "EU (Commission
and Council)" → "European Union"), so that they match the donors of the facts.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd

from ledger.analyse.reference import REFERENCE_DTYPES

KIEL_COLUMNS = frozenset({"country", "year", "month"})
KIEL_SERIES = ("military", "financial", "humanitarian")
FTS_AMOUNT = "amountUSD"
_FTS_DATES = ("flowDate", "decisionDate", "date", "firstReportedDate")
_PARENTHESES = re.compile(r"\s*\([^)]*\)")


def actor_name(name: object) -> str | None:
    """``name`` as the gazetteer's canonical actor when it knows it, else as written."""
    from ledger.text.gazetteer import canonical_name

    if not isinstance(name, str) or not name.strip():
        return None
    name = " ".join(name.split())
    for candidate in (name, _PARENTHESES.sub("", name), name.split(",")[0]):
        found = canonical_name(candidate.strip())
        if found:
            return found
    return name


def is_kiel(raw: pd.DataFrame) -> bool:
    return KIEL_COLUMNS <= set(raw.columns) and any(s in raw.columns for s in KIEL_SERIES)


def kiel_frame(raw: pd.DataFrame) -> pd.DataFrame:
    """The Kiel tracker export (donor × month, EUR bn) in long form, EUR."""
    dates = pd.to_datetime(pd.DataFrame({"year": raw["year"], "month": raw["month"], "day": 1}), errors="coerce")
    donors = raw["country"].map(actor_name)
    parts = [pd.DataFrame({"date": dates, "series": f"kiel_{s}", "amount": pd.to_numeric(raw[s], errors="coerce") * 1e9,
                           "currency": "EUR", "donor": donors, "recipient": "Ukraine"})
             for s in KIEL_SERIES if s in raw.columns]
    return _typed(pd.concat(parts, ignore_index=True))


def is_fts(raw: pd.DataFrame) -> bool:
    return FTS_AMOUNT in raw.columns


def fts_flows(path: Path) -> pd.DataFrame:
    """FTS flows from the API's JSON (``{"data": {"flows": [...]}}`` or a list of flows)."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    flows = data.get("data", {}).get("flows", data.get("flows")) if isinstance(data, dict) else data
    if not isinstance(flows, list):
        raise ValueError("no FTS flows in the JSON (expected data.flows, a list of flows)")
    return pd.DataFrame([f for f in flows if isinstance(f, dict)])


def fts_frame(raw: pd.DataFrame) -> pd.DataFrame:
    """FTS flows in long form, US$ (pledges left out: they are not yet money given)."""
    if "status" in raw.columns:
        raw = raw[raw["status"].astype("string").str.lower().fillna("") != "pledge"]
    date_col = next((c for c in _FTS_DATES if c in raw.columns), None)
    if date_col is None:
        raise ValueError("the FTS flows have no date (flowDate, decisionDate or date)")
    dates = pd.to_datetime(raw[date_col], errors="coerce", utc=True).dt.tz_localize(None).dt.normalize()
    frame = pd.DataFrame({
        "date": dates, "series": "fts_" + raw.get("status", pd.Series("flow", index=raw.index)).astype(str),
        "amount": pd.to_numeric(raw[FTS_AMOUNT], errors="coerce"), "currency": "USD",
        "donor": [actor_name(_party(r, "source")) for r in raw.to_dict(orient="records")],
        "recipient": [actor_name(_party(r, "destination")) for r in raw.to_dict(orient="records")],
    })
    return _typed(frame)


def _party(flow: dict, side: str) -> str | None:
    """The Location (else Organization) named on one side of a flow (JSON objects or CSV column)."""
    objects = flow.get(f"{side}Objects")
    if isinstance(objects, list):
        for kind in ("Location", "Organization"):
            for obj in objects:
                if isinstance(obj, dict) and obj.get("type") == kind and obj.get("name"):
                    return obj["name"]
        return None
    for key in (f"{side}Location", f"{side}Organization", "donor" if side == "source" else "recipient"):
        if isinstance(flow.get(key), str):
            return flow[key]
    return None


def _typed(frame: pd.DataFrame) -> pd.DataFrame:
    frame = frame[frame["date"].notna() & frame["amount"].notna()]
    return frame.astype(REFERENCE_DTYPES).sort_values(["date", "donor"], kind="stable").reset_index(drop=True)
