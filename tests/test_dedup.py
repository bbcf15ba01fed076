"""build_facts: the same figure reported several times becomes one fact; different figures stay apart."""
from __future__ import annotations

import datetime as dt

import pytest

from ledger.store.schema import FACT_COLUMNS, rows_frame
from ledger.store import build_facts, fact_id_of

D = dt.date
_counter = iter(range(10**6))


def mention(doc="a", surface="$400 million", value=400e6, *, kind="money", currency="USD", role="package",
            donor="United States", recipient="Ukraine", event=D(2022, 12, 9), published=D(2022, 12, 9),
            low=None, high=None, unit=None):
    n = next(_counter)
    return dict(doc_id=doc, source=f"{doc}.txt", url=f"https://example.org/{doc}", published=published,
                title=None, start=n, end=n + len(surface), surface=surface, sentence="", kind=kind,
                value=value, low=low, high=high, qualifier="exact" if value is not None else "range",
                change=None, unit=unit or currency, currency=currency if kind == "money" else None, item=None,
                role=role, donor=donor, recipient=recipient, event_date=event, figure_id=f"fig{n:06d}",
                value_usd=value, value_eur=None, fx_rate=None, fx_date=None, fx_source=None)


CASES = {
    "two articles, same package": ([mention("a"), mention("b", published=D(2022, 12, 10))], 1),
    "19.3 vs 19.34 billion": ([mention("a", "$19.3 billion", 19.3e9, role="cumulative"),
                               mention("b", "$19.34 billion", 19.34e9, role="cumulative")], 1),
    "19.3 vs 19.38 billion: 19.38 rounds to 19.4": (
        [mention("a", "$19.3 billion", 19.3e9), mention("b", "$19.38 billion", 19.38e9)], 2),
    "19.31 and 19.34 both round to the 19.3 reported elsewhere": (
        [mention("a", "$19.3 billion", 19.3e9), mention("b", "$19.31 billion", 19.31e9),
         mention("c", "$19.34 billion", 19.34e9)], 1),
    "100 million does not absorb 149 million": (
        [mention("a", "$100 million", 100e6), mention("b", "$149 million", 149e6)], 2),
    "1.2 million vs 1,200,000": ([mention("a", "$1.2 million", 1.2e6), mention("b", "$1,200,000", 1.2e6)], 1),
    "different donors": ([mention("a"), mention("b", donor="Germany")], 2),
    "different recipients": ([mention("a"), mention("b", recipient="Moldova")], 2),
    "different currencies": ([mention("a"), mention("b", "€400 million", currency="EUR")], 2),
    "different roles": ([mention("a"), mention("b", role="budget")], 2),
    "dates 3 weeks apart": ([mention("a"), mention("b", event=D(2022, 12, 30))], 2),
    "dates 5 days apart": ([mention("a"), mention("b", event=D(2022, 12, 14))], 1),
    "no event date: publication dates close": (
        [mention("a", event=None), mention("b", event=None, published=D(2022, 12, 12))], 1),
    "dated vs undated": ([mention("a"), mention("b", event=None, published=None)], 2),
    "title and body of one article": ([mention("a", role="other"), mention("a", role="other")], 1),
    "'other' figures in two articles stay apart": (
        [mention("a", "40%", 40, kind="percent", role="other", unit="%"),
         mention("b", "40%", 40, kind="percent", role="other", unit="%")], 2),
    "no role counts as other": ([mention("a", role=None), mention("b", role=None)], 2),
    "same range in two articles": ([mention("a", "$2-3 billion", None, low=2e9, high=3e9),
                                    mention("b", "$2-3 billion", None, low=2e9, high=3e9)], 1),
    "range vs point": ([mention("a", "$2-3 billion", None, low=2e9, high=3e9),
                        mention("b", "$2.5 billion", 2.5e9)], 2),
    "headline without a recipient, body with one": (
        [mention("a", recipient=None), mention("a")], 1),
    "headline without a recipient, body names two for the same amount: left apart": (
        [mention("a", recipient=None), mention("a"), mention("a", recipient="Moldova")], 3),
    "a missing recipient is not filled from another article": (
        [mention("a", recipient=None), mention("b")], 2),
    "an amount restated in another currency in its sentence": (
        [dict(mention("a", "$5.5 billion", 5.5e9), sentence="Japan gives $5.5 billion (737 billion yen).", start=1),
         dict(mention("a", "737 billion yen", 737e9, currency="JPY"), value_usd=5.45e9,
              sentence="Japan gives $5.5 billion (737 billion yen).", start=20)], 1),
    "two different amounts in two currencies in one sentence stay apart": (
        [dict(mention("a", "$5.5 billion", 5.5e9), sentence="s", start=1),
         dict(mention("a", "30 billion yen", 30e9, currency="JPY"), value_usd=0.23e9, sentence="s", start=20)], 2),
    "vague amounts repeated in one article": (
        [mention("a", "millions", None, role="other"), mention("a", "millions", None, role="other")], 1),
}


@pytest.mark.parametrize("name", list(CASES))
def test_number_of_facts(name):
    records, n_facts = CASES[name]
    facts, fact_ids = build_facts(rows_frame(records))
    assert len(facts) == n_facts
    assert fact_ids.nunique() == n_facts and len(fact_ids) == len(records)
    assert facts["n_mentions"].sum() == len(records)


def test_fact_lists_its_mentions_and_takes_the_most_precise_earliest_value():
    records = [mention("b", "$19.3 billion", 19.3e9, event=D(2022, 12, 9), published=D(2022, 12, 12)),
               mention("a", "$19.34 billion", 19.34e9, event=D(2022, 12, 10), published=D(2022, 12, 10)),
               mention("a", "$19.34 billion", 19.34e9, event=D(2022, 12, 10), published=D(2022, 12, 10))]
    facts, fact_ids = build_facts(rows_frame(records))
    fact = facts.iloc[0]
    assert tuple(facts.columns) == FACT_COLUMNS
    assert fact["value"] == 19.34e9 and fact["surface"] == "$19.34 billion"
    assert fact["fact_id"] == fact_id_of(records[1]["figure_id"])
    assert (fact["n_mentions"], fact["n_documents"], fact["doc_ids"]) == (3, 2, "a; b")
    assert fact["sources"] == "a.txt; b.txt"
    assert fact["event_date"] == dt.datetime(2022, 12, 9)
    assert fact["first_published"] == dt.datetime(2022, 12, 10)
    assert set(fact_ids) == {fact["fact_id"]}


def test_fact_ids_are_stable_and_independent_of_input_order():
    records = [mention("a"), mention("b"), mention("c", "$1 billion", 1e9), mention("d", donor="Japan")]
    first, ids = build_facts(rows_frame(records))
    again, ids_again = build_facts(rows_frame(list(reversed(records))))
    assert sorted(first["fact_id"]) == sorted(again["fact_id"])
    assert list(ids) == list(reversed(list(ids_again)))


def test_no_mentions_no_facts():
    facts, ids = build_facts(rows_frame([]))
    assert tuple(facts.columns) == FACT_COLUMNS and facts.empty and ids.empty
