"""Corrections in the store: how a correction finds its figure, what applying it does to the mention
and the facts, saving them, and the migration of a store written before corrections existed."""
from __future__ import annotations

import datetime as dt
import sqlite3

import pandas as pd
import pytest

from ledger import Document, Figure
from ledger.model import Correction
from ledger.normalise import to_rows
from ledger.normalise.fx import conversion
from ledger.store import SCHEMA_VERSION, Store
from ledger.store.corrected import apply_corrections, match
from ledger.store.schema import CORRECTION_DTYPES, MENTION_DTYPES, typed_frame

D = dt.date
TEXT = "Ottawa pledged $120 million in grants to Kenya; a second $120 million went to Ghana later."


def mention(start, end, surface, sentence="Ottawa pledged $120 million.", doc_id="a", **extra) -> dict:
    return {"doc_id": doc_id, "start": start, "end": end, "surface": surface, "sentence": sentence,
            "figure_id": f"{doc_id}{start}", "kind": "money", "currency": "USD", **extra}


def keys(*rows) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["doc_id", "start", "end", "surface", "sentence"])


MATCHES = [
    # name, mentions (start, end, surface, sentence), correction key (start, end, surface, sentence), matched
    ("same-span", [(15, 27, "$120 million", "s")], (15, 27, "$120 million", ""), 0),
    ("same-span-other-spelling", [(40, 46, "80,000", "s")], (40, 46, "80000", ""), 0),
    ("overlapping-span: the rules now read the scale word", [(15, 27, "$120 million", "s")], (15, 19, "$120", ""), 0),
    ("overlapping-span: a narrower reading", [(15, 19, "$120", "s")], (15, 27, "$120 million", ""), 0),
    ("an overlap whose surfaces differ is no match", [(15, 27, "$120 million", "s")],
     (20, 40, "million in grants", ""), None),
    ("same-sentence: the text before it moved", [(17, 29, "$120 million", "Ottawa  pledged $120 million.")],
     (15, 27, "$120 million", "Ottawa pledged $120 million."), 0),
    ("same-sentence: the nearest of two", [(80, 92, "$120 million", "T"), (17, 29, "$120 million", "T")],
     (15, 27, "$120 million", "T"), 1),
    ("same surface in another sentence is no match", [(70, 82, "$120 million", "other")],
     (15, 27, "$120 million", "Ottawa pledged $120 million."), None),
    ("the same span and surface win over an overlap", [(15, 27, "$120 million", "s"), (15, 19, "$120", "s")],
     (15, 19, "$120", ""), 1),
]


@pytest.mark.parametrize("name, mentions, key, expected", MATCHES, ids=[m[0] for m in MATCHES])
def test_a_correction_finds_its_figure(name, mentions, key, expected):
    frame = typed_frame([mention(s, e, surf, sent) for s, e, surf, sent in mentions], MENTION_DTYPES)
    (found,) = match(keys(("a", *key)), frame)
    assert found == (-1 if expected is None else expected)


def test_a_correction_of_another_document_finds_nothing():
    frame = typed_frame([mention(15, 27, "$120 million", doc_id="b")], MENTION_DTYPES)
    assert match(keys(("a", 15, 27, "$120 million", "")), frame).tolist() == [-1]


def test_a_figure_is_given_to_one_key_only():
    frame = typed_frame([mention(15, 27, "$120 million")], MENTION_DTYPES)
    found = match(keys(("a", 15, 27, "$120 million", ""), ("a", 15, 19, "$120", "")), frame)
    assert found.tolist() == [0, -1]


WHY = 'role=package by aid-noun "grants"; donor=Canada by named-in-sentence "Ottawa"; stage=pledged by stage-verb'
BASE = dict(role="package", donor="Canada", recipient="Kenya", stage="pledged", aid_type="development", why=WHY,
            confidence=0.65, value=120e6, value_usd=120e6, value_eur=110e6, qualifier="exact",
            fx_date=pd.Timestamp(2023, 3, 1), fx_rate=1.0, fx_source="ECB")
APPLIED = [
    # field, set_to, expected columns of the mention
    ("role", "other", {"role": "other", "corrected": "role", "confidence": 1.0,
                       "why": 'role=other by review (rules: package by aid-noun "grants"); donor=Canada by '
                              'named-in-sentence "Ottawa"; stage=pledged by stage-verb'}),
    ("donor", "United States", {"donor": "United States", "corrected": "donor",
                                "why": 'role=package by aid-noun "grants"; donor=United States by review (rules: '
                                       'Canada by named-in-sentence "Ottawa"); stage=pledged by stage-verb'}),
    ("recipient", None, {"recipient": pd.NA, "corrected": "recipient"}),
    ("stage", "disbursed", {"stage": "disbursed"}),
    ("aid_type", "humanitarian", {"aid_type": "humanitarian", "corrected": "aid_type"}),
    ("value", "150000000", {"value": 150e6, "value_usd": 150e6, "corrected": "value",
                            "why": WHY + "; value=150000000 by review (rules: 120000000)"}),
    ("exclude", "yes", {"corrected": "exclude", "why": "excluded by review; " + WHY, "confidence": 1.0}),
    ("note", "checked against the release", {"corrected": "note", "confidence": 0.65,
                                             "why": WHY + '; note "checked against the release"'}),
]


