"""Round 7: bare amounts that share the unit of the next figure, and counts written "N of its NOUN"."""
from __future__ import annotations

import pytest

from ledger.extract import find_figures


def _read(text: str) -> list[tuple[str, str, str | None]]:
    return [(f.surface, f.kind, f.unit) for f in find_figures(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Ohio topped the list at 912,400 while Iowa came next with 605,300 registered voters.",
            [("912,400", "count", "voter"), ("605,300", "count", "voter")],
        ),
        (
            "So far the council has collected 40 million of the 95 million rand it needs.",
            [("40 million", "money", "ZAR"), ("95 million rand", "money", "ZAR")],
        ),
        (
            "The firm reckons it has sold 12m of its smart thermostats across Europe.",
            [("12m", "count", "thermostat")],
        ),
        (
            "About 1.4 million of the displaced families have returned home.",
            [("1.4 million", "count", "family")],
        ),
        # a bracketed conversion names another currency: the bare amount keeps no unit from it
        (
            "a shortfall of 3.2 billion ($4.1 billion) this year",
            [("3.2 billion", "count", None), ("$4.1 billion", "money", "USD")],
        ),
        # punctuation between them: no sharing
        (
            "The index closed at 7,425.81, and 300 traders left early.",
            [("7,425.81", "count", None), ("300", "count", "trader")],
        ),
    ],
)
def test_round7_units(text: str, expected: list[tuple[str, str, str | None]]) -> None:
    assert _read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The kiln reaches 900 degrees celsius.", [("900 degrees celsius", "measure", "degree Celsius")]),
        ("Milk boils near 100° Celsius.", [("100° Celsius", "measure", "degree Celsius")]),
        ("Set the oven to 350 degrees fahrenheit.", [("350 degrees fahrenheit", "measure", "degree fahrenheit")]),
        ("Each tablet holds 400 μg of folate.", [("400 μg", "measure", "microgram")]),
        ("Each tablet holds 400 mcg of folate.", [("400 mcg", "measure", "microgram")]),
        ("a 45 degree slope", [("45 degree", "measure", "degree angle")]),
    ],
)
def test_round7_temperature_and_micrograms(text: str, expected: list[tuple[str, str, str | None]]) -> None:
    assert _read(text) == expected
