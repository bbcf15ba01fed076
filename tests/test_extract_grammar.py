"""The amount grammar: example sentences → the figures users expect (surface, kind, value, ... )."""
from __future__ import annotations

import math

import pytest

from ledger.extract import find_figures

B, M, K = 1e9, 1e6, 1e3

# sentence, surface, kind, value, low, high, qualifier, unit, change
FIGURES = [
    # money: markers before, with and without spaces
    ("Canberra sent $40 million in aid.", "$40 million", "money", 40 * M, None, None, "exact", "USD", None),
    ("The bank lent US$400m to the port.", "US$400m", "money", 400 * M, None, None, "exact", "USD", None),
    ("Ottawa pledged CAN$25 million.", "CAN$25 million", "money", 25 * M, None, None, "exact", "CAD", None),
    ("Ottawa pledged $CAN 12 million.", "$CAN 12 million", "money", 12 * M, None, None, "exact", "CAD", None),
    ("The grant is A$7 million.", "A$7 million", "money", 7 * M, None, None, "exact", "AUD", None),
    ("Brussels found €1.5bn for roads.", "€1.5bn", "money", 1.5 * B, None, None, "exact", "EUR", None),
    ("London gave £450million to clinics.", "£450million", "money", 450 * M, None, None, "exact", "GBP", None),
    ("Tokyo added ¥12 billion for ports.", "¥12 billion", "money", 12 * B, None, None, "exact", "JPY", None),
    ("Delhi set aside ₹900 crore.", "₹900 crore", "money", 9 * B, None, None, "exact", "INR", None),
    ("The state spent Rs 5,000 crore on roads.", "Rs 5,000 crore", "money", 5 * 10**10, None, None, "exact", "INR", None),
    ("The fund holds EUR500 million.", "EUR500 million", "money", 500 * M, None, None, "exact", "EUR", None),
    ("Bern added CHF 80 mln for relief.", "CHF 80 mln", "money", 80 * M, None, None, "exact", "CHF", None),
    ("The target was GBP8 million.", "GBP8 million", "money", 8 * M, None, None, "exact", "GBP", None),
    ("Oslo raised aid to NOK6.3 billion.", "NOK6.3 billion", "money", 6.3 * B, None, None, "exact", "NOK", None),
    ("Seoul set KRW4.2 trillion aside.", "KRW4.2 trillion", "money", 4.2e12, None, None, "exact", "KRW", None),
    ("A loan of $ 550 million was signed.", "$ 550 million", "money", 550 * M, None, None, "exact", "USD", None),
    ("Sales hit $26.38Bln last year.", "$26.38Bln", "money", 26.38 * B, None, None, "exact", "USD", None),
    ("The startup raised $40k from friends.", "$40k", "money", 40 * K, None, None, "exact", "USD", None),
    # currency words after the number
    ("Berlin promised seven billion euros.", "seven billion euros", "money", 7 * B, None, None, "exact", "EUR", None),
    ("They asked for 500 million pound in loans.", "500 million pound", "money", 500 * M, None, None, "exact", "GBP", None),
    ("Japan gave 300 million yen to the camp.", "300 million yen", "money", 300 * M, None, None, "exact", "JPY", None),
    ("The deal was 20 million Swiss francs.", "20 million Swiss francs", "money", 20 * M, None, None, "exact", "CHF", None),
    ("Lawmakers approved 9 million dollars.", "9 million dollars", "money", 9 * M, None, None, "exact", "USD", None),
    # qualifiers and changes
    ("It brings the total to more than $19.3 billion.", "$19.3 billion", "money", 19.3 * B, None, None, "at_least", "USD", None),
    ("Officials pledged about $5 million.", "$5 million", "money", 5 * M, None, None, "approx", "USD", None),
    ("The ministry will provide up to $10 billion.", "$10 billion", "money", 10 * B, None, None, "at_most", "USD", None),
    ("Spending rose by over NOK1 billion.", "NOK1 billion", "money", 1 * B, None, None, "at_least", "NOK", "up"),
    ("Congress cut $2 billion from the plan.", "$2 billion", "money", 2 * B, None, None, "exact", "USD", "down"),
    ("This was an increase of NOK9 billion.", "NOK9 billion", "money", 9 * B, None, None, "exact", "NOK", "up"),
    ("Exports fell 4 percent in March.", "4 percent", "percent", 4, None, None, "exact", "%", "down"),
    # ranges, both bounds scaled
    ("The cost is 10 to 20 billion dollars.", "10 to 20 billion dollars", "money", None, 10 * B, 20 * B, "range", "USD", None),
    ("Bids of $3-$5 million came in.", "$3-$5 million", "money", None, 3 * M, 5 * M, "range", "USD", None),
    ("Growth of between 5 and 7 percent is likely.", "5 and 7 percent", "percent", None, 5, 7, "range", "%", None),
    # vague amounts
    ("Iran may sell hundreds of drones.", "hundreds", "count", None, 100, 1000, "vague", "drone", None),
    ("Dozens of trucks waited.", "Dozens", "count", None, 12, 120, "vague", "truck", None),
    ("Thousands of families fled.", "Thousands", "count", None, 1000, 10000, "vague", "family", None),
    ("Tens of thousands of people marched.", "Tens of thousands", "count", None, 1e4, 1e5, "vague", "person", None),
    ("It will cost hundreds of millions of dollars.", "hundreds of millions of dollars", "money", None, 1e8, 1e9, "vague", "USD", None),
    ("Several clinics reopened.", "Several", "count", None, 3, 9, "vague", "clinic", None),
    # counts with their counted noun
    ("It includes 80,000 155mm artillery rounds.", "80,000", "count", 80000, None, None, "exact", "round", None),
    ("(25,000) 155mm artillery rounds;", "25,000", "count", 25000, None, None, "exact", "round", None),
    ("The list adds 75 thousand shells.", "75 thousand", "count", 75000, None, None, "exact", "shell", None),
    ("Kyiv got 20 000 artillery ammunition.", "20 000", "count", 20000, None, None, "exact", "ammunition", None),
    ("India received 1700 oxygen concentrators.", "1700", "count", 1700, None, None, "exact", "concentrator", None),
    ("Washington sent 31 Abrams tanks.", "31", "count", 31, None, None, "exact", "tank", None),
    ("The bill passed with 366 in favor.", "366", "count", 366, None, None, "exact", "vote", None),
    ("They hired 1,300 Border Patrol agents.", "1,300", "count", 1300, None, None, "exact", "agent", None),
    ("The package has some 150 generators.", "150", "count", 150, None, None, "approx", "generator", None),
    ("They sanctioned three Russian-based entities.", "three", "count", 3, None, None, "exact", "entity", None),
    ("Twenty-five medics arrived.", "Twenty-five", "count", 25, None, None, "exact", "medic", None),
    ("A dozen nurses stayed.", "A dozen", "count", 12, None, None, "exact", "nurse", None),
    ("The agency shipped one million doses.", "one million", "count", 1 * M, None, None, "exact", "dose", None),
    ("The army lost one marine patrol boat.", "one", "count", 1, None, None, "exact", "boat", None),
    ("Aid reached 3.1 million children.", "3.1 million", "count", 3.1 * M, None, None, "exact", "child", None),
    ("A 25-person team flew in.", "25", "count", 25, None, None, "exact", "person", None),
    # percentages, measures, durations
    ("Turnout was 40 percent.", "40 percent", "percent", 40, None, None, "exact", "%", None),
    ("Inflation hit 18%.", "18%", "percent", 18, None, None, "exact", "%", None),
    ("Prices rose 2 per cent.", "2 per cent", "percent", 2, None, None, "exact", "%", "up"),
    ("Ninety-four percent of infants were vaccinated.", "Ninety-four percent", "percent", 94, None, None, "exact", "%", None),
    ("The rockets fly 80 kilometers.", "80 kilometers", "measure", 80, None, None, "exact", "kilometre", None),
    ("The convoy drove 48 miles.", "48 miles", "measure", 48, None, None, "exact", "mile", None),
    ("Crews flew in 170,000 pounds of tools.", "170,000 pounds", "measure", 170000, None, None, "exact", "pound-mass", None),
    ("The plant makes 50 MW.", "50 MW", "measure", 50, None, None, "exact", "megawatt", None),
    ("They released 180 million barrels of oil.", "180 million barrels", "measure", 180 * M, None, None, "exact", "barrel", None),
    ("Rebels held hundreds of kilometers of land.", "hundreds of kilometers", "measure", None, 100, 1000, "vague", "kilometre", None),
    ("Wheat rose to 2 tonnes.", "2 tonnes", "measure", 2, None, None, "exact", "tonne", None),
    ("The mission lasts six months.", "six months", "duration", 6, None, None, "exact", "month", None),
    ("It took 20 years.", "20 years", "duration", 20, None, None, "exact", "year", None),
    ("The 48-month program ends soon.", "48-month", "duration", 48, None, None, "exact", "month", None),
]


