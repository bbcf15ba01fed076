"""The SQLite store: round trips, idempotent re-runs, replaced content, schema versions, atomic batches."""
from __future__ import annotations

import dataclasses
import datetime as dt
import sqlite3

import pandas as pd
import pytest

from ledger import Document, Figure, ReadError
from ledger.normalise import to_rows
from ledger.store.schema import DOCUMENT_DTYPES, ERROR_DTYPES, FACT_DTYPES, MENTION_DTYPES
from ledger.store import SCHEMA_VERSION, Store, StoreError

D = dt.date


def doc(doc_id: str, text: str = "Washington sent $400 million.", published=D(2022, 12, 9)) -> Document:
    return Document(doc_id=doc_id, source=f"{doc_id}.txt", text=text, title=f"Title {doc_id}",
                    published=published, url=f"https://example.org/{doc_id}")


def package(value=400e6, surface="$400 million", start=16) -> Figure:
    return Figure(start=start, end=start + len(surface), surface=surface, kind="money", value=value,
                  currency="USD", unit="USD", role="package", donor="United States", recipient="Ukraine",
                  event_date=D(2022, 12, 9), sentence="Washington sent $400 million.")


def item(doc_id: str, content_hash: str = "h1", figures=None):
    d = doc(doc_id)
    return d, content_hash, to_rows(d, figures if figures is not None else [package()])


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "reports" / "ledger.sqlite") as s:
        yield s


def test_round_trip_keeps_every_column_and_dtype(store):
    d, h, rows = item("a")
    store.add_batch([(d, h, rows)], [ReadError("bad.bin", "binary file")])
    assert dict(store.mentions().dtypes.astype(str)) == MENTION_DTYPES
    assert dict(store.documents().dtypes.astype(str)) == DOCUMENT_DTYPES
    assert dict(store.errors().dtypes.astype(str)) == ERROR_DTYPES
    back = store.mentions().iloc[0]
    want = rows[0]
    for col in ("doc_id", "figure_id", "surface", "value", "value_usd", "fx_source", "donor", "start"):
        assert back[col] == getattr(want, col), col
    assert back["published"] == pd.Timestamp(2022, 12, 9) and back["fx_date"] == pd.Timestamp(want.fx_date)
    assert store.documents().iloc[0][["doc_id", "content_hash", "n_figures"]].tolist() == ["a", "h1", 1]
    assert store.errors().iloc[0][["source", "reason"]].tolist() == ["bad.bin", "binary file"]
    assert store.known("a") == "h1" and store.known("zzz") is None


def test_facts_round_trip_with_their_dtypes(store):
    store.add_batch([item("a"), item("b")], [])
    assert store.facts_stale
    assert store.rebuild_facts() == 1 and not store.facts_stale
    facts = store.facts()
    assert dict(facts.dtypes.astype(str)) == FACT_DTYPES
    assert facts.iloc[0][["n_mentions", "n_documents", "doc_ids"]].tolist() == [2, 2, "a; b"]
    assert set(store.mentions()["fact_id"]) == {facts.iloc[0]["fact_id"]}


@pytest.mark.parametrize(
    "second_batch, n_documents, n_mentions, n_facts",
    [
        ([item("a"), item("b")], 2, 2, 1),                          # same inputs again: nothing added
        ([item("a"), item("b"), item("c")], 3, 3, 1),               # a new article repeating the package
        ([item("a", "h2", [package(), package(5e6, "$5 million", 40)]), item("b")], 2, 3, 2),  # a changed
    ],
)
def test_rerun_adds_only_what_is_new_and_replaces_changed_documents(tmp_path, second_batch, n_documents,
                                                                    n_mentions, n_facts):
    path = tmp_path / "ledger.sqlite"
    for batch in ([item("a"), item("b")], second_batch):
        with Store(path) as s:
            s.add_batch(batch, [ReadError("x.bin", "binary file")])
            s.rebuild_facts()
    with Store(path) as s:
        assert (len(s.documents()), len(s.mentions()), len(s.facts())) == (n_documents, n_mentions, n_facts)
        assert len(s.errors()) == 1  # the same failing input is listed once, however many runs met it
        assert len(s.runs()) == 2


def test_a_document_that_reads_later_clears_its_old_error(store):
    store.add_batch([], [ReadError("a.txt", "empty file")])
    store.add_batch([item("a")], [])
    assert store.errors().empty


def test_a_failing_batch_writes_nothing(store):
    store.add_batch([item("a")], [])
    good = item("b")
    d, h, rows = item("c")
    broken = (d, h, [dataclasses.replace(rows[0], value=object())])  # cannot be bound: fails mid-batch
    with pytest.raises(sqlite3.Error):
        store.add_batch([good, broken], [ReadError("x.bin", "binary file")])
    assert store.documents()["doc_id"].tolist() == ["a"]
    assert len(store.mentions()) == 1 and store.errors().empty
    assert store.known("b") is None
    store.add_batch([good], [])  # the store still works after the failed batch
    assert store.documents()["doc_id"].tolist() == ["a", "b"]


def test_a_store_from_a_newer_aid_ledger_is_refused_with_advice(tmp_path):
    path = tmp_path / "ledger.sqlite"
    Store(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(SCHEMA_VERSION + 1),))
    with pytest.raises(StoreError, match=rf"newer aid-ledger \(schema {SCHEMA_VERSION + 1}\); upgrade "
                                         r"aid-ledger or use --db"):
        Store(path)


@pytest.mark.parametrize(
    "content, message",
    [
        (b"this is not a database at all, just text" * 40, "not an aid-ledger store"),
        (None, "not an aid-ledger store"),  # an SQLite database of some other program
    ],
)
def test_a_file_that_is_not_a_store_is_refused(tmp_path, content, message):
    path = tmp_path / "other.db"
    if content is None:
        with sqlite3.connect(path) as conn:
            conn.execute("CREATE TABLE people (name TEXT)")
    else:
        path.write_bytes(content)
    with pytest.raises(StoreError, match=message):
        Store(path)


def test_store_uses_wal_and_records_its_schema_version(store):
    conn = sqlite3.connect(store.path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()[0] == str(SCHEMA_VERSION)
    conn.close()


def test_frames_after_rebuild_equal_a_fresh_read(tmp_path):
    path = tmp_path / "ledger.sqlite"
    with Store(path) as s:
        s.add_batch([item("b"), item("a", figures=[package(), package(5e6, "$5 million", 40)]), item("c")], [])
        s.rebuild_facts()
        cached_mentions, cached_facts = s.mentions(), s.facts()
    with Store(path) as fresh:
        pd.testing.assert_frame_equal(cached_mentions, fresh.mentions())
        pd.testing.assert_frame_equal(cached_facts, fresh.facts())


def test_a_span_reported_twice_by_the_extractor_is_stored_once(store):
    d, h, rows = item("a", figures=[package(), package(), package(5e6, "$5 million", 40)])
    store.add_batch([(d, h, rows)], [])
    assert store.mentions()["surface"].tolist() == ["$400 million", "$5 million"]
    assert store.documents()["n_figures"].tolist() == [2]


def test_frames_follow_writes_made_by_another_process(tmp_path):
    path = tmp_path / "ledger.sqlite"
    with Store(path) as reader, Store(path, exclusive=False) as writer:
        reader.add_batch([item("a")], [])
        reader.rebuild_facts()
        writer.add_batch([item("b", figures=[package(7e6, "$7 million")])], [])
        writer.rebuild_facts()
        assert len(reader.facts()) == 2 and len(reader.mentions()) == 2
