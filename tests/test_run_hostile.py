"""The main job under hostile input and interrupted state: no input crashes a batch, bricks the
store, or leaves reports that mix two runs; every case has good documents beside it.
"""
from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

import pandas as pd
import pytest

from ledger.cli import main
from ledger.model import Document, ReadError, Row
from ledger.store import Store

GOOD = "Japan gave $5 million to Ukraine on Friday."


def _row(**fields) -> str:
    return json.dumps(fields) + "\n"


def _run(tmp_path: Path, *inputs, extra=()) -> int:
    return main(["run", *map(str, inputs), "--out", str(tmp_path / "out"), "--jobs", "1", *extra])


def _ledger(tmp_path: Path) -> pd.DataFrame:
    return pd.read_csv(tmp_path / "out" / "ledger.csv")


# -- 1. dates outside the representable range --------------------------------------------------

def test_a_far_date_becomes_empty_with_a_warning_and_the_store_keeps_working(tmp_path, capsys):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(_row(id="far", text="Norway gave NOK 7 million to Ukraine.", published="2300-01-01")
                      + _row(id="ok", text=GOOD, published="2023-03-03"), encoding="utf-8")
    assert _run(tmp_path, corpus) == 1
    err = capsys.readouterr().err
    assert (f"aid-ledger: {corpus}:1: publication date 2300-01-01 is outside the dates the ledger can hold "
            f"(1678-2261): kept without a date") in err
    ledger = _ledger(tmp_path)
    assert set(ledger["currency"]) == {"NOK", "USD"}
    assert ledger.loc[ledger["currency"] == "NOK", "published"].isna().all()
    assert _run(tmp_path, corpus) == 1  # the same warning again, and nothing crashes
    assert main(["report", "--out", str(tmp_path / "out")]) == 0


def test_a_store_that_already_holds_a_far_date_opens_and_rebuilds(tmp_path, capsys):
    article = tmp_path / "a.txt"
    article.write_text(f"published: 2023-03-03\n\n{GOOD}\n", encoding="utf-8")
    assert _run(tmp_path, article) == 0
    with sqlite3.connect(tmp_path / "out" / "ledger.sqlite") as conn:  # what an older version stored
        conn.execute("UPDATE mentions SET event_date = '2300-01-01', published = '9999-12-31'")
        conn.execute("UPDATE documents SET published = '2300-01-01'")
        conn.execute("UPDATE meta SET value = '1' WHERE key = 'facts_stale'")
    assert main(["report", "--out", str(tmp_path / "out"), "--rebuild-facts"]) == 0
    assert _run(tmp_path, article) == 0
    assert _ledger(tmp_path)["event_date"].isna().all()


def test_a_far_event_date_is_never_stored(tmp_path):
    doc = Document(doc_id="d", source="far.txt", text=GOOD)
    row = Row(doc_id="d", source="far.txt", url=None, published=None, title=None, start=11, end=22,
              surface="$5 million", sentence=GOOD, kind="money", value=5e6, low=None, high=None,
              qualifier="exact", change=None, unit="USD", currency="USD", item=None, role="package",
              donor="Japan", recipient="Ukraine", event_date=__import__("datetime").date(2400, 1, 1),
              figure_id="f1", value_usd=5e6, value_eur=None, fx_rate=1.0, fx_date=None, fx_source="ECB")
    with Store(tmp_path / "s.sqlite") as store:
        store.add_batch([(doc, "h", [row])], [])
        store.rebuild_facts()
        assert store.mentions()["event_date"].isna().all()
        (reason,) = store.errors()["reason"]
    assert reason == ("figure '$5 million': event_date 2400-01-01 outside the dates the ledger can hold "
                      "(1678-2261): kept without it")


# -- 2, 3. lone surrogates and file names that are not UTF-8 reach the store -------------------

def test_lone_surrogates_and_odd_file_names_are_stored(tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "c.jsonl").write_text(_row(id="s", text="Norway gave NOK 7 million \ud800 to Ukraine.",
                                         title="Aid \udcff"), encoding="utf-8", errors="surrogatepass")
    (folder / os.fsdecode(b"na\xefve \xff.txt")).write_text(GOOD, encoding="utf-8")
    assert _run(tmp_path, folder, extra=["-q"]) == 0
    ledger = _ledger(tmp_path)
    assert set(ledger["currency"]) == {"NOK", "USD"}
    assert any(s.endswith("na\\xefve \\xff.txt") for s in ledger["source"])
    assert "Traceback" not in capsys.readouterr().err


# -- 5. number words count toward the work limit -----------------------------------------------

def test_number_words_are_cut_at_the_work_limit(tmp_path, capsys, monkeypatch):
    # the limit lowered from 10,000 to 1,000 (each figure read costs the same): the text still holds
    # ten times the limit, and the run still cuts it, says so and keeps the good document
    monkeypatch.setattr("ledger.engine.batches.MAX_NUMBERS", 1_000)
    corpus = tmp_path / "words.jsonl"
    corpus.write_text(_row(id="w", text="a million " * 10_000) + _row(id="ok", text=GOOD), encoding="utf-8")
    assert _run(tmp_path, corpus, extra=["-q"]) == 1
    err = capsys.readouterr().err
    assert f"{corpus}:1: holds more than 1,000 numbers: figures after character" in err
    ledger = _ledger(tmp_path)
    assert len(ledger) <= 1_001 and "$5 million" in set(ledger["surface"])


