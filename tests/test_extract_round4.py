"""Round 4 of the amount grammar: units on figures (rates after counts and durations, compound units, plurals)
and bare figures found before ("a 12 page document", "one in three", "$6-700 billion")."""
from __future__ import annotations

import pytest

from ledger.extract import find_figures

# sentence, surface, kind, unit, per
UNITS = [
    # a rate after a count's noun or a duration
    ("The pump cycles 4,000 times a minute.", "4,000", "count", "time", "minute"),
    ("Clinics ran 2,500 tests per day in May.", "2,500", "count", "test", "day"),
    ("Nurses work 50 to 60 hours a week.", "50 to 60 hours", "duration", "hour", "week"),
    ("The fee went up by £30 a-year.", "£30", "money", "GBP", "year"),
    ("a bid of $ 40 - a - share", "$ 40", "money", "USD", "share"),
    ("Output grew 12% per annum after 2010.", "12%", "percent", "%", "year"),
    ("Rice sold at 80 cents a dozen.", "80", "count", "cent", "dozen"),
    ("Seas could rise 3 feet per century.", "3 feet", "measure", "foot", "century"),
    ("The drone flies at 90 km/hr over water.", "90 km", "measure", "kilometre", "hour"),
    ("Offices rent at $40 per sq m.", "$40", "money", "USD", "square metre"),
    # "a year earlier" is a comparison, not a rate
    ("Sales reached $5.1 billion from $4.2 billion a year earlier.", "$4.2 billion", "money", "USD", None),
    ("The loss was $3 million a year ago.", "$3 million", "money", "USD", None),
    # compound units and plural nouns
    ("The tank holds 12.5 cubic feet of grain.", "12.5 cubic feet", "measure", "cubic foot", None),
    ("Water held 40 micrograms of lead.", "40 micrograms", "measure", "microgram", None),
    ("Air had 415 parts per million of CO2.", "415 parts per million", "measure", "parts-per-million", None),
    ("Labs isolated three viruses last year.", "three", "count", "virus", None),
    ("A child needs about 1,600 calories daily.", "1,600", "count", "calorie", "day"),
]


@pytest.mark.parametrize("sentence, surface, kind, unit, per", UNITS)
def test_units_of_figures(sentence: str, surface: str, kind: str, unit: str, per: str | None) -> None:
    fig = next(f for f in find_figures(sentence) if f.surface == surface)
    assert (fig.kind, fig.unit, fig.per) == (kind, unit, per)


# sentence, surface, counted unit
COUNTED = [
    ("She raised one hand behind the desk.", "one", "hand"),
    ("Two brothers helped smugglers cross.", "Two", "brother"),
    ("Three trucks parked near the gate.", "Three", "truck"),
]


@pytest.mark.parametrize("sentence, surface, unit", COUNTED)
def test_counted_noun_ends_at_prepositions_and_verbs(sentence: str, surface: str, unit: str) -> None:
    fig = next(f for f in find_figures(sentence) if f.surface == surface)
    assert (fig.kind, fig.unit) == ("count", unit)


# sentence, surface, value, low, high, unit
AMOUNTS = [
    ("The rebuild may cost $6-700 billion.", "$6-700 billion", None, 600e9, 700e9, "USD"),
    ("Talks covered 3-400 million people.", "3-400 million", None, 300e6, 400e6, "person"),
    ("The fund needs $35-40 million.", "$35-40 million", None, 35e6, 40e6, "USD"),
    ("An electron weighs 9.11×10−31 kg.", "9.11×10−31 kg", 9.11e-31, None, None, "kilogram"),
    ("Radio waves travel 3 x 10^8 metres per second.", "3 x 10^8 metres per second", 3e8, None, None,
     "metre per second"),
]


@pytest.mark.parametrize("sentence, surface, value, low, high, unit", AMOUNTS)
def test_shorthand_ranges_and_powers_of_ten(sentence: str, surface: str, value, low, high, unit: str) -> None:
    fig = next(f for f in find_figures(sentence) if f.surface == surface)
    assert (fig.value, fig.low, fig.high, fig.unit) == pytest.approx((value, low, high, unit))


@pytest.mark.parametrize("sentence", ["a 5 x 10-2 grid", "a 3x4 grid", "room 5 x 10"])
def test_times_ten_without_a_unit_is_no_figure(sentence: str) -> None:
    assert find_figures(sentence) == []
