"""Byte ranges and pieces of corpus files: each reads only its own bytes and, together, they give
exactly what reading the whole file gives (documents, errors, line numbers)."""
from __future__ import annotations

import gzip

import pytest
from read_log import log_reads

from ledger.model import ReadError
from ledger.read import iter_documents, ranges
from ledger.read.pieces import compressed_pieces
from ledger.read.ranges import ByteRange, CompressedTail, Unsplittable, WholeFiles, file_ranges, read_part

MAX = 20_000_000


def _fixed(size: int):
    return lambda: size


def _read_all(parts) -> list:
    return [item for part in parts for item in read_part(part, MAX)]


@pytest.fixture
def read_log(monkeypatch) -> list[dict]:
    """Every file a range opens, with the positions sought and the bytes read."""
    return log_reads(monkeypatch)


@pytest.mark.parametrize("corpus, kind", [("jsonl_corpus", "jsonl"), ("csv_corpus", "csv")])
@pytest.mark.parametrize("size", [1, 100, 700, 10_000_000])
def test_ranges_together_read_like_the_whole_file(request, corpus, kind, size):
    path = request.getfixturevalue(corpus)
    parts = list(file_ranges(str(path), kind, _fixed(size), MAX))
    assert parts[-1].stop == path.stat().st_size
    data = path.read_bytes()
    # in order, no byte twice; what no range reads is blank lines only
    assert all(a.stop <= b.start and not data[a.stop:b.start].strip() for a, b in zip(parts, parts[1:]))
    whole = list(iter_documents([str(path)]))
    assert len(whole) > 25
    assert _read_all(parts) == whole


@pytest.mark.parametrize("size, at_least", [(1, 30), (500, 5), (10_000_000, 1)])
def test_smaller_ranges_are_more_ranges(jsonl_corpus, size, at_least):
    assert len(list(file_ranges(str(jsonl_corpus), "jsonl", _fixed(size), MAX))) >= at_least


@pytest.mark.parametrize("corpus, kind", [("jsonl_corpus", "jsonl"), ("csv_corpus", "csv")])
def test_a_range_seeks_to_its_start_and_reads_its_bytes_only(request, read_log, corpus, kind):
    path = request.getfixturevalue(corpus)
    parts = list(file_ranges(str(path), kind, _fixed(400), MAX))
    read_log.clear()  # the pass that cut the ranges
    for part in parts:
        list(read_part(part, MAX))
    assert [entry["seeks"] for entry in read_log] == [[p.start] for p in parts]
    assert [entry["read"] for entry in read_log] == [p.stop - p.start for p in parts]


def test_a_file_that_fails_during_the_pass_ends_with_the_rest_of_it(jsonl_corpus, monkeypatch):
    def first_chunk_then_failure(path):
        with open(path, "rb") as fh:
            yield fh.read(2000)
        raise OSError("device went away")

    monkeypatch.setattr(ranges, "_file_chunks", first_chunk_then_failure)
    parts = list(file_ranges(str(jsonl_corpus), "jsonl", _fixed(300), MAX))
    assert len(parts) > 2 and parts[-1].lines == 0 and parts[-1].start == parts[-2].stop
    assert _read_all(parts) == list(iter_documents([str(jsonl_corpus)]))


@pytest.mark.parametrize("name, content, why", [
    ("utf16.jsonl", '{"text": "aid of $3 million"}\n'.encode("utf-16"), "NUL bytes at the start"),
    ("lone_cr.csv", b'id,text\r1,"one"\r2,"two"\r', "lone CR"),
    ("latin1.csv", 'id,text\n1,"caf\u00e9 aid of $3 million"\n'.encode("cp1252"), "not UTF-8"),
    ("no_text.csv", b"id,body\n1,hello\n2,again\n", "no text column"),
    ("header_only.csv", b"id,text\n", "no rows"),
])
def test_files_that_cannot_be_cut_say_so_on_the_first_range(tmp_path, name, content, why):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(Unsplittable):
        next(file_ranges(str(path), "csv" if name.endswith(".csv") else "jsonl", _fixed(1), MAX))


def test_a_compressed_corpus_becomes_plain_pieces_read_like_it(jsonl_corpus, tmp_path):
    gz = tmp_path / "corpus.jsonl.gz"
    gz.write_bytes(gzip.compress(jsonl_corpus.read_bytes()))
    parts = list(compressed_pieces(str(gz), _fixed(300), tmp_path, "c"))
    assert len(parts) > 3 and all(isinstance(p, ByteRange) and p.source == str(gz) for p in parts)
    assert sum(p.stop for p in parts) == jsonl_corpus.stat().st_size  # decompressed once, in pieces
    assert _read_all(parts) == list(iter_documents([str(gz)]))


def test_a_truncated_compressed_corpus_ends_with_the_readers_own_error(jsonl_corpus, tmp_path):
    whole = gzip.compress(jsonl_corpus.read_bytes() * 600)  # over 1 MiB before the cut
    gz = tmp_path / "cut.jsonl.gz"
    gz.write_bytes(whole[: len(whole) * 3 // 4])
    parts = list(compressed_pieces(str(gz), _fixed(100_000), tmp_path, "c"))
    assert isinstance(parts[-1], CompressedTail) and parts[-1].skip > 0
    expected = list(iter_documents([str(gz)]))
    assert isinstance(expected[-1], ReadError) and "truncated" in expected[-1].reason
    assert _read_all(parts) == expected


def test_whole_files_read_as_the_inputs_do(jsonl_corpus, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Title\n\nThe fund gave $4 million on Monday.")
    missing = ReadError(str(tmp_path / "missing.txt"), "no such file or folder")
    items = (str(article), missing, str(jsonl_corpus))
    assert _read_all([WholeFiles(items)]) == list(iter_documents([str(article), missing.source,
                                                                  str(jsonl_corpus)]))
