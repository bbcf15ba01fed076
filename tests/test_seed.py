"""The seed page (a raw news page with a sidebar, teasers and a comments block) gives exactly its
gold figures with their gold context, and nothing from its chrome."""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

import ledger
from ledger.read import iter_documents

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
SEED = SHARED / "articles" / "000_seed.txt"
GOLD = SHARED / "gold" / "000_seed.json"
pytestmark = pytest.mark.skipif(not SEED.is_file() or not GOLD.is_file(), reason="../shared corpus not present")


def _figures():
    (doc,) = list(iter_documents([SEED]))
    return doc, ledger.extract_figures(doc.text, published=doc.published)


def test_seed_page_gives_exactly_its_gold_figures():
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    doc, figures = _figures()
    assert doc.published == dt.date(2022, 12, 10)
    got = [(f.surface, f.kind, f.value, f.low, f.high, f.qualifier, f.unit, f.role, f.donor, f.recipient,
            f.event_date.isoformat() if f.event_date else None) for f in figures]
    want = [(g["surface"], g["kind"], g["value"], g["low"], g["high"], g["qualifier"], g["unit"], g["role"],
             g["donor"], g["recipient"], g["date"]) for g in gold["figures"]]
    assert got == want


def test_seed_page_chrome_yields_nothing():
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    doc, figures = _figures()
    for neg in gold["negatives"]:
        for f in figures:
            assert neg["surface"] not in f.surface, neg
