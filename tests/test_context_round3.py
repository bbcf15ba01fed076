"""Round-3 context rules: roles, dates and lists. Every row is a sentence written for these tests."""
from __future__ import annotations

import datetime as dt

import pytest

from ledger.context import annotate, split_sentences
from ledger.model import Figure

DAY = dt.date(2023, 3, 11)
UNITS = {"money": "USD", "percent": "%"}


def _figs(text: str, specs: list[tuple[str, str]]) -> list[Figure]:
    out, pos = [], 0
    for spec in specs:
        surface, kind, unit = (*spec, None)[:3] if len(spec) == 3 else (*spec, UNITS.get(spec[1]))
        start = text.index(surface, pos)
        pos = start + len(surface)
        out.append(Figure(start, pos, surface, kind, 1.0, unit=unit, currency=unit if kind == "money" else None))
    return out


@pytest.mark.parametrize(
    "text, specs, roles",
    [
        # the same quantity written twice: the second is as much "other" as the first
        ("Spending rose, an increase of 10% or $5 million on last year.",
         [("10%", "percent"), ("$5 million", "money")], ["other", "other"]),
        # counts in one enumeration share a role
        ("The team, made up of 40 members and 6 trucks, arrived.",
         [("40", "count", "member"), ("6", "count", "truck")], ["other", "other"]),
        # a whole named mid-sentence, then its part
        ("We announce that of the $30 billion EU commitment, France will lend $8 billion.",
         [("$30 billion", "money"), ("$8 billion", "money")], ["package", "component"]),
        # a whole whose own cue says it is a total
        ("Of the health aid, totaling $90 million in 2021, $40 million went to clinics.",
         [("$90 million", "money"), ("$40 million", "money")], ["cumulative", "component"]),
        # "from X to Y": Y is the same kind of amount as X
        ("The relief budget grew from $10 million in 2022 to $14 million in 2023.",
         [("$10 million", "money"), ("$14 million", "money")], ["budget", "budget"]),
        # a past year's amount is a total for that year
        ("In 2021, $7 million went to Mali.", [("$7 million", "money")], ["cumulative"]),
        # "as part of an effort" is no part of a package
        ("Italy gave $4 million to Chad as part of an effort to rebuild schools.",
         [("$4 million", "money")], ["package"]),
        ("Spain used $9 million in supplemental resources to reinforce ports.",
         [("$9 million", "money")], ["budget"]),
        ("Chad was the largest recipient with $6 million.", [("$6 million", "money")], ["cumulative"]),
        # an "other" cue far before the figure does not make it other
        ("To make the aggressor pay for the damage caused to the country, the partners agreed to lend $50 billion.",
         [("$50 billion", "money")], ["package"]),
    ],
)
def test_round3_roles(text, specs, roles):
    assert [f.role for f in annotate(text, _figs(text, specs), DAY)] == roles


def test_this_includes_inherits_a_total_from_the_sentence_before():
    text = "Since March, Norway has provided $50 million to Chad. This includes $20 million in food aid."
    figs = annotate(text, _figs(text, [("$50 million", "money"), ("$20 million", "money")]), DAY)
    assert [f.role for f in figs] == ["cumulative", "cumulative"]


@pytest.mark.parametrize(
    "text, surface, kind, unit, role",
    [
        # a list item that runs over two sentences: the second still belongs to the list
        ("Japan is sending:\n\n- Tents: 300 tents for families. It also covers 900 blankets.\n- Food: 40 tons.",
         "900", "count", "blanket", "component"),
        # a plain paragraph after the list is no list item
        ("Japan is sending:\n\n- Tents: 300 tents.\n\nOfficials met 900 mayors in the region.",
         "900", "count", "mayor", "other"),
    ],
)
def test_list_items_over_several_sentences(text, surface, kind, unit, role):
    figs = annotate(text, _figs(text, [(surface, kind, unit)]), DAY)
    assert figs[0].role == role


