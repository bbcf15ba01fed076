"""Round 6 of the amount grammar: bare numbers that repeat an earlier count's noun, bare ranges.

Each table is written sentence → the figures users expect; sentences are our own."""
from __future__ import annotations

import pytest

from ledger.extract import find_figures


def _got(text: str) -> list[tuple]:
    return [(f.surface, f.kind, f.value if f.value is not None else (f.low, f.high), f.unit) for f in find_figures(text)]


@pytest.mark.parametrize("text, expected", [
    ("The agency rebuilt 310 schools with its own crews and 95 through contractors.",
     [("310", "count", 310.0, "school"), ("95", "count", 95.0, "school")]),
    ("Some 12,000 families who fled in May and 8,500 who left in June were registered.",
     [("12,000", "count", 12000.0, "family"), ("8,500", "count", 8500.0, "family")]),
    ("The clinic saw 420 patients on Monday, while 380 on Tuesday.",
     [("420", "count", 420.0, "patient"), ("380", "count", 380.0, "patient")]),
    # a year, a phone number or a number after a full stop borrows nothing
    ("They trained 40 nurses and 2019 was a good year.", [("40", "count", 40.0, "nurse")]),
    ("We met 30 farmers. And 12 in the next village.", [("30", "count", 30.0, "farmer")]),
    ("Call 15 volunteers and 555-0199 for help.", [("15", "count", 15.0, "volunteer")]),
    # a number with its own noun keeps it
    ("He bought 3 trucks and 5 tractors.", [("3", "count", 3.0, "truck"), ("5", "count", 5.0, "tractor")]),
])
def test_bare_number_after_and_takes_the_earlier_count_noun(text, expected):
    assert _got(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Planners expect that between 640,000 and 700,000 will be built each year.",
     [("640,000 and 700,000", "count", (640000.0, 700000.0), None)]),
    ("Between 350 and 420 were vaccinated on the first day.", [("350 and 420", "count", (350.0, 420.0), None)]),
    # small bounds, years and dates stay out
    ("The score was between 2 and 3 for most.", []),
    ("Prices rose between 1995 and 2005.", []),
    ("It was built between 120 and 2019.", []),
])
def test_bare_range_after_between(text, expected):
    assert _got(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The top bid was 92.40 cents, while the lowest was 81.15.",
     [("92.40", "count", 92.4, "cent"), ("81.15", "count", 81.15, "cent")]),
    ("The Nikkei rose 120.5 points to 28,410.30.",
     [("120.5", "count", 120.5, "point"), ("28,410.30", "count", 28410.3, "point")]),
    ("About 4 million people were displaced, including 1.2 million in the north.",
     [("4 million", "count", 4e6, "person"), ("1.2 million", "count", 1.2e6, "person")]),
    # a percentage between them is passed over; a new sentence starts afresh
    ("The index ended at 910.4 points. The cap is 50,000.",
     [("910.4", "count", 910.4, "point"), ("50,000", "count", 50000.0, None)]),
    # a scaled amount before a converted sum keeps no currency of an earlier one
    ("He paid $3 million, and she had 1.4 billion ($1.8bn) in assets.",
     [("$3 million", "money", 3e6, "USD"), ("1.4 billion", "count", 1.4e9, None), ("$1.8bn", "money", 1.8e9, "USD")]),
])
def test_bare_amount_repeats_the_unit_of_the_sentence_last_amount(text, expected):
    assert _got(text) == expected
