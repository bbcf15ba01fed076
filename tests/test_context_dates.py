"""Event dates by behaviour: the day a figure belongs to, from its clause, the lede or the release."""
from __future__ import annotations

import datetime as dt

import pytest

import ledger

MONDAY = "2024-05-06"

CASES = [
    # (text, published, surface, event date) — a weekday of the publication day is that day
    ("On Monday, the United States announced $50 million in humanitarian aid for Sudan.", MONDAY,
     "$50 million", dt.date(2024, 5, 6)),
    ("Last Monday, the United States announced $50 million in humanitarian aid for Sudan.", MONDAY,
     "$50 million", dt.date(2024, 4, 29)),
    # a morning paper's "last night" is the day before
    ("Alphabet reported revenue of $20 billion last night.", "2016-04-22", "$20 billion", dt.date(2016, 4, 21)),
    # an earlier law's amount names no day
    ("The Bipartisan Infrastructure Law provided $350 billion for roads and bridges.", "2023-05-01",
     "$350 billion", None),
    # a year of a budget or an earlier year names no single day
    ("The 2024 budget sets aside $12 million for schools.", "2024-03-01", "$12 million", None),
    # a running total is dated by its claim
    ("So far, Norway has contributed a total of NOK 385 million to Sudan.", "2025-11-05", "NOK 385 million",
     dt.date(2025, 11, 5)),
]


@pytest.mark.parametrize("text, published, surface, expected", CASES)
def test_event_date(text, published, surface, expected):
    (fig,) = [f for f in ledger.extract_figures(text, published=published, url="https://www.whitehouse.gov/x")
              if f.surface == surface]
    assert fig.event_date == expected
