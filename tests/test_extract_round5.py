"""Round 5 of the amount grammar: recall on news text (singular units, bare figures in context, fractions, ...).

Each table is written sentence → the figures users expect; sentences are our own."""
from __future__ import annotations

import pytest

from ledger.extract import find_figures


def _got(text: str) -> list[tuple]:
    return [(f.surface, f.kind, f.value if f.value is not None else (f.low, f.high), f.unit) for f in find_figures(text)]


@pytest.mark.parametrize("text, expected", [
    ("The coating is only 0.05 millimeter thick.", [("0.05 millimeter", "measure", 0.05, "millimetre")]),
    ("A 2.5 centimetre gap opened.", [("2.5 centimetre", "measure", 2.5, "centimetre")]),
    ("She ran a 4.4 second sprint.", [("4.4 second", "duration", 4.4, "second")]),
    ("They hoped to keep warming to a 1.5 to 2 degree band.", [("1.5 to 2 degree", "measure", (1.5, 2.0), "degree angle")]),
    ("The beam failed at 12 ksi.", [("12 ksi", "measure", 12.0, "kilopound per square inch")]),
    ("The engine makes 250 PS at the crank.", [("250 PS", "measure", 250.0, "horsepower")]),
    # the ordinal "second" is no duration
    ("He scored 2 second-half goals.", [("2", "count", 2.0, "goal")]),
])
def test_singular_units_after_a_number(text, expected):
    assert _got(text) == expected
