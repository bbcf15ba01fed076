"""The read boundary under hostile input: every case yields documents or named errors, never a
crash, a hang or unbounded memory, and never drops text or inputs without a word.

Each case has a good article beside it, which must still be read. Cases that used to hang run
the reader in a child process with a timeout.
"""
from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from ledger.read import Document, ReadError, iter_documents

GOOD = "Japan gave $5 million to Ukraine on Friday."
HANG_TIMEOUT = 60  # seconds; the reader needs well under one for every case below


def _row(**fields) -> str:
    return json.dumps(fields) + "\n"


def _items(*paths, max_bytes: int = 1_000_000) -> list[Document | ReadError]:
    return list(iter_documents([os.fsdecode(p) for p in paths], max_bytes=max_bytes))


def _summary(items) -> list[tuple[str, str]]:
    """(kind, text or reason) of each item, for tables of expectations."""
    return [("doc", i.text) if isinstance(i, Document) else ("error", i.reason) for i in items]


def _read_in_child(*paths: Path, max_bytes: int = 1_000_000) -> list[tuple[str, str, int | None]]:
    """Read ``paths`` in a fresh interpreter (killed after HANG_TIMEOUT): (kind, reason, line)."""
    code = ("import json, sys; from ledger.read import iter_documents, ReadError\n"
            "out = [('error', i.reason, i.line) if isinstance(i, ReadError) else ('doc', i.text, None)\n"
            f"       for i in iter_documents(sys.argv[1:], max_bytes={max_bytes})]\n"
            "print(json.dumps(out))")
    proc = subprocess.run([sys.executable, "-c", code, *map(str, paths)], capture_output=True,
                          text=True, timeout=HANG_TIMEOUT, check=True,
                          env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])})
    return [tuple(x) for x in json.loads(proc.stdout)]


# -- 2. lone surrogates become valid Unicode ---------------------------------------------------

@pytest.mark.parametrize("field", ["text", "title", "url", "id"])
def test_lone_surrogate_becomes_a_replacement_character(tmp_path, field):
    row = {"id": "a", "text": GOOD, "title": "Aid", "url": "https://example.org/a"}
    row[field] = row[field] + "\ud800"
    path = tmp_path / "c.jsonl"
    path.write_text(json.dumps(row) + "\n" + _row(id="b", text=GOOD), encoding="utf-8")
    docs = _items(path)
    assert [type(d).__name__ for d in docs] == ["Document", "Document"]
    for doc in docs:
        for value in (doc.text, doc.title, doc.url, doc.doc_id, doc.source):
            if value is not None:
                value.encode("utf-8")  # never raises
    if field in ("text", "title"):
        assert "\ufffd" in docs[0].text


# -- 3. file names that are not UTF-8 ----------------------------------------------------------

