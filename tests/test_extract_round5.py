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


@pytest.mark.parametrize("text, expected", [
    ("Analysts had pencilled in estimates of 71,300.", [("71,300", "count", 71300.0, None)]),
    ("The ceiling per household is 25000.", [("25000", "count", 25000.0, None)]),
    ("Ohio logged the most at 1846022 while Iowa trailed.", [("1846022", "count", 1846022.0, None)]),
    ("Turnout was 61.5 on the index.", [("61.5", "count", 61.5, None)]),
    ("Officials say about 140,000 of those were repaid.", [("140,000", "count", 140000.0, None)]),
    ("The quota is 12,000 mt of beef.", [("12,000 mt", "measure", 12000.0, "tonne")]),
    # small numbers, years, ids and dates stay out
    ("The score is 12 after the break.", []),
    ("The law dates from 1994 and was amended in 2019.", []),
    ("Prices were frozen at 2019.", []),
    ("It is part of Section 1203 of the act.", []),
    ("Call the office at 555-0199.", []),
])
def test_bare_amounts_after_an_amount_word(text, expected):
    assert _got(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Stir in 1/2 pound of butter.", [("1/2 pound", "measure", 0.5, "pound-mass")]),
    ("A cup is 1/4 of a US quart.", [("1/4 of a US quart", "measure", 0.25, "quart")]),
    ("Add 3⁄4 pint of milk.", [("3⁄4 pint", "measure", 0.75, "pint")]),
    # no unit, not a proper fraction, or a date: no figure
    ("The desk is open 24/7.", []),
    ("It needs a 2/3 majority.", []),
    ("The memorial for 9/11 opened.", []),
])
def test_written_fractions_before_a_unit(text, expected):
    assert _got(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Rents for sub-400 sq m units rose.", [("400 sq m", "measure", 400.0, "square metre")]),
    ("Foundries race to sub-5 nanometer chips.", [("5 nanometer", "measure", 5.0, "nanometre")]),
    ("Her now-7 week-old puppy slept.", [("7 week", "duration", 7.0, "week")]),
])
def test_numbers_after_a_glued_prefix(text, expected):
    assert _got(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Guard Ada Obi (18.2 ppg, 5.1 rpg, 4.4 apg)",
     [("18.2 ppg", "measure", 18.2, "point per game"), ("5.1 rpg", "measure", 5.1, "rebound per game"),
      ("4.4 apg", "measure", 4.4, "assist per game")]),
    ("Closer Sam Ito (1.2 WAR) returns.", [("1.2 WAR", "measure", 1.2, "win above replacement")]),
])
def test_sports_statistics(text, expected):
    assert _got(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("They leaked a 40 page memo.", [("40", "count", 40.0, "page")]),
    ("The 27 member bloc agreed.", [("27", "count", 27.0, "member")]),
    ("It has a four-cylinder engine.", [("four", "count", 4.0, "cylinder")]),
    ("We had a three course dinner.", [("three", "count", 3.0, "course")]),
    # a year, a kind of thing, or a noun outside the list: no count
    ("The 2020 member survey closed.", []),
    ("It comes with a six-speed gearbox.", []),
    ("They backed the two state solution.", []),
])
def test_singular_modifier_nouns(text, expected):
    assert _got(text) == expected
