"""Context stage: the period a cumulative figure covers, read from its sentence."""
from __future__ import annotations

import datetime as dt

import pytest

from ledger.context.windows import RULES, window

CLAIM_DAY = dt.date(2022, 12, 10)
UA = "Ukraine"


@pytest.mark.parametrize("sentence, figure, recipient, start, end", [
    ("Aid since February 24 now tops $20 billion.", "$20 billion", UA, "2022-02-25", "2022-12-10"),
    ("Since 24 February 2022 Britain has given £2.3 billion.", "£2.3 billion", UA, "2022-02-25", "2022-12-10"),
    ("Since 2014 the US has committed more than $3 billion.", "$3 billion", UA, "2014-01-01", "2022-12-10"),
    ("since the start of the Biden administration, $21 billion", "$21 billion", UA, "2021-01-20", "2022-12-10"),
    ("We have provided $19 billion since taking office.", "$19 billion", UA, "2021-01-20", "2022-12-10"),
    ("$19 billion since the beginning of this administration", "$19 billion", UA, "2021-01-20", "2022-12-10"),
    ("Germany has pledged EUR 2 billion this year.", "EUR 2 billion", UA, "2022-01-01", "2022-12-10"),
    ("Britain gave £2.3 billion in 2022.", "£2.3 billion", UA, "2022-01-01", "2022-12-10"),
    ("Britain gave £2.3 billion in 2021.", "£2.3 billion", UA, "2021-01-01", "2021-12-31"),
    ("Britain gave £2.3 billion last year.", "£2.3 billion", UA, "2021-01-01", "2021-12-31"),
    ("support since 2014 until 2021 exceeds $60 billion", "$60 billion", UA, "2014-01-01", "2021-12-31"),
    ("In fiscal year 2022, USAID gave $113 million.", "$113 million", None, "2021-10-01", "2022-09-30"),
    ("$550 million in just the last two weeks", "$550 million", UA, "2022-11-26", "2022-12-10"),
    ("Aid since the invasion totals $18 billion.", "$18 billion", UA, "2022-02-25", "2022-12-10"),
    ("Since the start of the war, Japan has given $600 million.", "$600 million", UA, "2022-02-25", "2022-12-10"),
    ("Since March 2021 the fund has paid $5 million.", "$5 million", None, "2021-03-01", "2022-12-10"),
    ("Since December 12 the total reached $1 billion.", "$1 billion", UA, "2021-12-13", "2022-12-10"),
    # the phrase after the figure is its own; a phrase beyond another amount belongs to that one
    ("$6.1 billion since February 24; $6.8 billion since the beginning of this administration",
     "$6.8 billion", UA, "2021-01-20", "2022-12-10"),
    ("$6.1 billion since February 24; $6.8 billion since the beginning of this administration",
     "$6.1 billion", UA, "2022-02-25", "2022-12-10"),
    ("$2.5 billion since 2014, including more than $400 million this year", "$400 million", UA, "2022-01-01",
     "2022-12-10"),
    ("$2.5 billion since 2014, including more than $400 million this year", "$2.5 billion", UA, "2014-01-01",
     "2022-12-10"),
    # a phrase that opens the sentence covers every amount of it
    ("Since 2021, the US has given $150 million and mobilised another $60 million.", "$60 million", None,
     "2021-01-01", "2022-12-10"),
])
def test_window_of_a_figure(sentence, figure, recipient, start, end):
    got = window(sentence, sentence.index(figure), CLAIM_DAY, recipient=recipient)
    assert got is not None
    assert (got[0].isoformat(), got[1].isoformat()) == (start, end)
    assert got[2] in sentence


@pytest.mark.parametrize("sentence, figure, recipient", [
    ("The total so far is $3 billion.", "$3 billion", UA),
    ("Aid to date: $1 billion.", "$1 billion", UA),
    ("since the invasion, $3 billion", "$3 billion", "Haiti"),  # invasion of what? not Ukraine here
    ("Since 2023 we have given $5 billion.", "$5 billion", UA),  # after the claim: not a window
    ("$1 billion since June and $2 billion in total", "$2 billion", UA),  # the window is the other amount's
])
def test_no_window(sentence, figure, recipient):
    assert window(sentence, sentence.index(figure), CLAIM_DAY, recipient=recipient) is None


def test_every_rule_has_a_name_and_an_example():
    assert len({r.name for r in RULES}) == len(RULES)
    assert all("→" in r.example for r in RULES)
