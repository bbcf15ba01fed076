"""Context rules by behaviour: items of percentages, counts and money, roles of parts and totals, the
recipient a release is about, channels and owners, sentence ends. Each row is a sentence written for these tests."""
from __future__ import annotations

import datetime as dt

import pytest

from ledger.context import annotate, split_sentences
from ledger.context.items import count_item, head_noun, money_item, percent_item, topic_item
from ledger.model import Figure

DAY = dt.date(2023, 3, 11)


def _figs(text: str, specs: list[tuple[str, str]]) -> list[Figure]:
    out, pos = [], 0
    for surface, kind in specs:
        start = text.index(surface, pos)
        pos = start + len(surface)
        unit = "USD" if kind == "money" else ("%" if kind == "percent" else None)
        out.append(Figure(start, pos, surface, kind, 1e6, unit=unit,  # a realistic size: the rules read sizes
                          currency=unit if kind == "money" else None))
    return out


@pytest.mark.parametrize(
    "left, right, item",
    [
        ("", " of households in the north lack water", "households"),
        ("lowered the number of new malaria cases by ", " over ten years", "new malaria cases"),
        ("reached a literacy rate of ", " last year", "literacy rate"),
        ("more than ", " (40,000) of farmers in the valley", "farmers"),
        ("rose ", " in March", None),
    ],
)
def test_percent_items(left, right, item):
    assert percent_item(left, right) == item


@pytest.mark.parametrize(
    "right, item",
    [
        (" nurses trained last spring", "nurses"),
        (" clinics serving remote villages", "clinics"),
        (" water, food, and medical kits;", "water, food, and medical kits"),
        (" Syrians who fled the fighting", "Syrians"),
        (" sanctions listings on banks", "sanctions listings"),
        (" gas masks for firefighters", "gas masks"),
    ],
)
def test_count_items(right, item):
    assert count_item(right) == item


@pytest.mark.parametrize(
    "right, item",
    [
        (" in food, shelter, and other relief aid requested by Chad", "food, shelter, and other relief aid"),
        (" in drawdown authority Parliament granted in May", "drawdown authority"),
    ],
)
def test_money_items_stop_at_a_new_clause(right, item):
    assert money_item("", right) == item


@pytest.mark.parametrize(
    "sentence, at, item",
    [
        ("Spain will give $9 million to support farmers.", 5, None),
        ("Spain will give $9 million in emergency funding.", 5, "emergency funding"),
    ],
)
def test_topic_item_ignores_verb_uses(sentence, at, item):
    assert topic_item(sentence, at) == item


@pytest.mark.parametrize(
    "phrase, head",
    [("Syrians who fled the fighting", "syrian"), ("armoured vehicles (APCs) and trucks", "vehicle"),
     ("families living in tents", "family")],
)
def test_head_noun_skips_asides_and_clauses(phrase, head):
    assert head_noun(phrase) == head


@pytest.mark.parametrize(
    "text, specs, roles",
    [
        ("Of the new $900 million pledge from Oslo, $600 million goes to food and $300 million to shelter.",
         [("$900 million", "money"), ("$600 million", "money"), ("$300 million", "money")],
         ["package", "component", "component"]),
        ("Canada will give $40 million to Chad, including $10 million in cash transfers.",
         [("$40 million", "money"), ("$10 million", "money")], ["package", "component"]),
        ("Sweden will lend at least $5 million of its loan through the clinic network to Mali.",
         [("$5 million", "money")], ["component"]),
        ("Denmark granted Kenya $8 million in general budget support on Monday.",
         [("$8 million", "money")], ["package"]),
        ("Italy gave $3 million to Niger to help farms increase yields.",
         [("$3 million", "money")], ["package"]),
        ("Chad received NOK2 billion (US$190 million) in 2022, official data show.",
         [("NOK2 billion", "money"), ("US$190 million", "money")], ["cumulative", "cumulative"]),
    ],
)
def test_roles_of_parts_and_totals(text, specs, roles):
    assert [f.role for f in annotate(text, _figs(text, specs), DAY)] == roles


@pytest.mark.parametrize(
    "text, donor, recipient",
    [
        # named once, in passing: not the article's recipient
        ("Norway's aid in 2023\n\nNorway pledged $5 million to Mali.\n\n"
         "Norway also gave $2 million for climate work.\n\nNorway added $1 million for health.", "Norway", None),
        # the headline names the recipient: figures without one get it
        ("Japan announces aid to Laos\n\nJapan gave $5 million on Monday.\n\nJapan added $1 million.",
         "Japan", "Laos"),
    ],
)
def test_dominant_recipient_must_be_topical(text, donor, recipient):
    specs = [(s, "money") for s in ("$1 million",)]
    last = annotate(text, _figs(text, [("$5 million", "money")] + ([("$2 million", "money")] if "$2" in text else [])
                                + specs), DAY)[-1]
    assert (last.donor, last.recipient) == (donor, recipient)


@pytest.mark.parametrize(
    "text, donor, recipient",
    [
        ("Of the $10 billion EU commitment, France gives $2 billion to Ukraine.", "European Union", None),
        ("Canada sent $4 million to Haiti through the World Bank.", "Canada", "Haiti"),
    ],
)
def test_channels_and_owners(text, donor, recipient):
    first = annotate(text, _figs(text, [(text.split("$")[1].split(" ")[0].join("$ ") + text.split("$")[1].split(" ")[1],
                                         "money")]), DAY)[0]
    assert first.donor == donor
    if recipient:
        assert first.recipient == recipient


@pytest.mark.parametrize(
    "text, n",
    [("The fund gave $5 million.\nThe rest came later.", 2), ("It cost 5.2 million\neuros in all.", 1)],
)
def test_full_stop_before_a_line_wrap_ends_a_sentence(text, n):
    assert len(split_sentences(text)) == n
