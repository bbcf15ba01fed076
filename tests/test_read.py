"""Inputs the reader accepts, headers, and per-document isolation of bad inputs."""
from __future__ import annotations

import datetime as dt
import gzip
import io
import json
from pathlib import Path

import pytest

from ledger.read import Document, ReadError, iter_documents, parse_date, split_header

FIXTURES = Path(__file__).parent / "fixtures" / "read"
ARTICLE = "The ministry announced a grant of $5 million for 40 schools on Monday."


@pytest.mark.parametrize("text, fields, body", [
    ("url: http://x.org/a\npublished: 2022-11-03\ntitle: Grant\n\nBody.", {"url": "http://x.org/a", "published": "2022-11-03", "title": "Grant"}, "Body."),
    ("---\ntitle: \"Loan agreed\"\npublished: 2021-06-30\n---\nBody.", {"title": "Loan agreed", "published": "2021-06-30"}, "Body."),
    ("WASHINGTON: The United States gave $5 million.\n\nMore.", {}, "WASHINGTON: The United States gave $5 million.\n\nMore."),
    ("Note: no header here\n\nBody.", {}, "Note: no header here\n\nBody."),
    ("---\nnot closed\nBody.", {}, "---\nnot closed\nBody."),
])
def test_split_header(text, fields, body):
    assert split_header(text) == (fields, body)


@pytest.mark.parametrize("value, expected", [
    ("2022-12-10", dt.date(2022, 12, 10)), ("2022-12-10T08:00:00Z", dt.date(2022, 12, 10)),
    ("unknown", None), ("", None), ("10th December 2022", dt.date(2022, 12, 10)),
    ("Dec. 9, 2022", dt.date(2022, 12, 9)), ("19/01/2023", dt.date(2023, 1, 19)), ("soon", None),
])
def test_parse_date(value, expected):
    assert parse_date(value) == expected


def _write(tmp_path: Path, name: str, data: bytes | str) -> str:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return str(path)


def _row(**fields) -> str:
    return json.dumps(fields) + "\n"


@pytest.mark.parametrize("name, data, expected", [
    ("a.txt", f"title: Grant for schools\npublished: 2022-11-03\n\n{ARTICLE}\n",
     ("Grant for schools", dt.date(2022, 11, 3), "Grant for schools\n\n" + ARTICLE)),
    ("a.txt", f"title: Grant\npublished: unknown\n\n{ARTICLE}\n", ("Grant", None, "Grant\n\n" + ARTICLE)),
    ("a.md", f"---\ntitle: Grant\npublished: 2021-06-30\n---\n**{ARTICLE}**\n", ("Grant", dt.date(2021, 6, 30), "Grant\n\n" + ARTICLE)),
    ("a.markdown", f"# Grant\n\n{ARTICLE}", ("Grant", None, "Grant\n\n" + ARTICLE)),
    ("a.html", f"<html><head><title>Grant</title></head><body><article><p>{ARTICLE}</p></article></body></html>",
     ("Grant", None, "Grant\n\n" + ARTICLE)),
    ("a.json", json.dumps({"id": "d1", "text": ARTICLE, "title": "Grant", "published": "2022-01-02"}),
     ("Grant", dt.date(2022, 1, 2), "Grant\n\n" + ARTICLE)),
    ("a.jsonl", _row(id="d1", text=ARTICLE, title="Grant", published="2022-01-02", url="http://x.org"),
     ("Grant", dt.date(2022, 1, 2), "Grant\n\n" + ARTICLE)),
    ("a.csv", f'id,title,published,text\nd1,Grant,2022-01-02,"{ARTICLE}"\n', ("Grant", dt.date(2022, 1, 2), "Grant\n\n" + ARTICLE)),
    ("latin1.txt", ("title: Café grant\n\n" + ARTICLE + " Café.").encode("cp1252"),
     ("Café grant", None, "Café grant\n\n" + ARTICLE + " Café.")),
    ("mojibake.txt", "title: Grant\n\nThe donorâ€™s grant is â‚¬5 million.", ("Grant", None, "Grant\n\nThe donor’s grant is €5 million.")),
])
def test_each_input_kind(tmp_path, name, data, expected):
    (doc,) = list(iter_documents([_write(tmp_path, name, data)]))
    assert isinstance(doc, Document), doc
    assert (doc.title, doc.published, doc.text) == expected


def test_jsonl_gz_rows_keep_their_source_line_and_url(tmp_path):
    path = tmp_path / "c.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        handle.write(_row(id="a", text=ARTICLE) + _row(id="b", text=ARTICLE, url="http://x.org/b"))
    docs = list(iter_documents([str(path)]))
    assert [(d.source, d.url) for d in docs] == [(f"{path}:1", None), (f"{path}:2", "http://x.org/b")]