# -- 6. errors go in bulk -----------------------------------------------------------------------

def test_errors_are_written_with_a_fixed_number_of_statements(tmp_path):
    statements: list[str] = []
    with Store(tmp_path / "s.sqlite") as store:
        store._conn.set_trace_callback(statements.append)
        store.add_batch([], [ReadError("c.jsonl", "broken JSON line: x", n) for n in range(1, 5001)])
        store._conn.set_trace_callback(None)
        assert len(store.errors()) == 5000
        store.add_batch([], [ReadError("c.jsonl", "broken JSON line: x", n) for n in range(1, 5001)])
        assert len(store.errors()) == 5000  # each error kept once
    deletes = [s for s in statements if s.lstrip().upper().startswith("DELETE")]
    assert len(deletes) <= 3, deletes


# -- 8. stale and partial state -----------------------------------------------------------------

def _interrupted_store(tmp_path: Path) -> Path:
    """A store whose last run stored a batch and was killed before the facts were rebuilt."""
    article = tmp_path / "a.txt"
    article.write_text(GOOD, encoding="utf-8")
    assert _run(tmp_path, article, extra=["-q"]) == 0
    db = tmp_path / "out" / "ledger.sqlite"
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE meta SET value = '1' WHERE key = 'facts_stale'")
    return db


@pytest.mark.parametrize("command", ["report", "reconcile"])
def test_a_stale_store_is_refused_with_the_command_that_repairs_it(tmp_path, capsys, command):
    db = _interrupted_store(tmp_path)
    capsys.readouterr()
    assert main([command, "--out", str(tmp_path / "out")]) == 2
    assert capsys.readouterr().err == (
        f"aid-ledger: error: the store '{db}' was left by an interrupted run: its facts are out of date; "
        f"rebuild them with 'aid-ledger report --rebuild-facts --db {db}' (or run 'aid-ledger run' again on "
        f"the same inputs)\n")
    assert main(["report", "--out", str(tmp_path / "out"), "--rebuild-facts"]) == 0
    assert main([command, "--out", str(tmp_path / "out")]) == 0


def test_a_crash_while_writing_reports_leaves_the_previous_set(tmp_path, monkeypatch, capsys):
    article = tmp_path / "a.txt"
    article.write_text(GOOD, encoding="utf-8")
    assert _run(tmp_path, article, extra=["-q"]) == 0
    out = tmp_path / "out"
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.name != "ledger.sqlite" and p.is_file()}
    (tmp_path / "b.txt").write_text("Canada gave C$9 million to Ukraine.", encoding="utf-8")

    def crash(df, path):
        raise RuntimeError("killed while writing")

    monkeypatch.setattr("ledger.report.write.write_parquet", crash)
    assert _run(tmp_path, tmp_path / "b.txt", extra=["-q"]) == 3
    after = {p.name: p.read_bytes() for p in out.iterdir() if p.name != "ledger.sqlite" and p.is_file()}
    assert after == before  # every file of the previous set, none of the new one
    assert [p.name for p in out.iterdir() if p.name.startswith(".")] == []


def test_leftovers_of_an_interrupted_write_are_finished_or_removed(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(GOOD, encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    half = out / ".aid-ledger-reports-half"  # killed while writing: removed
    half.mkdir()
    (half / "ledger.csv").write_text("partial", encoding="utf-8")
    (out / ".ledger.xlsx.x1.tmp").write_bytes(b"partial")  # an older writer's temporary file
    done = out / ".aid-ledger-reports-done"  # killed while moving a complete set: finished
    done.mkdir()
    (done / "notes.txt").write_text("complete", encoding="utf-8")
    (done / "READY").write_bytes(b"")
    assert _run(tmp_path, article, extra=["-q"]) == 0
    assert sorted(p.name for p in out.iterdir() if p.name.startswith(".")) == []
    assert (out / "notes.txt").read_text(encoding="utf-8") == "complete"


def test_a_second_process_on_the_same_store_is_told_it_is_busy(tmp_path, capsys):
    article = tmp_path / "a.txt"
    article.write_text(GOOD, encoding="utf-8")
    db = tmp_path / "out" / "ledger.sqlite"
    with Store(db):  # another run holds the store
        assert _run(tmp_path, article) == 2
    assert capsys.readouterr().err == (
        f"aid-ledger: error: the store '{db}' is in use by another aid-ledger process: wait for it to "
        f"finish, or use --db to pick another store\n")
    assert _run(tmp_path, article, extra=["-q"]) == 0


# -- 10. an internal error has its own exit status ----------------------------------------------

def test_an_internal_error_exits_3_with_one_line(tmp_path, monkeypatch, capsys):
    def broken(*args, **kwargs):
        raise KeyError("boom")

    monkeypatch.setattr("ledger.engine.job.run_job", broken)
    article = tmp_path / "a.txt"
    article.write_text(GOOD, encoding="utf-8")
    assert _run(tmp_path, article) == 3
    assert capsys.readouterr().err == ("aid-ledger: internal error: KeyError: 'boom' (a bug in aid-ledger; "
                                       "set AID_LEDGER_DEBUG=1 for the traceback)\n")