def test_file_names_that_are_not_utf8_are_read_and_shown_escaped(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    name = os.fsdecode(b"caf\xe9 \xff.txt")
    (folder / name).write_text(GOOD, encoding="utf-8")
    (folder / "plain.txt").write_text(GOOD, encoding="utf-8")
    docs = _items(folder)
    assert [type(d).__name__ for d in docs] == ["Document", "Document"]
    assert docs[0].source.endswith("caf\\xe9 \\xff.txt"), docs[0].source
    docs[0].source.encode("utf-8")


# -- 4. only regular files; --max-bytes for every format ---------------------------------------

@pytest.mark.parametrize("name", ["pipe.jsonl", "pipe.csv", "pipe.txt"])
def test_a_fifo_is_named_and_skipped_without_blocking(tmp_path, name):
    os.mkfifo(tmp_path / name)
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    items = _read_in_child(tmp_path / name, tmp_path / "good.txt")
    assert items == [("error", "not a regular file (a named pipe (FIFO)): skipped", None), ("doc", GOOD, None)]


@pytest.mark.parametrize("name", ["zero.jsonl", "zero.csv", "zero.jsonl.gz", "zero.txt"])
def test_a_link_to_a_device_is_named_and_skipped(tmp_path, name):
    (tmp_path / name).symlink_to("/dev/zero")
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    items = _read_in_child(tmp_path / name, tmp_path / "good.txt")
    assert items == [("error", "not a regular file (a character device): skipped", None), ("doc", GOOD, None)]


def test_a_folder_names_its_fifo(tmp_path):
    os.mkfifo(tmp_path / "pipe.jsonl")
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    items = _read_in_child(tmp_path)
    assert sorted(items) == [("doc", GOOD, None), ("error", "not a regular file (a named pipe (FIFO)): skipped", None)]


@pytest.mark.parametrize("name, data", [
    ("big.csv", ("id,text\nb," + "x " * 3000 + "\na," + GOOD + "\n").encode()),
    ("big.jsonl", (_row(id="b", text="x " * 3000) + _row(id="a", text=GOOD)).encode()),
    ("big.jsonl.gz", gzip.compress((_row(id="b", text="x " * 3000) + _row(id="a", text=GOOD)).encode())),
])
def test_max_bytes_applies_to_every_corpus_format(tmp_path, name, data):
    (tmp_path / name).write_bytes(data)
    items = _items(tmp_path / name, max_bytes=1000)
    assert _summary(items) == [("error", "row too large: more than 1,000 bytes (--max-bytes)"), ("doc", GOOD)]
    assert items[0].line == 2 if name.endswith(".csv") else items[0].line == 1


def test_a_sparse_csv_is_refused_from_its_first_bytes(tmp_path):
    path = tmp_path / "sparse.csv"
    with open(path, "wb") as fh:
        fh.truncate(256 * 1024 * 1024)  # 256 MiB of NULs, no disk used
    assert _read_in_child(path) == [("error", "binary file (contains NUL bytes), not text", None)]


def test_a_gzip_of_newlines_is_read_fast_and_reported(tmp_path):
    path = tmp_path / "blank.jsonl.gz"
    with gzip.open(path, "wb", compresslevel=9) as fh:
        for _ in range(64):
            fh.write(b"\n" * (1 << 20))  # 64 MiB of newlines in ~64 KB
    assert _read_in_child(path) == [("error", "corpus holds no rows (empty file)", None)]


# -- 7. no silent loss -------------------------------------------------------------------------

def test_a_deeply_nested_line_is_one_error_and_the_file_goes_on(tmp_path):
    path = tmp_path / "c.jsonl"
    path.write_text(_row(id="a", text=GOOD) + "[" * 100_000 + "\n" + _row(id="c", text=GOOD), encoding="utf-8")
    items = _items(path)
    assert _summary(items) == [("doc", GOOD), ("error", "broken JSON line: nested too deeply"), ("doc", GOOD)]
    assert items[1].line == 2


def test_a_deeply_nested_json_file_is_one_error(tmp_path):
    (tmp_path / "deep.json").write_text("[" * 100_000, encoding="utf-8")
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    assert _summary(_items(tmp_path / "deep.json", tmp_path / "good.txt")) == [
        ("error", "broken JSON: nested too deeply"), ("doc", GOOD)]


@pytest.mark.parametrize("text", [
    f"{GOOD}\nTokyo announces more help for Kyiv\nThe package follows talks in Tokyo.",
    f"{GOOD}\n\nNew aid for Kyiv announced today\n\nOfficials said more would follow.",
])
def test_a_corpus_rows_first_line_is_never_dropped(tmp_path, text):
    path = tmp_path / "c.jsonl"
    path.write_text(_row(id="a", text=text), encoding="utf-8")
    (doc,) = _items(path)
    assert GOOD in doc.text


def test_a_sentence_with_a_figure_before_a_title_is_kept_in_a_text_file(tmp_path):
    path = tmp_path / "page.txt"
    path.write_text(f"{GOOD}\n\nTokyo announces more help for Kyiv\n\nThe package follows talks.", encoding="utf-8")
    (doc,) = _items(path)
    assert GOOD in doc.text


def test_an_unreadable_sub_folder_is_named(tmp_path, monkeypatch):
    (tmp_path / "ok").mkdir()
    (tmp_path / "ok" / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "locked").mkdir()
    real = os.scandir

    def scandir(path="."):
        if os.fspath(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    items = _items(tmp_path)
    assert _summary(items) == [("error", "cannot read folder: Permission denied"), ("doc", GOOD)]
    assert items[0].source.endswith("locked")


@pytest.mark.parametrize("name, data, reason", [
    ("empty.jsonl", b"", "corpus holds no rows (empty file)"),
    ("blank.jsonl", b"\n \n\t\n", "corpus holds no rows (empty file)"),
    ("empty.csv", b"", "empty CSV file"),
    ("header.csv", b"id,text\n", "CSV holds a header but no rows"),
    ("report.pdf", b"%PDF-1.4 ...", "skipped: .pdf files are not read (convert to text, HTML or CSV first)"),
    ("book.xlsx", b"PK\x03\x04", "skipped: .xlsx files are not read (convert to text, HTML or CSV first)"),
])
def test_empty_and_unread_inputs_in_a_folder_are_named(tmp_path, name, data, reason):
    (tmp_path / name).write_bytes(data)
    (tmp_path / "zz.txt").write_text(GOOD, encoding="utf-8")
    assert _summary(_items(tmp_path)) == [("error", reason), ("doc", GOOD)]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("name", ["c.jsonl", "c.csv"])
def test_utf16_corpora_are_read(tmp_path, name, encoding):
    text = "Zürich gave €5 million to Ukraine on Friday."
    body = (_row(id="a", text=text) + "\n" + _row(id="b", text=GOOD) if name.endswith("jsonl")
            else f'id,text\na,"{text}"\nb,"{GOOD}"\n')
    (tmp_path / name).write_bytes(body.encode(encoding))
    assert _summary(_items(tmp_path / name)) == [("doc", text), ("doc", GOOD)]
