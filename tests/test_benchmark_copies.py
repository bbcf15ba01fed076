"""The scale benchmarks' corpus copies (benchmarks/corpus_copies.py): new ids, urls and dates,
the same texts, the originals first. No shared corpus is needed."""
from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

from corpus_copies import copy_row, multiply_corpus  # noqa: E402

ROW = {"id": "a/1", "url": "https://example.org/a", "published": "2023-03-10", "title": "T", "text": "$5m"}


@pytest.mark.parametrize("row, copy, expected", [
    (ROW, 0, ROW),
    (ROW, 1, {**ROW, "id": "a/1~1", "url": "https://example.org/a#copy-1", "published": "2024-03-08"}),
    (ROW, 3, {**ROW, "id": "a/1~3", "url": "https://example.org/a#copy-3", "published": "2026-03-06"}),
    ({"id": "b", "published": "2023-03-10T09:30:00", "text": "x"}, 1,
     {"id": "b~1", "published": "2024-03-08T09:30:00", "text": "x"}),   # the time stays
    ({"id": "", "published": "March 10, 2023", "text": "x"}, 2,
     {"id": "", "published": "March 10, 2023", "text": "x"}),            # no id, no ISO date: as is
])
def test_a_copy_has_a_new_id_url_and_date_and_the_same_weekday(row, copy, expected):
    assert copy_row(row, copy) == expected


@pytest.mark.parametrize("name", ["x3.jsonl", "x3.jsonl.gz"])
def test_a_multiplied_corpus_holds_the_copies_one_after_the_other(tmp_path, name):
    source = tmp_path / "src.jsonl"
    rows = [{**ROW, "id": f"d{i}", "text": f"Text {i}"} for i in range(4)]
    source.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    dest = multiply_corpus(source, 3, tmp_path / name, docs=3)
    opener = gzip.open if name.endswith(".gz") else open
    with opener(dest, "rt", encoding="utf-8") as fh:
        written = [json.loads(line) for line in fh]
    assert [r["id"] for r in written] == ["d0", "d1", "d2", "d0~1", "d1~1", "d2~1", "d0~2", "d1~2", "d2~2"]
    assert [r["text"] for r in written] == ["Text 0", "Text 1", "Text 2"] * 3
