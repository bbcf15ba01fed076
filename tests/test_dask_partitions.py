"""Partitions of the inputs for the Dask engine: each reads only its own bytes, so the inputs are
read once whatever the number of partitions; together they read like the whole inputs, in input
order; their sizes follow the number of worker slots."""
from __future__ import annotations

import gzip

import pytest
from read_log import log_reads

from ledger.engine.partitions import Sizer, plan_partitions
from ledger.read import iter_documents
from ledger.read.ranges import ByteRange, WholeFiles, read_part

MAX = 20_000_000


def _plan(paths, tmp_path, **kw) -> list:
    kw.setdefault("slots", 2)
    return list(plan_partitions([str(p) for p in paths], spill_dir=tmp_path / "spill", max_bytes=MAX, **kw))


def _read_all(plan) -> list:
    return [item for p in plan for item in read_part(p.part, MAX)]


@pytest.mark.parametrize("min_bytes, slots, partitions", [
    (64, 1, 8), (64, 4, 20), (512, 2, 8), (2048, 2, 2), (10_000_000, 2, 1),
])
def test_each_partition_reads_only_its_own_bytes(jsonl_corpus, tmp_path, monkeypatch, min_bytes, slots,
                                                 partitions):
    log = log_reads(monkeypatch)
    plan = _plan([jsonl_corpus], tmp_path, slots=slots, min_bytes=min_bytes)
    log.clear()  # the planning pass; now the partitions
    items = _read_all(plan)
    assert len(plan) >= partitions
    assert items == list(iter_documents([str(jsonl_corpus)]))
    if len(plan) == 1 and isinstance(plan[0].part, WholeFiles):
        return  # a corpus smaller than one partition is read whole
    assert [entry["seeks"] for entry in log] == [[p.part.start] for p in plan]
    assert [entry["read"] for entry in log] == [p.part.stop - p.part.start for p in plan]
    assert sum(entry["read"] for entry in log) == jsonl_corpus.stat().st_size  # once, whatever the count


def test_a_compressed_corpus_is_read_once_in_pieces(jsonl_corpus, tmp_path):
    gz = tmp_path / "corpus.jsonl.gz"
    gz.write_bytes(gzip.compress(jsonl_corpus.read_bytes()))
    plan = _plan([gz], tmp_path, min_bytes=300)
    assert len(plan) > 3 and all(isinstance(p.part, ByteRange) for p in plan)
    assert sum(p.part.stop for p in plan) == jsonl_corpus.stat().st_size
    assert _read_all(plan) == list(iter_documents([str(gz)]))


@pytest.mark.parametrize("name, content", [
    ("utf16.jsonl", '{"text": "aid of $3 million"}\n'.encode("utf-16") * 50),
    ("latin1.csv", 'id,text\n1,"caf\u00e9 aid of $3 million"\n'.encode("cp1252") * 50),
    ("empty.jsonl", b""),
    ("missing.jsonl", None),
])
def test_files_that_cannot_be_cut_are_read_whole(tmp_path, name, content):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    plan = _plan([path], tmp_path, min_bytes=1)
    if content is None:  # the error from expanding the inputs, as reading gives it
        assert [type(p.part) for p in plan] == [WholeFiles]
    else:
        assert [p.part for p in plan] == [WholeFiles((str(path),))]
    assert _read_all(plan) == list(iter_documents([str(path)]))


def test_mixed_inputs_keep_their_order_and_errors(jsonl_corpus, csv_corpus, tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    for i in range(3):
        (folder / f"a{i}.txt").write_text(f"Title {i}\n\nThe fund gave ${i + 4} million on Monday.")
    (tmp_path / "empty").mkdir()
    paths = [folder, jsonl_corpus, tmp_path / "missing.txt", csv_corpus, tmp_path / "empty",
             tmp_path / "*.nothing"]
    plan = _plan(paths, tmp_path, min_bytes=200)
    assert [p.index for p in plan] == list(range(len(plan)))
    assert {type(p.part) for p in plan} == {ByteRange, WholeFiles}
    assert _read_all(plan) == list(iter_documents([str(p) for p in paths]))


@pytest.mark.parametrize("total, slots, first, last", [
    (100 << 20, 2, 100 << 20 >> 4, 256 << 10),   # an eighth of a slot's share first, small at the end
    (100 << 20, 8, 100 << 20 >> 6, 256 << 10),   # more slots, smaller partitions
    (1 << 20, 2, 256 << 10, 256 << 10),          # never below the floor
    (100 << 30, 2, 64 << 20, 256 << 10),         # never above the ceiling
])
def test_partition_sizes_follow_the_slots(total, slots, first, last):
    sizer = Sizer(total, slots)
    sizes = []
    while sizer.remaining > 0:
        sizes.append(sizer())
    assert sizes[0] == first
    assert sizes[-1] == last
    assert sizes == sorted(sizes, reverse=True)
