"""Currency markers and units added for news text: example sentences → the figure users expect."""
from __future__ import annotations

import math

import pytest

from ledger.extract import find_figures

# sentence, surface, kind, value, unit
MARKERS = [
    # ASCII-folded currency symbols (¥ → "Y=") and Asian/other markers
    ("Shares of the carmaker slid to Y=3,140 in Tokyo.", "Y=3,140", "money", 3140, "JPY"),
    ("The stock closed at RM4.15 on Friday.", "RM4.15", "money", 4.15, "MYR"),
    ("Police seized S $2mil in cash.", "S $2mil", "money", 2e6, "SGD"),
    ("a ticket costs cad$ 40", "cad$ 40", "money", 40, "CAD"),
    ("The fee is USD$ 12.", "USD$ 12", "money", 12, "USD"),
    ("The miner earned 3.1 BTC last week.", "3.1 BTC", "money", 3.1, "BTC"),
    ("A meal there is 4,500 ₡ at most.", "4,500 ₡", "money", 4500, "CRC"),
    ("Savings above 2 million Danish crowns pay a fee.", "2 million Danish crowns", "money", 2e6, "DKK"),
    ("The printer sold 40 pence worth of ink.", "40", "count", 40, "penny"),
    # units of measure
    ("The charger delivers 5 W at most.", "5 W", "measure", 5, "watt"),
    ("The radio hums at 50 Hz in Europe.", "50 Hz", "measure", 50, "hertz"),
    ("Humans hear up to 18kHz when young.", "18kHz", "measure", 18, "kilohertz"),
    ("The phone packs a 4,000 mAh battery.", "4,000 mAh", "measure", 4000, "milliampere-hour"),
    ("The clinic rents 250 sq m of floor space.", "250 sq m", "measure", 250, "square metre"),
    ("Filters stop particles of 2.5 μm and more.", "2.5 μm", "measure", 2.5, "micrometre"),
    ("Tests found 9 ppb of lead in the water.", "9 ppb", "measure", 9, "parts-per-billion"),
    ("Each vial holds 10 ml of vaccine.", "10 ml", "measure", 10, "millilitre"),
    ("The tablets contain 200mg of ibuprofen.", "200mg", "measure", 200, "milligram"),
    ("The steel withstands 350 MPa.", "350 MPa", "measure", 350, "megapascal"),
    ("The engine makes 400 Nm of torque.", "400 Nm", "measure", 400, "newton metre"),
    ("The truck gets 22 mpg on the highway.", "22 mpg", "measure", 22, "mile per gallon"),
    ("The link runs at 100 Mbps in town.", "100 Mbps", "measure", 100, "megabit per second"),
    ("The old car makes 90 bhp.", "90 bhp", "measure", 90, "horsepower"),
    ("The train reached 120 m.p.h. on the test run.", "120 m.p.h.", "measure", 120, "mile per hour"),
    ("The lake froze at minus 4 degF last night.", "minus 4 degF", "measure", -4, "degree fahrenheit"),
    ("Margins improved by 60 basis points.", "60 basis points", "measure", 60, "basis point"),
]


@pytest.mark.parametrize("text, surface, kind, value, unit", MARKERS)
def test_marker(text, surface, kind, value, unit):
    figs = [f for f in find_figures(text) if f.surface == surface]
    assert len(figs) == 1, [f.surface for f in find_figures(text)]
    f = figs[0]
    assert (f.kind, f.unit) == (kind, unit)
    assert math.isclose(f.value, value)


# amounts in a currency word with their minor unit; "N times" is a count of times
MINOR = [
    ("The toy cost 4 dollars 25 cents.", "4 dollars 25 cents", "money", 4.25, "USD"),
    ("It was twelve dollars and sixty cents in all.", "twelve dollars and sixty cents", "money", 12.6, "USD"),
    ("A coffee costs 3 dollars and 80.", "3 dollars and 80", "money", 3.8, "USD"),
    ("The fee rose to 9 EUR 99.", "9 EUR 99", "money", 9.99, "EUR"),
    ("She called the office 4 times.", "4", "count", 4, "time"),
    ("The unit lost 40 USD million last year.", "40 USD million", "money", 40e6, "USD"),
]


@pytest.mark.parametrize("text, surface, kind, value, unit", MINOR)
def test_minor_unit_and_times(text, surface, kind, value, unit):
    test_marker(text, surface, kind, value, unit)