def _close(a, b) -> bool:
    return (a is None and b is None) or (a is not None and b is not None and math.isclose(a, b, rel_tol=1e-9))


@pytest.mark.parametrize("text,surface,kind,value,low,high,qualifier,unit,change", FIGURES)
def test_figure(text, surface, kind, value, low, high, qualifier, unit, change):
    figs = [f for f in find_figures(text) if f.surface == surface]
    assert figs, f"{surface!r} not found in {find_figures(text)}"
    f = figs[0]
    assert f.surface == text[f.start:f.end]
    got = (f.kind, f.qualifier, f.unit, f.change)
    assert got == (kind, qualifier, unit, change)
    assert _close(f.value, value) and _close(f.low, low) and _close(f.high, high), f


# text → surfaces that must NOT be figures (nothing at all is emitted for them)
NOT_FIGURES = [
    ("They fired 155mm shells.", "155"),
    ("The 155-mm howitzer is old.", "155"),
    ("A 105 mm gun was sent.", "105"),
    ("Troops used .50 caliber rifles.", "50"),
    ("Ukraine got an M777 and Su-35 jets.", "777"),
    ("The AIM-9M and RIM-7 missiles, AT-4 launchers and Mi-17 helicopters arrived.", "9"),
    ("A C-17 flew in with a Leopard 1A5 and an AN/TPQ-36 radar.", "17"),
    ("The IRIS-T SLM system works.", "T"),
    ("Russia invaded on February 24.", "24"),
    ("It happened on 24 February.", "24"),
    ("The war began in 2022.", "2022"),
    ("Data for 2010-2020 are out.", "2010"),
    ("Updated at 01:01 PM today.", "01"),
    ("The talks start at 11 a.m. sharp.", "11"),
    ("This is the ninth package.", "ninth"),
    ("It was the 15th round of talks.", "15"),
    ("The fifty-sixth session opened.", "fifty"),
    ("Call 112 for help.", "112"),
    ("Card 4111 1111 1111 1111 was used.", "4111"),
    ("Under section 506(a)(1) of the law.", "506"),
    ("The 2+2 dialogue resumed.", "2"),
    ("It will grow up to million people.", "million"),
    ("It will cost 0 million dollars.", "0 million"),
    ("The aid was .92 billion.", "92"),
    ("Download the report (PDF, 1.35 MB).", "1.35"),
    ("See https://example.org/2022/03/16/aid-800-million for details.", "800"),
    ("A 7.8-magnitude earthquake hit.", "7.8"),
    ("He was one of the top officials.", "one"),
    ("One last point on the plan.", "One"),
    ("The channel is Channel One.", "One"),
    ("This is PDA number 11 for Kyiv.", "11"),
    ("COVID-19 spread fast.", "19"),
    ("The G7 met again.", "7"),
    ("We will mention a few things and a couple of questions.", "few"),
    ("It was a one-time payment.", "one"),
]


