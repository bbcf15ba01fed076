"""Items by behaviour: the noun phrase that names what a figure is, from the words left and right of it.
Every row is a sentence written for these tests."""
from __future__ import annotations

import datetime as _dt

import pytest

from ledger import extract_figures
from ledger.context.item_rules import team_item, weak
from ledger.context.items import count_item, money_item, percent_item


@pytest.mark.parametrize(
    "left, right, item",
    [
        # evaluative or abstract nouns are never items: the subject of the level names the money
        ("Danish ODA reached a record high of ", " in 2022.", "Danish ODA"),
        ("Refugee funding hit an all-time peak of ", " last year.", "Refugee funding"),
        ("The fund will spend ", " to offset the effects of the drought.", None),
        ("Japan gave ", " to complement the work of local charities.", None),
        # a list announced after the amount names what it is
        ("Canada pledged ", " to the following programmes:", "programmes"),
        ("Oslo set aside ", " for the following priorities: water and seeds.", "priorities"),
        # "through NP" when nothing else names the money (not an actor, a month or a weak noun)
        ("The agency spends ", " each year through Food for Progress, a program for farmers.", "Food for Progress"),
        ("Of this, ", " will go to help families through cash transfers.", "cash transfers"),
        ("Canada sent ", " through the World Bank.", None),
        ("The programme runs ", " a year through December.", None),
        ("They pledged ", " through the end of the decade.", None),
        # dotted abbreviations and bracketed acronyms stay inside the noun phrase
        ("", " in additional U.K. Government loan guarantees to Kenya.", "additional U.K. Government loan guarantees"),
        ("", " in emergency food assistance (EFA) grants for Sudan.", "emergency food assistance (EFA) grants"),
        # a change names the change; a purpose or a link word names the thing
        ("Aid rose, an increase of ", " (US$2 million) on 2022.", "increase"),
        ("Funding to Chad increased by ", ", reaching a new high.", "increase"),
        ("It was a net decline of ", " from the plan.", "net decline"),
        ("Oslo gave ", " to procure water pumps for farms.", "water pumps"),
        ("Oslo gave ", " to scale up school meals in the north.", "school meals"),
        ("Of that, ", " will be for seed distribution.", "seed distribution"),
        ("Rome sent tents worth ", " to Chad.", "tents"),
        ("The fund raised the amount of mobilized grants from ", " in 2019.", "mobilized grants"),
        ("Seoul approved ", " for 2024 Foreign Affairs budget.", "2024 Foreign Affairs budget"),
        # a year, a verb or a bare level is no item
        ("Spending grew ", " (US$4 million) in 2022.", None),
        ("The relief budget was significantly expanded from ", " in 2019.", None),
        ("The budget stood at ", ".", None),
    ],
)
def test_money_items(left, right, item):
    assert money_item(left, right) == item


@pytest.mark.parametrize(
    "left, right, tail, item",
    [
        # "X% of NP", with "total" as an adjective and an amount skipped
        ("Donors now cover ", " of total education spending in Chad.", "", "total education spending"),
        ("We expect to pay out ", " of our ", " of our $20 billion loan in May.", "loan"),
        ("They hold about ", " of all bank deposits.", "", "bank deposits"),
        # the noun phrase whose value changes: "NP to (under) X%", "NP from X% to Y%"
        ("The programme cut the malaria infection rate to below ", " in two years.", "", "malaria infection rate"),
        ("Aid helped lower the stunting rate in Peru from 28% to ", ".", "", "stunting rate in Peru"),
        ("Unemployment rose to ", " in May.", "", None),
        # "X% NP": a bare noun phrase right after the rate
        ("The ministry reported an ", " overall increase in exports.", "", "overall increase"),
        ("The report shows a ", " annual decline in remittances.", "", "annual decline"),
        ("Officials said the deal was ", " done.", "", None),
        ("Prices were ", " higher than a year ago.", "", None),
        ("Sales grew ", " year-on-year.", "", None),
    ],
)
def test_percent_items(left, right, tail, item):
    assert percent_item(left, right, tail) == item


@pytest.mark.parametrize(
    "right, left, item",
    [
        (".", "clinics serving Chad’s population of ", "Chad’s population"),
        (" trucks reached the border.", "a convoy of ", "trucks"),
        (".", "prices rose by a factor of ", None),
    ],
)
def test_count_items_read_the_noun_they_are_of(right, left, item):
    assert count_item(right, left) == item


@pytest.mark.parametrize(
    "right, item",
    [
        ("-person medical team arrived in Beira.", "medical team"),
        ("-member expert panel will review the grants.", "expert panel"),
        ("-strong engineering battalion", "engineering battalion"),
        (" people were evacuated.", None),
    ],
)
def test_team_items(right, item):
    assert team_item(right) == item


@pytest.mark.parametrize(
    "item, is_weak",
    [("record high", True), ("effects", True), ("work", True), ("refugee funding", False), (None, False)],
)
def test_weak_items(item, is_weak):
    assert weak(item) == is_weak


@pytest.mark.parametrize(
    "text, surface, item",
    [
        ("Norway sent a 12-person disaster assessment team to Malawi on Monday.", "12", "disaster assessment team"),
        ("Swedish aid reached a record high of $6 billion in 2023.", "$6 billion", "Swedish aid"),
        # an amount without an item of its own takes the article's aid topic
        ("Norway gave $5 million in ODA to Chad.\n\nNorway gave $3 million in ODA to Mali.\n\n"
         "In 2022, $2 million went to Niger.", "$2 million", "ODA"),
    ],
)
def test_annotate_uses_the_item_rules(text, surface, item):
    figs = {f.surface: f for f in extract_figures(text, published=_dt.date(2024, 5, 8))}
    assert figs[surface].item == item
