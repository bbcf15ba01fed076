"""Context stage: roles, actors, items and dates of figures in sentences written for these tests."""
from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from ledger.context import annotate, canonical_name, split_sentences
from ledger.context.dates import find_dates, resolve
from ledger.context.items import head_noun
from ledger.model import Figure

SAT = dt.date(2023, 3, 11)  # a Saturday

#: The value these hand-made figures carry: an amount of a realistic size (the rules read sizes: an amount
#: under a thousand units is a price), not the surface's own value.
PLACEHOLDER = 1e6


def _fig(text: str, surface: str, kind: str = "money", unit: str | None = "USD", nth: int = 0) -> Figure:
    start = -1
    for _ in range(nth + 1):
        start = text.index(surface, start + 1)
    return Figure(start, start + len(surface), surface, kind, PLACEHOLDER, unit=unit,
                  currency=unit if kind == "money" else None)


def _annotate_one(text: str, surface: str, kind: str = "money", unit: str | None = "USD",
                  published: dt.date | None = SAT) -> Figure:
    return annotate(text, [_fig(text, surface, kind, unit)], published)[0]


@pytest.mark.parametrize(
    "alias, canonical",
    [
        ("Washington", "United States"), ("White House", "United States"), ("Pentagon", "United States"),
        ("USAID", "United States"), ("U.S.", "United States"), ("Kremlin", "Russia"), ("Moscow", "Russia"),
        ("Kyiv", "Ukraine"), ("Kiev", "Ukraine"), ("Tehran", "Iran"), ("Brussels", "European Union"),
        ("Downing Street", "United Kingdom"), ("Britain", "United Kingdom"), ("Berlin", "Germany"),
        ("Tokyo", "Japan"), ("International Monetary Fund", "IMF"), ("World Bank", "World Bank"),
        ("NATO", "NATO"), ("Turkey", "Türkiye"), ("Kerala", "Kerala"), ("Norwegian", "Norway"),
        ("Seoul", "South Korea"), ("Nobody", None),
    ],
)
def test_gazetteer_maps_aliases_and_metonyms(alias, canonical):
    assert canonical_name(alias) == canonical


@pytest.mark.parametrize(
    "text, n",
    [
        ("The U.S. sent aid on Dec. 9 to Kyiv. It arrived.", 2),
        ("Prices rose 2.5 percent. No. 10 said so.", 2),
        ("Headline without a stop\n\nBody sentence one. Body two.", 3),
        ("The package includes:\n\n- 500 generators;\n- 20 trucks.", 3),
        ("Mr. Smith met Gen. Jones in Washington. They spoke.", 2),
        ("**Norway gave $5 million.** Since May, more has come.", 2),  # a full stop inside bold ends one
        ("It said **yes.** Then it left.", 2),
    ],
)
def test_sentence_splitter(text, n):
    assert len(split_sentences(text)) == n


@pytest.mark.parametrize(
    "text, surface, role",
    [
        ("Germany on Tuesday pledged a new $50 million aid package for Moldova.", "$50 million", "package"),
        ("The grant brings Japan's total support to Ukraine to $7 billion.", "$7 billion", "cumulative"),
        ("Canada has provided $2 billion to Ukraine since February 2022.", "$2 billion", "cumulative"),
        ("So far, Norway has given $900 million to Sudan.", "$900 million", "cumulative"),
        ("The government requested $12 billion from parliament for Kenya.", "$12 billion", "budget"),
        ("Congress appropriated $40 billion in aid for Ukraine.", "$40 billion", "budget"),
        ("The earthquake caused $3 billion in damage across Türkiye.", "$3 billion", "other"),
    ],
)
def test_money_roles(text, surface, role):
    assert _annotate_one(text, surface).role == role


def test_list_items_after_includes_are_components():
    text = ("Berlin announced a $100 million package for Ukraine on Monday. The package includes:\n\n"
            "- 40 armored vehicles;\n- 12 ambulances.")
    figs = [_fig(text, "$100 million"), _fig(text, "40", "count", "vehicle"), _fig(text, "12", "count", "ambulance")]
    got = annotate(text, figs, SAT)
    assert [f.role for f in got] == ["package", "component", "component"]
    assert [f.donor for f in got] == ["Germany"] * 3
    assert [f.recipient for f in got] == ["Ukraine"] * 3
    assert [f.item for f in got[1:]] == ["armored vehicles", "ambulances"]


@pytest.mark.parametrize(
    "text, surface, kind, unit, role",
    [
        ("The floods displaced 20,000 people in Pakistan.", "20,000", "count", "person", "other"),
        ("The shelling killed 14 civilians, officials said.", "14", "count", "civilian", "other"),
        ("Inflation reached 9 percent last year.", "9", "percent", "%", "other"),
    ],
)
def test_non_aid_figures_are_other_with_no_actors(text, surface, kind, unit, role):
    got = _annotate_one(text, surface, kind, unit)
    assert (got.role, got.donor, got.recipient) == (role, None, None)