@pytest.mark.parametrize("text,fragment", NOT_FIGURES)
def test_not_a_figure(text, fragment):
    assert [f.surface for f in find_figures(text)] == []


DOLLARS = [
    ("Canberra gave A$5 million and $3 million more in Australian dollars.", "AUD"),
    ("The Australian dollar rose; Canberra gave $3 million.", "AUD"),
    ("Canberra gave 10 million Australian dollars ($7 million).", "USD"),
    ("Washington gave $3 million.", "USD"),
    ("Ottawa gave $3 million, its Canadian dollar budget says, and US$1 million more.", "USD"),
]


@pytest.mark.parametrize("text,code", DOLLARS)
def test_default_dollar(text, code):
    bare = [f for f in find_figures(text) if f.surface == "$3 million" or f.surface == "$7 million"]
    assert [f.currency for f in bare] == [code]


def test_figures_in_text_order_with_offsets():
    text = "Kirby announced a new $275 million package with 80,000 rounds and some 150 generators."
    figs = find_figures(text)
    assert [f.surface for f in figs] == ["$275 million", "80,000", "150"]
    assert all(text[f.start:f.end] == f.surface for f in figs)
    assert [f.item for f in figs] == [None, "rounds", "generators"]


# unit names that CQE/NewsQuant use but quantulum3 builds only on the fly (derived or composite units)
DERIVED_UNITS = {"barrel per day", "year of age", "megawatt hour", "gigawatt hour", "millilitre", "foot pound-force",
                 "mile per gallon", "kilopound per square inch",
                 "point per game", "rebound per game", "assist per game", "win above replacement"}


def test_unit_names_come_from_quantulum3():
    load = pytest.importorskip("quantulum3.load")
    from ledger.extract import units

    names = set(load.units("en_US").names)
    unknown = {u for _a, u, _k in units.table()} - names - DERIVED_UNITS
    assert unknown == set()
