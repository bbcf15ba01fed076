"""Clear errors from the CLI: argv → (exit status, what the one line on stderr says).

Usage errors (exit 2) are a single line ``aid-ledger: error: ...`` that says what to do;
an input that cannot be read is not a usage error: it is named on stderr, the rest goes
on, and the exit status is 1.
"""
from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from ledger.cli import main

ARTICLE = ("published: 2023-06-02\ntitle: Oslo adds support\n\n"
           "Norway on Friday pledged NOK 2.5 billion in new aid for Ukraine.\n")


def _make_paths(tmp: Path) -> dict[str, Path]:
    """Every file the table below refers to, by name."""
    article = tmp / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    a_file = tmp / "plain-file"
    a_file.write_text("not a folder\n", encoding="utf-8")
    bad_reference = tmp / "reference.csv"
    bad_reference.write_bytes(b"\x00\x01\x02\xff\xfe garbage \x00 with no date column\n\x89PNG\r\n")
    empty_reference = tmp / "empty-reference.csv"
    empty_reference.write_bytes(b"")
    not_a_store = tmp / "not-a-store.sqlite"
    not_a_store.write_text("this is a text file, not an SQLite database\n" * 20, encoding="utf-8")
    foreign_db = tmp / "foreign.sqlite"
    with sqlite3.connect(foreign_db) as conn:
        conn.execute("CREATE TABLE people (name TEXT)")
    empty_out = tmp / "empty-out"
    empty_out.mkdir()
    return {"ARTICLE": article, "MISSING": tmp / "missing.txt", "UNDER_FILE": a_file / "reports",
            "BAD_REF": bad_reference, "EMPTY_REF": empty_reference, "MISSING_REF": tmp / "nope.csv",
            "NOT_A_STORE": not_a_store, "FOREIGN_DB": foreign_db, "EMPTY_OUT": empty_out,
            "OUT": tmp / "out", "NEWER": tmp / "newer.sqlite", "MISSING_DB": tmp / "none.sqlite"}


@pytest.fixture(scope="module")
def stores(tmp_path_factory) -> dict[str, Path]:
    """Two stores made once for the module (each test gets its own copy): ``STORE``, written by
    this version, and ``NEWER``, the same stamped with a schema version from the future."""
    tmp = tmp_path_factory.mktemp("stores")
    article = _make_paths(tmp)["ARTICLE"]
    store, newer = tmp / "store.sqlite", tmp / "newer.sqlite"
    assert main(["run", str(article), "--out", str(tmp / "first-run"), "--db", str(store), "--jobs", "1",
                 "-q"]) == 0
    shutil.copyfile(store, newer)  # the run closed the store: its write-ahead log is merged in
    conn = sqlite3.connect(newer)
    with conn:
        conn.execute("UPDATE meta SET value = '999' WHERE key = 'schema_version'")
    conn.close()  # merges this change into the file the tests copy
    return {"STORE": store, "NEWER": newer}


# argv with placeholders (replaced by the paths above) → exit status, fragments of stderr
USAGE = [
    ([], "a command is required"),
    (["run"], "required: PATH"),
    (["extract"], "required: PATH"),
    (["run", "ARTICLE", "--frobnicate"], "unrecognized arguments: --frobnicate"),
    (["extract", "ARTICLE", "--format", "xml"], "invalid choice: 'xml'"),
    (["run", "ARTICLE", "--engine", "spark"], "invalid choice: 'spark'"),
    (["run", "ARTICLE", "--jobs", "0"], "at least 1"),
    (["run", "ARTICLE", "--batch-size", "-3"], "at least 1"),
    (["run", "ARTICLE", "--max-bytes", "lots"], "whole number"),
    (["run", "ARTICLE", "--out", "UNDER_FILE"], "--out"),
    (["run", "ARTICLE", "--out", "OUT", "--reference", "MISSING_REF"], "nope.csv"),
    (["run", "ARTICLE", "--out", "OUT", "--reference", "BAD_REF"], "reference.csv"),
    (["run", "ARTICLE", "--out", "OUT", "--reference", "EMPTY_REF"], "empty-reference.csv"),
    (["reconcile", "--db", "STORE", "--reference", "BAD_REF"], "reference.csv"),
    (["report", "--out", "OUT", "--db", "STORE", "--reference", "EMPTY_REF"], "empty-reference.csv"),
    (["run", "ARTICLE", "--out", "OUT", "--db", "NEWER"], "newer"),
    (["report", "--out", "OUT", "--db", "NEWER"], "newer"),
    (["reconcile", "--db", "NEWER"], "newer"),
    (["run", "ARTICLE", "--out", "OUT", "--db", "NOT_A_STORE"], "not-a-store.sqlite"),
    (["run", "ARTICLE", "--out", "OUT", "--db", "FOREIGN_DB"], "not an aid-ledger store"),
    (["report", "--out", "EMPTY_OUT"], "run 'aid-ledger run PATH...' first"),
    (["reconcile", "--db", "MISSING_DB"], "none.sqlite"),
]


@pytest.mark.parametrize("argv, fragment", USAGE, ids=[" ".join(a) or "(nothing)" for a, _ in USAGE])
def test_usage_errors_are_one_line_and_exit_2(argv, fragment, tmp_path, capsys, stores):
    paths = _make_paths(tmp_path)
    if "NEWER" in argv:
        shutil.copyfile(stores["NEWER"], paths["NEWER"])
    if "STORE" in argv:
        paths["STORE"] = tmp_path / "store.sqlite"
        shutil.copyfile(stores["STORE"], paths["STORE"])
    capsys.readouterr()
    argv = [str(paths[a]) if a in paths else a for a in argv]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith("aid-ledger: error: "), err
    assert err.count("\n") == 1, f"expected one line, got:\n{err}"
    assert fragment in err, err


def test_newer_store_is_left_untouched(tmp_path, capsys, stores):
    paths = _make_paths(tmp_path)
    shutil.copyfile(stores["NEWER"], paths["NEWER"])
    before = paths["NEWER"].read_bytes()
    assert main(["run", str(paths["ARTICLE"]), "--out", str(paths["OUT"]), "--db", str(paths["NEWER"]),
                 "--jobs", "1"]) == 2
    assert paths["NEWER"].read_bytes() == before


@pytest.mark.parametrize("command", ["extract", "run"])
def test_missing_input_exits_2_and_writes_nothing(command, tmp_path, capsys):
    paths = _make_paths(tmp_path)
    argv = [command, str(paths["MISSING"]), str(paths["ARTICLE"]), "--jobs", "1"]
    argv += ["--out", str(paths["OUT"]), "-q"] if command == "run" else ["--format", "jsonl"]
    assert main(argv) == 2
    out, err = capsys.readouterr()
    assert err == f"aid-ledger: error: no such file or folder: '{paths['MISSING']}' (nothing was read or written)\n"
    assert out == "" and not paths["OUT"].exists()


@pytest.mark.parametrize("argv, code", [
    (["extract", "ARTICLE", "--format", "jsonl", "--jobs", "1"], 0),
    (["run", "ARTICLE", "--out", "OUT", "--jobs", "1", "-q"], 0),
    (["run", "ARTICLE", "MISSING", "--out", "OUT", "--jobs", "1", "-q"], 2),
    (["extract", "ARTICLE", "--max-bytes", "10", "--format", "jsonl", "--jobs", "1"], 1),
])
def test_exit_status(argv, code, tmp_path, capsys):
    paths = _make_paths(tmp_path)
    assert main([str(paths[a]) if a in paths else a for a in argv]) == code
    assert "Traceback" not in capsys.readouterr().err
