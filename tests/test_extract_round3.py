"""Round 3 of the amount grammar: fractions, signed amounts, pence, ages, chained scales, names with number words."""
from __future__ import annotations

import math

import pytest

from ledger.extract import find_figures

M = 1e6

# sentence, surface, kind, value, low, high, unit, qualifier
FIGURES = [
    # fractions: a share of a whole is a percentage; a fraction of a scale word is an amount
    ("A third of the clinics closed.", "A third", "percent", 100 / 3, None, None, "%", "exact"),
    ("Nearly two-thirds of the wells ran dry.", "two-thirds", "percent", 200 / 3, None, None, "%", "approx"),
    ("Half the refugees were children.", "Half", "percent", 50, None, None, "%", "exact"),
    ("one quarter of the budget went to food", "one quarter", "percent", 25, None, None, "%", "exact"),
    ("The camp shelters half a million people.", "half a million", "count", 0.5 * M, None, None, "person", "exact"),
    ("They owed a quarter million dollars.", "a quarter million dollars", "money", 0.25 * M, None, None, "USD", "exact"),
    # signed amounts
    ("Night temperatures fell to minus-20 degrees Celsius.", "minus-20 degrees Celsius", "measure", -20, None, None,
     "degree Celsius", "exact"),
    ("The offense ended at -7 yards.", "-7 yards", "measure", -7, None, None, "yard", "exact"),
    ("The trade balance stood at $-12.4bn in May.", "$-12.4bn", "money", -12.4e9, None, None, "USD", "exact"),
    ("Output changed by -1.5% in March.", "-1.5%", "percent", -1.5, None, None, "%", "exact"),
    # prices in pence, ages, chained scale words, ASCII-folded pounds
    ("The stock closed at 212p on Monday.", "212p", "count", 212, None, None, "penny", "exact"),
    ("Its shares lost 3.5 p at the close.", "3.5 p", "count", 3.5, None, None, "penny", "exact"),
    ("The survey covered women aged 30 to 49.", "30 to 49", "measure", None, 30, 49, "year of age", "range"),
    ("Volunteers aged 65 were first.", "65", "measure", 65, None, None, "year of age", "exact"),
    ("There were 3 hundred million voters.", "3 hundred million", "count", 300 * M, None, None, "voter", "exact"),
    ("Donors raised PS4.5m for the hospital.", "PS4.5m", "money", 4.5 * M, None, None, "GBP", "exact"),
    ("A fine of PS12,500 was imposed.", "PS12,500", "money", 12500, None, None, "GBP", "exact"),
    # ranges
    ("The plan needs $35-40 million next year.", "$35-40 million", "money", None, 35 * M, 40 * M, "USD", "range"),
    ("Prices grew by 2 to 3.5 percent.", "2 to 3.5 percent", "percent", None, 2, 3.5, "%", "range"),
    ("He paid hk $ 2.5 million for it.", "hk $ 2.5 million", "money", 2.5 * M, None, None, "HKD", "exact"),
]


def _close(a, b) -> bool:
    return a is None and b is None or (a is not None and b is not None and math.isclose(a, b, rel_tol=1e-9))


@pytest.mark.parametrize("text,surface,kind,value,low,high,unit,qualifier", FIGURES)
def test_figure(text, surface, kind, value, low, high, unit, qualifier):
    figs = [f for f in find_figures(text) if f.surface == surface]
    assert len(figs) == 1, [f.surface for f in find_figures(text)]
    f = figs[0]
    assert (f.kind, f.unit, f.qualifier) == (kind, unit, qualifier)
    assert _close(f.value, value) and _close(f.low, low) and _close(f.high, high), (f.value, f.low, f.high)


NOT_FIGURES = [
    ("Beijing restated our One China Policy.", "One"),
    ("Officials met in the second half of the year.", "half"),
    ("He came third of twelve runners.", "third"),
    ("Gamers queued for the PS5 and the PS4 Pro.", "PS5"),
    ("The video streams at 1080p on phones.", "1080p"),
    ("The meeting ends at 5 p.m. sharp.", "5 p"),
    ("Items -5 and -6 were struck.", "-5"),
    ("Order the tents in a half size.", "half"),
]


@pytest.mark.parametrize("text,fragment", NOT_FIGURES)
def test_not_a_figure(text, fragment):
    assert not [f.surface for f in find_figures(text) if fragment in f.surface]
