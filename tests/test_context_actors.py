"""Donor and recipient rules: whose money it is and who gets it, in sentences written for these tests."""
from __future__ import annotations

import datetime as dt

import pytest

from ledger.context import annotate, canonical_name
from ledger.model import Figure
from ledger.text.gazetteer import find_actors

TUE = dt.date(2023, 2, 7)


def _one(text: str, surface: str) -> Figure:
    start = text.index(surface)
    # the amount is left unread (value None): these cases read the context stage alone
    fig = Figure(start, start + len(surface), surface, "money", None, unit="USD", currency="USD")
    return annotate(text, [fig], TUE)[0]


@pytest.mark.parametrize("text, surface, donor, recipient", [
    # an actor used as a modifier of what is given is the donor ("US arms")
    ("A new $275 million package of US arms for Ukraine was unveiled.", "$275 million", "United States", "Ukraine"),
    # "X is to receive", "X will get": the holder of the amount is the recipient
    ("Nepal is to receive $70 million from India this year.", "$70 million", "India", "Nepal"),
    ("Under the plan, Bhutan will get $300 million in Indian aid.", "$300 million", "India", "Bhutan"),
    # a demonym naming the people who benefit is the recipient
    ("Brussels approved $48 million to train Ukrainian soldiers.", "$48 million", "European Union", "Ukraine"),
    # a country inside a longer proper name is no actor ("the Ukraine Security Assistance Initiative")
    ("The Pentagon committed $2.98 billion under the Ukraine Security Assistance Initiative.", "$2.98 billion",
     "United States", None),
    # ... unless the money goes to that programme
    ("Congress added $6 billion for the Ukraine Security Assistance Initiative.", "$6 billion",
     "United States", "Ukraine"),
    # "X and G7 leaders": the group speaks for both
    ("Canada and G7 leaders will contribute $4.5 billion for food security.", "$4.5 billion", "G7", None),
    # the aggressor's war names where it is waged, not who gets the money
    ("Washington sent $670 million in food aid to Africa after Russia's full-scale invasion of Ukraine.",
     "$670 million", "United States", "Africa"),
    ("The $2 billion will help sectors hit by the war in Ukraine.", "$2 billion", None, "Ukraine"),
    # an adversary named with several modifiers before "war"/"invasion" is never a donor
    ("Tokyo gave $100 million to families hit by Putin's unprovoked further invasion of Ukraine.",
     "$100 million", "Japan", None),
])
def test_donor_and_recipient_rules(text, surface, donor, recipient):
    got = _one(text, surface)
    assert got.donor == donor
    if recipient is not None:
        assert got.recipient == recipient


@pytest.mark.parametrize("text, surface, recipient", [
    # a name after the next amount of money belongs to that amount
    ("The UK works with UNICEF, WFP and Gavi. Since March the UK has committed £90 million, including £40 million "
     "for oxygen supplies worldwide, and £50 million to support Gavi.", "£40 million", None),
    ("Since March the UK has committed £90 million, including £40 million for oxygen supplies worldwide, "
     "and £50 million to support Gavi.", "£50 million", "Gavi"),
    # a duration or a vague count in between does not end the amount's reach
    ("The fund, expected to reach €2 billion over the next two years, will support businesses in Ukraine.",
     "€2 billion", "Ukraine"),
])
def test_a_name_after_the_next_amount_belongs_to_it(text, surface, recipient):
    assert _one(text, surface).recipient == recipient


def test_a_donor_never_gives_to_itself():
    text = "A new $275 million package of US arms was unveiled on Friday."
    got = _one(text, "$275 million")
    assert got.recipient != got.donor


@pytest.mark.parametrize("alias, canonical", [
    ("Bhutan", "Bhutan"), ("Maldivian", "Maldives"), ("Ivory Coast", "Côte d'Ivoire"), ("Skopje", "North Macedonia"),
    ("Zelenskyy", "Ukraine"), ("Scholz", "Germany"), ("Council of the European Union", "European Union"),
])
def test_gazetteer_covers_every_country_and_leaders(alias, canonical):
    assert canonical_name(alias) == canonical


@pytest.mark.parametrize("text, places", [
    ("a loan to Kenya Airways", []),
    ("$12 billion from Taiwan Semiconductor Manufacturing Company in Arizona", ["Arizona"]),
    ("a loan to Seba Foods Zambia Ltd., which", ["Zambia"]),  # inside the name: where the firm is
    ("a facility to Africa GreenCo, a company operating in Zambia", ["Zambia"]),
    ("a partnership with the International University of Africa in Kenya", ["Kenya"]),
    ("the U.S.-Africa Leaders Summit", []),
    ("aid to Africa and Latin America", ["Africa", "Latin America"]),
    ("the Ukraine Security Assistance Initiative", ["Ukraine"]),
    ("grants to two Urban Indian Organizations and Indian\nhealth systems", []),
])
def test_places_inside_other_names_are_no_places(text, places):
    assert [m.canonical for m in find_actors(text)] == places


@pytest.mark.parametrize("text, places", [
    # the longest name wins: the two Congos as news spells them, with and without "the"
    ("aid to the Democratic Republic of Congo and Chad", ["Democratic Republic of the Congo", "Chad"]),
    ("aid to the Republic of Congo and Gabon", ["Republic of the Congo", "Gabon"]),
    ("in DRC, Burundi, Central African Republic, Republic of Congo, and Rwanda",
     ["Democratic Republic of the Congo", "Burundi", "Central African Republic", "Republic of the Congo", "Rwanda"]),
    ("grants to St. Lucia, the Cook Islands and Niue", ["Saint Lucia", "Cook Islands", "Niue"]),
])
def test_countries_as_news_spells_them(text, places):
    assert [m.canonical for m in find_actors(text)] == places


def test_elliptical_list_of_recipients():
    text = ("Nepal is to receive ₹550 crore from India and the Maldives ₹400 crore, while ₹200 crore is "
            "earmarked for the people of Afghanistan.")
    figs = []
    for surface in ("₹550 crore", "₹400 crore", "₹200 crore"):
        start = text.index(surface)
        figs.append(Figure(start, start + len(surface), surface, "money", None, unit="INR", currency="INR"))
    got = annotate(text, figs, TUE)
    assert [(f.donor, f.recipient) for f in got] == [("India", "Nepal"), ("India", "Maldives"),
                                                     ("India", "Afghanistan")]