@pytest.mark.parametrize("name, data, reason", [
    ("empty.txt", b"", "empty file"),
    ("blank.txt", b"  \n\n ", "empty file"),
    ("binary.txt", b"\x00\x01\x02\x03" * 100, "binary file"),
    ("doc.pdf", b"%PDF-1.4\n...", "binary file (PDF)"),
    ("big.txt", "word " * 300, "file too large"),
    ("broken.html", "<html><body><div></div></body></html>", "broken HTML"),
    ("bad.json", "{not json", "broken JSON"),
    ("notext.csv", "id,body\n1,hello\n", "no 'text' column"),
])
def test_bad_input_gives_one_error_and_the_batch_goes_on(tmp_path, name, data, reason):
    good = _write(tmp_path, "good.txt", ARTICLE)
    items = list(iter_documents([good, _write(tmp_path, name, data), good], max_bytes=1000))
    assert [type(i) for i in items] == [Document, ReadError, Document]
    assert reason in items[1].reason and items[1].source.endswith(name)


@pytest.mark.parametrize("lines, expected", [
    ([_row(id="a", text=ARTICLE), "{broken\n", _row(id="c", text=ARTICLE)], [":1", (2, "broken JSON line"), ":3"]),
    ([_row(id="a", text=ARTICLE), _row(id="b", title="no text"), _row(id="c", text=ARTICLE)], [":1", (2, "no 'text'"), ":3"]),
    ([_row(id="a", text=ARTICLE), _row(id="b", text="   "), _row(id="c", text=ARTICLE)], [":1", (2, "empty"), ":3"]),
    ([_row(id="a", text=ARTICLE), _row(id="b", text="x" * 5000), _row(id="c", text=ARTICLE)], [":1", (2, "row too large"), ":3"]),
    ([_row(id="a", text=ARTICLE), "[1, 2]\n", "\n", _row(id="c", text=ARTICLE)], [":1", (2, "expected an object"), ":4"]),
])
def test_broken_corpus_line_names_its_line(tmp_path, lines, expected):
    path = _write(tmp_path, "c.jsonl", "".join(lines))
    items = list(iter_documents([path], max_bytes=1000))
    assert len(items) == len(expected)
    for item, want in zip(items, expected):
        if isinstance(want, str):
            assert isinstance(item, Document) and item.source.endswith(want)
        else:
            assert isinstance(item, ReadError) and item.line == want[0] and want[1] in item.reason


def test_truncated_gzip_corpus_keeps_rows_before_the_damage(tmp_path):
    data = gzip.compress(("".join(_row(id=str(i), text=ARTICLE * 20) for i in range(50))).encode())
    path = _write(tmp_path, "c.jsonl.gz", data[: len(data) // 2])
    items = list(iter_documents([path]))
    assert isinstance(items[0], Document) and isinstance(items[-1], ReadError)


@pytest.mark.parametrize("args, expected", [
    (["{dir}/missing.txt"], [("ReadError", "no such file or folder")]),
    (["{dir}/*.nothing"], [("ReadError", "no file matches")]),
    (["{dir}/folder"], [("Document", "folder/a.txt"), ("ReadError", "skipped: .png files are not read"),
                        ("Document", "folder/sub/b.md")]),
    (["{dir}/folder/**/*.md"], [("Document", "folder/sub/b.md")]),
    (["{dir}/folder/sub/b.md", "{dir}/folder/a.txt"], [("Document", "folder/sub/b.md"), ("Document", "folder/a.txt")]),
])
def test_paths_folders_and_globs(tmp_path, args, expected):
    _write(tmp_path, "folder/a.txt", ARTICLE)
    _write(tmp_path, "folder/sub/b.md", ARTICLE)
    _write(tmp_path, "folder/.hidden.txt", ARTICLE)
    _write(tmp_path, "folder/image.png", b"\x89PNG....")
    items = list(iter_documents([a.format(dir=tmp_path) for a in args]))
    assert len(items) == len(expected)
    for item, (kind, want) in zip(items, expected):
        assert type(item).__name__ == kind
        got = item.source.replace(f"{tmp_path}/", "") if isinstance(item, Document) else item.reason
        assert want in got


@pytest.mark.parametrize("data, expected", [
    (_row(id="a", text=ARTICLE) + _row(id="b", text=ARTICLE), ["-:1", "-:2"]),
    (f"<!DOCTYPE html><html><head><title>Grant</title></head><body><p>{ARTICLE}</p></body></html>", ["-"]),
    (f"title: Grant\n\n{ARTICLE}", ["-"]),
])
def test_stdin_is_sniffed(data, expected):
    items = list(iter_documents(["-"], stdin=io.BytesIO(data.encode())))
    assert [d.source for d in items] == expected
    assert all(ARTICLE in d.text for d in items)


def test_empty_stdin_is_an_error():
    (item,) = list(iter_documents(["-"], stdin=io.BytesIO(b"")))
    assert isinstance(item, ReadError) and item.source == "-"