@pytest.mark.parametrize(
    "text, surface, donor, recipient",
    [
        ("The White House announced $275 million in military aid to Kyiv.", "$275 million", "United States", "Ukraine"),
        ("Tokyo will lend $1 billion to Jakarta for new railways.", "$1 billion", "Japan", "Indonesia"),
        ("The IMF approved a $3 billion loan for Pakistan.", "$3 billion", "IMF", "Pakistan"),
        ("Since Russia's invasion, Britain has sent $4 billion to Ukraine.", "$4 billion", "United Kingdom", "Ukraine"),
        ("A $20 million grant from the European Union will help Haiti.", "$20 million", "European Union", "Haiti"),
    ],
)
def test_donor_and_recipient_from_the_sentence(text, surface, donor, recipient):
    got = _annotate_one(text, surface)
    assert (got.donor, got.recipient) == (donor, recipient)


def test_sentence_without_actors_uses_the_article_pair():
    text = ("Australia announced $30 million in aid to Fiji on Friday. "
            "Officials said a further $5 million would follow.")
    got = annotate(text, [_fig(text, "$30 million"), _fig(text, "$5 million")], SAT)
    assert (got[1].donor, got[1].recipient) == ("Australia", "Fiji")


@pytest.mark.parametrize(
    "phrase, published, expected",
    [
        ("on Friday", SAT, dt.date(2023, 3, 10)),
        ("on Saturday", SAT, SAT),  # an article of a Saturday: that Saturday
        ("last Saturday", SAT, dt.date(2023, 3, 4)),
        ("yesterday", SAT, dt.date(2023, 3, 10)),
        ("on Dec. 9", dt.date(2022, 12, 10), dt.date(2022, 12, 9)),
        ("May 21", dt.date(2023, 6, 1), dt.date(2023, 5, 21)),
        ("Dec. 20", dt.date(2024, 1, 5), dt.date(2023, 12, 20)),
        ("On December 21, 2023", SAT, dt.date(2023, 12, 21)),
        ("last month", SAT, None),
        ("in January 2021", SAT, None),
    ],
)
def test_date_resolution(phrase, published, expected):
    mentions = find_dates(phrase)
    assert len(mentions) == 1
    assert resolve(mentions[0], published) == expected


@pytest.mark.parametrize(
    "text, surface, role_date",
    [
        ("Spain on Friday pledged $10 million to Chad.", "$10 million", dt.date(2023, 3, 10)),
        ("Spain today pledged $10 million to Chad, on Saturday.", "$10 million", SAT),
        ("Spain pledged $10 million to Chad.", "$10 million", SAT),
        ("In January 2021, Spain pledged $10 million to Chad.", "$10 million", None),
        ("Spain has provided $90 million to Chad since March 3.", "$90 million", SAT),
    ],
)
def test_event_dates(text, surface, role_date):
    assert _annotate_one(text, surface).event_date == role_date


def test_no_published_date_gives_no_relative_date():
    fig = _annotate_one("Spain on Friday pledged $10 million to Chad.", "$10 million", published=None)
    assert fig.event_date is None


@pytest.mark.parametrize(
    "text, surface, item",
    [
        ("The U.S. unveiled a new $275 million aid package for Ukraine.", "$275 million", "aid package"),
        ("It adds $800 million in security assistance to Ukraine.", "$800 million", "security assistance"),
        ("Japan offered a loan of $20 billion to Ukraine.", "$20 billion", "loan"),
        ("Sweden gives $6 billion for the Ukraine Security Assistance Initiative.", "$6 billion",
         "Ukraine Security Assistance Initiative"),
    ],
)
def test_money_items(text, surface, item):
    assert _annotate_one(text, surface).item == item


@pytest.mark.parametrize(
    "phrase, head",
    [("155mm artillery rounds", "round"), ("sets of body armor", "set"), ("aid package", "package"),
     ("new funding towards humanitarian assistance", "funding"), (None, None)],
)
def test_head_noun(phrase, head):
    assert head_noun(phrase) == head


def test_empty_figure_list_is_cheap_and_empty():
    assert annotate("A long text " * 1000, [], SAT) == []


#: The fields the context stage fills; every other field of a Figure is the extractor's and is kept.
CONTEXT_FIELDS = frozenset(("item", "role", "donor", "recipient", "event_date", "sentence", "stage", "aid_type",
                            "window_start", "window_end", "why", "confidence"))


@pytest.mark.parametrize("text, surface", [
    ("Norway gave $5 million to Sudan on Friday.", "$5 million"),
    ("Sweden sent $3 million (30 million kronor) to Chad.", "30 million kronor"),  # restates the amount before
])
def test_context_keeps_every_field_the_extractor_set(text, surface):
    start = text.index(surface)
    extracted = Figure(start, start + len(surface), surface, "money", 5e6, low=4e6, high=6e6, qualifier="range",
                       unit="NOK", currency="NOK", change="up", per="year")
    before = [_fig(text, "$3 million")] if "$3 million" in text else []
    got = annotate(text, [*before, extracted], SAT)[-1]
    kept = [f.name for f in dataclasses.fields(Figure) if f.name not in CONTEXT_FIELDS]
    assert {n: getattr(got, n) for n in kept} == {n: getattr(extracted, n) for n in kept}