@pytest.mark.parametrize("field, set_to, expected", APPLIED, ids=[f"{a[0]}={a[1]}" for a in APPLIED])
def test_applying_a_correction_sets_the_field_and_says_so(field, set_to, expected):
    frame = typed_frame([mention(15, 27, "$120 million", **BASE)], MENTION_DTYPES)
    corrections = typed_frame([{"doc_id": "a", "start": 15, "end": 27, "surface": "$120 million", "field": field,
                                "set_to": set_to}], CORRECTION_DTYPES)
    out, applied = apply_corrections(frame, corrections)
    row = out.iloc[0]
    for column, value in expected.items():
        assert (pd.isna(row[column]) if value is pd.NA else row[column] == value), column
    assert applied.tolist() == ["a15"]


def test_a_corrected_amount_is_converted_at_the_figures_rate_date():
    frame = typed_frame([mention(15, 27, "€2 million", **{**BASE, "currency": "EUR", "value": pd.NA, "low": 1e6,
                                                           "high": 3e6, "qualifier": "range"})], MENTION_DTYPES)
    fix = typed_frame([{"doc_id": "a", "start": 15, "end": 27, "surface": "€2 million", "field": "value",
                        "set_to": "2500000"}], CORRECTION_DTYPES)
    row = apply_corrections(frame, fix)[0].iloc[0]
    rates = conversion("EUR", D(2023, 3, 1))
    assert (row["value"], row["qualifier"], pd.isna(row["low"]), pd.isna(row["high"])) == (2.5e6, "exact", True, True)
    assert row["value_usd"] == pytest.approx(rates.to_usd(2.5e6)) and row["value_eur"] == pytest.approx(2.5e6)


def test_a_correction_that_finds_no_figure_is_stale_and_changes_nothing():
    frame = typed_frame([mention(15, 27, "$120 million", **BASE)], MENTION_DTYPES)
    fix = typed_frame([{"doc_id": "a", "start": 60, "end": 72, "surface": "$990 million", "field": "role",
                        "set_to": "other"}], CORRECTION_DTYPES)
    out, applied = apply_corrections(frame, fix)
    assert out.iloc[0]["role"] == "package" and pd.isna(out.iloc[0]["corrected"]) and applied.isna().all()


# -- in the store --------------------------------------------------------------------------------

def _figure(start: int, surface: str, value: float, recipient: str) -> Figure:
    return Figure(start=start, end=start + len(surface), surface=surface, kind="money", value=value, currency="USD",
                  unit="USD", role="package", donor="Canada", recipient=recipient, event_date=D(2023, 3, 1),
                  sentence=TEXT, why=WHY, confidence=0.65)


@pytest.fixture
def store(tmp_path):
    doc = Document("a", "a.txt", TEXT, "Grants", D(2023, 3, 1), None)
    rows = to_rows(doc, [_figure(15, "$120 million", 120e6, "Kenya"), _figure(56, "$120 million", 120e6, "Ghana")])
    with Store(tmp_path / "ledger.sqlite") as s:
        s.add_batch([(doc, "h", rows)])
        s.rebuild_facts()
        yield s


def fix(start: int, field: str, value: str | None) -> Correction:
    return Correction("a", start, start + 12, "$120 million", field, value, TEXT)


def test_saving_the_same_corrections_twice_changes_nothing(store):
    first = store.save_corrections([fix(15, "role", "other")], [], "review.csv")
    again = store.save_corrections([fix(15, "role", "other")], [], "review.csv")
    changed = store.save_corrections([fix(15, "role", "budget")], [], "review.csv")
    removed = store.save_corrections([], [fix(15, "role", None), fix(56, "role", None)], "review.csv")
    assert [(s.added, s.changed, s.removed) for s in (first, again, changed, removed)] == [
        (1, 0, 0), (0, 0, 0), (0, 1, 0), (0, 0, 1)]


def test_facts_are_built_from_the_corrected_mentions(store):
    store.save_corrections([fix(15, "exclude", "yes"), fix(56, "recipient", "Nigeria")], [], "review.csv")
    assert store.facts_stale
    assert store.rebuild_facts() == 1
    (fact,) = store.facts().to_dict(orient="records")
    assert (fact["recipient"], fact["corrected"], fact["confidence"]) == ("Nigeria", "recipient", 1.0)
    mentions = store.mentions().set_index("start")
    assert pd.isna(mentions.at[15, "fact_id"]) and mentions.at[15, "corrected"] == "exclude"
    assert store.mentions(as_read=True)["recipient"].tolist() == ["Kenya", "Ghana"]  # the rules' values stay
    assert store.corrections()["figure_id"].notna().all()


def test_a_store_of_schema_4_is_migrated_and_keeps_what_it_holds(tmp_path):
    path = tmp_path / "ledger.sqlite"
    doc = Document("a", "a.txt", TEXT, "Grants", D(2023, 3, 1), None)
    with Store(path) as s:
        s.add_batch([(doc, "h", to_rows(doc, [_figure(15, "$120 million", 120e6, "Kenya")]))])
        s.rebuild_facts()
    with sqlite3.connect(path) as conn:  # what a store written before corrections existed looks like
        conn.execute("DROP TABLE corrections")
        for table in ("mentions", "facts"):
            conn.execute(f"ALTER TABLE {table} DROP COLUMN corrected")
        conn.execute("UPDATE meta SET value = '4' WHERE key = 'schema_version'")
    with Store(path) as s:
        assert (len(s.mentions()), len(s.facts()), len(s.corrections()), s.facts_stale) == (1, 1, 0, False)
        s.save_corrections([fix(15, "role", "other")], [], "review.csv")
        s.rebuild_facts()
        assert s.facts()["role"].tolist() == ["other"]
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone() == (str(SCHEMA_VERSION),)
