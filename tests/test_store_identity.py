"""Document identity and metadata: what a document is comes from what it says, never from the
spelling of the path it was read through; the command line can say when, where and what."""
from __future__ import annotations

import io
import os
import sqlite3
import sys
from pathlib import Path

import pandas as pd
import pytest

from ledger.cli import main
from ledger.read import document_id
from ledger.store import Store

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"
SEED_A = "Britain on Friday announced a new £40 million aid package for Ukraine."
SEED_B = "Canada on Friday announced a new C$25 million aid package for Ukraine."


@pytest.mark.parametrize("a, b, same", [
    (("Aid of $5 million.", None), ("Aid of $5 million.", None), True),
    (("Aid of $5 million.", None), ("Aid  of\n$5 million. ", None), True),       # white space only
    (("Aid of $5 million.", None), ("Aid of $6 million.", None), False),
    (("Aid of $5 million.", "https://a.example/1"), ("Aid of $5 million.", "https://a.example/2"), False),
    (("Aid of $5 million.", "https://a.example/1"), ("Aid of $5 million.", None), False),
])
def test_document_id_follows_text_and_url(a, b, same):
    assert (document_id(*a) == document_id(*b)) is same


def _stdin_run(monkeypatch, tmp_path, text: str, *extra) -> int:
    monkeypatch.setattr(sys, "stdin", type("In", (), {"buffer": io.BytesIO(text.encode())})())
    return main(["run", "-", "--out", str(tmp_path / "out"), "--jobs", "1", *extra])


def test_two_texts_piped_in_turn_are_two_documents(monkeypatch, tmp_path, capsys):
    assert _stdin_run(monkeypatch, tmp_path, SEED_A, "--published", "2022-12-10") == 0
    assert _stdin_run(monkeypatch, tmp_path, SEED_B, "--published", "2022-12-10") == 0
    assert _stdin_run(monkeypatch, tmp_path, SEED_B, "--published", "2022-12-10") == 0
    lines = [ln for ln in capsys.readouterr().err.splitlines() if "new documents" in ln]
    assert [ln.split(",")[:2] for ln in lines] == [
        ["aid-ledger: 1 new documents", " 0 already in the store"],
        ["aid-ledger: 1 new documents", " 0 already in the store"],
        ["aid-ledger: 0 new documents", " 1 already in the store"]]
    with Store(tmp_path / "out" / "ledger.sqlite") as store:
        assert len(store.documents()) == 2
        assert set(store.facts()["currency"]) == {"GBP", "CAD"}


def test_three_spellings_of_one_folder_are_one_set_of_documents(tmp_path, monkeypatch):
    monkeypatch.chdir(REPO)
    out = tmp_path / "out"
    for spelling in ("examples/", "./examples/", str(EXAMPLES.resolve())):
        assert main(["run", spelling, "--out", str(out), "--jobs", "1", "-q"]) == 0
    with Store(out / "ledger.sqlite") as store:
        documents, facts, links = store.documents(), store.facts(), store.fact_documents()
    assert len(documents) == 10
    distinct = links.groupby("fact_id")["doc_id"].nunique()
    assert (facts.set_index("fact_id")["n_documents"] == distinct.reindex(facts["fact_id"]).to_numpy()).all()
    assert facts["n_documents"].max() == 2  # one package told by two articles (01 and 02)


def test_published_url_and_title_describe_piped_text(monkeypatch, tmp_path):
    assert _stdin_run(monkeypatch, tmp_path, SEED_A, "--published", "2022-12-10", "--url",
                      "https://news.example/uk-aid", "--title", "UK aid") == 0
    with Store(tmp_path / "out" / "ledger.sqlite") as store:
        (doc,) = store.documents().to_dict(orient="records")
        (row,) = store.mentions().to_dict(orient="records")
    assert (doc["url"], doc["title"], str(doc["published"].date())) == ("https://news.example/uk-aid", "UK aid",
                                                                       "2022-12-10")
    assert str(row["event_date"].date()) == "2022-12-09"  # "on Friday" before the publication date
    assert row["value_usd"] == pytest.approx(40e6 * row["fx_rate"]) and row["fx_source"] == "ECB"


def test_default_published_dates_a_corpus_without_dates(tmp_path):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(f'{{"text": "{SEED_A}"}}\n{{"text": "{SEED_B}", "published": "2023-01-20"}}\n',
                      encoding="utf-8")
    assert main(["run", str(corpus), "--out", str(tmp_path / "out"), "--jobs", "1", "-q",
                 "--default-published", "2022-12-10"]) == 0
    with Store(tmp_path / "out" / "ledger.sqlite") as store:
        dates = sorted(str(d.date()) for d in store.documents()["published"])
    assert dates == ["2022-12-10", "2023-01-20"]


@pytest.mark.parametrize("argv, message", [
    (["run", "FOLDER", "--published", "2022-12-10"],
     "--published, --url and --title describe one document: give one file or - (a corpus has its own columns; "
     "for many files use --default-published)"),
    (["run", "-", "--published", "someday"],
     "argument --published: expected a date such as 2022-12-10, got 'someday' (see 'aid-ledger run --help')"),
    (["extract", "-", "--published", "2300-01-01"],
     "argument --published: '2300-01-01' is outside 1678-2261 (see 'aid-ledger extract --help')"),
])
def test_metadata_flags_are_checked(tmp_path, capsys, argv, message):
    argv = [str(EXAMPLES) if a == "FOLDER" else a for a in argv]
    assert main([*argv, "--jobs", "1"] + (["--out", str(tmp_path / "out")] if argv[0] == "run" else [])) == 2
    assert capsys.readouterr().err == f"aid-ledger: error: {message}\n"
    assert not (tmp_path / "out").exists()


def test_a_store_of_the_previous_schema_is_refused_with_the_command_that_rebuilds_it(tmp_path, capsys):
    db = tmp_path / "old.sqlite"
    with sqlite3.connect(db) as conn:
        conn.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
        conn.execute("INSERT INTO meta VALUES ('schema_version', '1')")
    before = db.read_bytes()
    assert main(["report", "--out", str(tmp_path), "--db", str(db)]) == 2
    assert capsys.readouterr().err == (
        f"aid-ledger: error: '{db}' was written by an older aid-ledger (schema 1, which identified documents by "
        f"their path and cannot be converted): move it aside and build a new one from the same inputs: "
        f"mv '{db}' '{db}.old' && aid-ledger run PATH... --db '{db}'\n")
    assert db.read_bytes() == before


def test_a_rerun_is_idempotent_and_a_changed_date_replaces_the_document(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(SEED_A, encoding="utf-8")
    out = ["--out", str(tmp_path / "out"), "--jobs", "1", "-q"]
    for published in ("2022-12-10", "2022-12-10", "2023-02-04"):
        assert main(["run", str(article), "--published", published, *out]) == 0
    with Store(tmp_path / "out" / "ledger.sqlite") as store:
        documents, mentions = store.documents(), store.mentions()
    assert len(documents) == 1 and len(mentions) == 1
    assert str(mentions["event_date"].iloc[0].date()) == "2023-02-03"  # the Friday before the new date (a Saturday)
