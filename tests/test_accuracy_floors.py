"""The accuracy the ledger keeps: the floors of benchmarks/README.md on the gold texts and on NewsQuant.

Scored with the benchmarks' own functions (``benchmarks/gold.py``, ``benchmarks/newsquant.py``) on
``../shared``; skipped when it is absent. Gold, all texts, the real pipeline (read → extract_figures):
detection F1 ≥ 0.95, no negative leaked, role ≥ 0.88, donor ≥ 0.90, recipient ≥ 0.88, event date
≥ 0.85. NewsQuant (the extractor alone): value F1 ≥ 92.0 and value+unit F1 ≥ 85.6 (CQE's published
scores); Recognizers-Text currency value+unit F1 ≥ 79.6 (CQE's).
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import gold  # noqa: E402
import newsquant  # noqa: E402

GOLD_FLOORS = {"role": 0.88, "donor": 0.90, "recipient": 0.88, "date": 0.85}
DETECTION_F1 = 0.95
NEWSQUANT_FLOORS = {  # set → (value F1, value+unit F1), in percent
    "NewsQuant": (92.0, 85.6),
    "RT currency": (None, 79.6),
}


@pytest.fixture(scope="module")
def gold_score() -> gold.Score:
    if not gold.GOLD.is_dir():
        pytest.skip(f"gold corpus not found at {gold.GOLD} (../shared is absent)")
    total = gold.Score()
    for path in sorted(gold.GOLD.glob("*.json")):
        total.add(gold.score_document(path, oracle=False))
    return total


def test_gold_figures_are_found(gold_score):
    assert gold_score.prf()[2] >= DETECTION_F1


def test_no_gold_negative_leaks(gold_score):
    assert gold_score.leaked == []


@pytest.mark.parametrize("attribute", GOLD_FLOORS)
def test_gold_attributes_keep_their_floor(gold_score, attribute):
    assert gold_score.right[attribute] / gold_score.seen >= GOLD_FLOORS[attribute]


@pytest.mark.parametrize("name", NEWSQUANT_FLOORS)
def test_newsquant_sets_keep_their_floor(name):
    path = newsquant.SETS[name]
    if not path.exists():
        pytest.skip(f"{path} not found (../shared is absent)")
    data = json.loads(path.read_text(encoding="utf-8"))
    currencies = newsquant.currency_names()
    value, value_unit, _change = newsquant.f1_scores(data, [newsquant.ours(s["text"], currencies) for s in data])
    want_value, want_unit = NEWSQUANT_FLOORS[name]
    assert (want_value is None or value >= want_value) and value_unit >= want_unit, (value, value_unit)
