"""Properties of the read boundary on arbitrary input (hypothesis): random bytes in a file of any
kind, random JSONL, random file names.

Whatever comes in, ``iter_documents`` never raises; it yields Documents and ReadErrors only;
every string in them encodes to UTF-8 (no lone surrogates, names shown with escapes); every
publication date is one the ledger can hold; a good row beside junk is always read.
"""
from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ledger.engine.limits import date_in_range
from ledger.read import Document, ReadError, iter_documents

GOOD = "Japan gave $5 million to Ukraine on Friday."
KINDS = ["a.txt", "a.md", "a.html", "a.json", "a.jsonl", "a.csv", "a.jsonl.gz"]
COMMON = dict(deadline=None, max_examples=150, suppress_health_check=[HealthCheck.too_slow])


def check_items(items) -> None:
    for item in items:
        assert isinstance(item, (Document, ReadError)), item
        strings = ([item.source, item.reason] if isinstance(item, ReadError)
                   else [item.doc_id, item.source, item.text, item.title, item.url])
        for value in strings:
            if value is not None:
                value.encode("utf-8")
        if isinstance(item, Document):
            assert item.text.strip()
            assert date_in_range(item.published)


def _read(folder: Path, name: str | bytes, data: bytes, max_bytes: int = 100_000) -> list:
    path = os.path.join(os.fsencode(folder), os.fsencode(name))
    with open(path, "wb") as fh:
        fh.write(data)
    return list(iter_documents([os.fsdecode(path)], max_bytes=max_bytes))


@settings(**COMMON)
@given(kind=st.sampled_from(KINDS), data=st.binary(max_size=3000))
def test_random_bytes_in_any_kind_of_file(kind, data):
    with tempfile.TemporaryDirectory() as tmp:
        check_items(_read(Path(tmp), kind, data))


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=40),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=12)
rows = st.fixed_dictionaries(
    {}, optional={"id": st.one_of(st.text(max_size=10), st.integers()), "text": st.text(max_size=200),
                  "title": st.text(max_size=30), "url": st.text(max_size=30),
                  "published": st.one_of(st.text(max_size=12), st.dates().map(str))})
lines = st.one_of(rows.map(json.dumps), json_values.map(json.dumps), st.text(max_size=60),
                  st.just("[" * 5000), st.just(""))


@settings(**COMMON)
@given(junk=st.lists(lines, max_size=12), at=st.integers(min_value=0, max_value=12))
def test_random_jsonl_keeps_every_good_row(junk, at):
    good = json.dumps({"id": "good", "text": GOOD, "published": "2023-05-05"})
    body = junk[:at] + [good] + junk[at:]
    with tempfile.TemporaryDirectory() as tmp:
        items = _read(Path(tmp), "c.jsonl", "\n".join(body).encode("utf-8", "surrogatepass"))
    check_items(items)
    assert any(isinstance(i, Document) and i.text == GOOD for i in items)
    physical = "\n".join(body).split("\n")
    lines_with_content = sum(1 for line in physical if line.strip(" \t\r\n\f\v"))
    documents = sum(isinstance(i, Document) for i in items)
    line_errors = [i for i in items if isinstance(i, ReadError) and i.line is not None]
    assert documents <= lines_with_content  # one item per line, and a date warning at most per document
    assert len(line_errors) <= lines_with_content + documents


names = st.binary(min_size=1, max_size=40).filter(lambda b: b"/" not in b and b"\x00" not in b
                                                 and b not in (b".", b".."))


@settings(**COMMON)
@given(name=names, suffix=st.sampled_from([b".txt", b".jsonl", b".csv", b".html", b""]))
def test_random_file_names(name, suffix):
    with tempfile.TemporaryDirectory() as tmp:
        data = (json.dumps({"text": GOOD}) if suffix == b".jsonl" else
                f"id,text\n1,{GOOD}\n" if suffix == b".csv" else
                f"<html><body><p>{GOOD}</p></body></html>" if suffix == b".html" else GOOD).encode()
        path = os.path.join(os.fsencode(tmp), name + suffix)
        with open(path, "wb") as fh:
            fh.write(data)
        for given_path in (os.fsdecode(path), tmp):  # the file itself, and its folder
            items = list(iter_documents([given_path]))
            check_items(items)
            hidden = name.startswith(b".") and given_path == tmp
            if suffix and not hidden:
                assert [type(i).__name__ for i in items] == ["Document"], items
