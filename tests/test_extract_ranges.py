"""Ranges, alternatives and per-unit rates: example sentences → the figures users expect."""
from __future__ import annotations

import pytest

from ledger.extract import find_figures

# sentence → [(surface, value, low, high, unit, per)]
CASES = [
    # a range whose first bound has its own size keeps it; "$3-$5 million" scales both bounds
    ("Flats sell from $600,000 to $1.2 million here.", [("$600,000 to $1.2 million", None, 6e5, 1.2e6, "USD", None)]),
    ("Bids of $3-$5 million came in.", [("$3-$5 million", None, 3e6, 5e6, "USD", None)]),
    ("Between six and seven thousand people came.", [("six and seven thousand", None, 6e3, 7e3, "person", None)]),
    # a year before "to <amount>" is not a range's first bound
    ("Aid grew from NOK2 billion in 2021 to NOK3.5 billion.",
     [("NOK2 billion", 2e9, None, None, "NOK", None), ("NOK3.5 billion", 3.5e9, None, None, "NOK", None)]),
    # "X or Y" and "from X to Y <noun>": two figures, the first takes the unit written after the second
    ("A bus ticket is three or four euros.", [("three", 3, None, None, "EUR", None), ("four euros", 4, None, None, "EUR", None)]),
    ("They sent 7 or 8 ambulances.", [("7", 7, None, None, "ambulance", None), ("8", 8, None, None, "ambulance", None)]),
    ("Membership went from 30 to 45 nations.", [("30", 30, None, None, "nation", None), ("45", 45, None, None, "nation", None)]),
    # per-unit rates: the surface stays the amount, `per` names the rate's unit
    ("The offer values the firm at $41 a share.", [("$41", 41, None, None, "USD", "share")]),
    ("Diesel costs $4.80 per gallon now.", [("$4.80", 4.8, None, None, "USD", "gallon")]),
    ("Rent is £900 a month.", [("£900", 900, None, None, "GBP", "month")]),
    ("The grant pays $12,000 annually.", [("$12,000", 12000, None, None, "USD", "year")]),
    ("Prices rose 3 percent a year.", [("3 percent", 3, None, None, "%", "year")]),
    ("It made a $30-a-share bid.", [("$30", 30, None, None, "USD", "share")]),
    ("It bid C$8 (US$6) per share.", [("C$8", 8, None, None, "CAD", "share"), ("US$6", 6, None, None, "USD", None)]),
    ("The mine moves 900 tonnes a day.", [("900 tonnes", 900, None, None, "tonne", "day")]),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_range_alternative_rate(text, expected):
    got = [(f.surface, f.value, f.low, f.high, f.unit, f.per) for f in find_figures(text)]
    assert got == [tuple(float(x) if isinstance(x, int) else x for x in row) for row in expected]


# a bare level reached after a change verb is a figure; a year or a small number there is not
LEVELS = [
    ("The index gained 1.2% to 7,215.40 on Monday.", ["1.2%", "7,215.40"]),
    ("The benchmark fell 0.3 per cent to close at 1,482.5.", ["0.3 per cent", "1,482.5"]),
    ("The shares climbed 4% to 12.75 after the results.", ["4%", "12.75"]),
    ("Spending rose to 2024 levels.", []),
    ("The score climbed to 3.", []),
]


@pytest.mark.parametrize("text, surfaces", LEVELS)
def test_level_after_change(text, surfaces):
    assert [f.surface for f in find_figures(text)] == surfaces