@pytest.mark.parametrize(
    "text, spec, date",
    [
        # a background figure is dated by the article's claim even beside an old year
        ("Since 2001, infections fell by 40 percent.", ("40 percent", "percent"), DAY),
        # a budget for a year names no single day
        ("The 2024 budget sets aside $12 million for schools.", ("$12 million", "money"), None),
    ],
)
def test_round3_dates(text, spec, date):
    assert annotate(text, _figs(text, [spec]), DAY)[0].event_date == date


@pytest.mark.parametrize(
    "text, n",
    [("**Norway gave $5 million.** Since May, more has come.", 2), ("It said **yes.** Then it left.", 2)],
)
def test_full_stop_inside_bold_ends_a_sentence(text, n):
    assert len(split_sentences(text)) == n


@pytest.mark.parametrize(
    "text, surface, donor, recipient",
    [
        # an actor that holds the amount named after it is the recipient
        ("Chad received $5 million from Denmark.", "$5 million", "Denmark", "Chad"),
        ("Mali was the second-largest recipient of Danish development assistance, receiving $3 million.",
         "$3 million", "Denmark", "Mali"),
        # a ranking of partners: each amount belongs to the name just before it
        ("Denmark's largest partners were UNICEF at $4 million and the WHO at $2 million.", "$2 million",
         "Denmark", "WHO"),
        ("Denmark's largest partners were UNICEF at $4 million and the WHO at $2 million.", "$4 million",
         "Denmark", "UNICEF"),
        # "people within X"
        ("Denmark will give $2 million to support people within Sudan.", "$2 million", "Denmark", "Sudan"),
    ],
)
def test_recipients_named_as_holders(text, surface, donor, recipient):
    figs = annotate(text, _figs(text, [(s, "money") for s in ("$4 million", "$2 million") if s in text]
                                if "UNICEF" in text else [(surface, "money")]), DAY)
    fig = next(f for f in figs if f.surface == surface)
    assert (fig.donor, fig.recipient) == (donor, recipient)


@pytest.mark.parametrize(
    "left, right, item",
    [
        ("Aid rose, an increase of ", " (US$2 million) on 2022.", "increase"),
        ("Funding to Chad increased by ", ", reaching a new high.", "increase"),
        ("It was a net decline of ", " from the plan.", "net decline"),
        ("Oslo gave ", " to procure water pumps for farms.", "water pumps"),
        ("Oslo gave ", " to scale up school meals in the north.", "school meals"),
        ("Of that, ", " will be for seed distribution.", "seed distribution"),
        ("Rome sent tents worth ", " to Chad.", "tents"),
        ("The fund raised the amount of mobilized grants from ", " in 2019.", "mobilized grants"),
        ("Spending grew ", " (US$4 million) in 2022.", None),  # a year is no item
        ("The relief budget was significantly expanded from ", " in 2019.", None),  # a verb is no item
        ("The budget stood at ", ".", None),
        ("Seoul approved ", " for 2024 Foreign Affairs budget.", "2024 Foreign Affairs budget"),
    ],
)
def test_money_items_round3(left, right, item):
    from ledger.context.items import money_item

    assert money_item(left, right) == item


def test_amounts_without_an_item_take_the_articles_aid_topic():
    text = ("Norway gave $5 million in ODA to Chad.\n\nNorway gave $3 million in ODA to Mali.\n\n"
            "In 2022, $2 million went to Niger.")
    figs = annotate(text, _figs(text, [(s, "money") for s in ("$5 million", "$3 million", "$2 million")]), DAY)
    assert [f.item for f in figs] == ["ODA", "ODA", "ODA"]


@pytest.mark.parametrize(
    "text, surface, date",
    [
        # reported speech in an article whose lede names the day: that day
        ("On Thursday, Oslo pledged $5 million to Chad.\n\nThe minister said that 300 clinics would close.",
         "300", dt.date(2023, 3, 9)),
        # a background fact: the article's date
        ("On Thursday, Oslo pledged $5 million to Chad.\n\nSome 300 clinics have closed in the region.",
         "300", DAY),
    ],
)
def test_background_figures_take_the_reported_day(text, surface, date):
    figs = annotate(text, _figs(text, [("$5 million", "money"), (surface, "count", "clinic")]), DAY)
    assert figs[1].event_date == date
