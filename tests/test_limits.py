"""Hostile texts with absurd numbers of numbers are read only up to a limit, and say so."""
from __future__ import annotations

import re

import pytest

import ledger
from ledger.engine.batches import process_batch
from ledger.engine.limits import extraction_cutoff
from ledger.model import Document, ReadError

NUMBER = re.compile(r"\d+|\b(?:million|billion|twenty|five|hundred|half|tens|thousands)\b")
ARTICLE = "Tokyo pledged $5.5 billion to Kyiv on Monday, and 40 generators. " * 5


@pytest.mark.parametrize("text, limit, numbers_kept", [
    ("1 " * 50, 100, None),        # 50 numbers, under the limit: no cut
    ("x" * 10_000, 10, None),      # no numbers at all
    ("", 10, None),
    ("1 " * 50, 10, 10),           # cut before the 11th number
    (ARTICLE, 9, 8),               # "$5.5" two digit runs, "billion" a word, "40" one: the cut
                                   # falls before "$5.5", whose second digit run is the 10th
    ("a million " * 20_000, 10, 10),  # number words count like digits
    ("twenty-five hundred " * 20_000, 10, 9),  # the 11th is "five": the cut keeps "twenty-five" whole
    ("half of tens of thousands " * 20_000, 10, 10),
])
def test_cutoff(text, limit, numbers_kept):
    cut = extraction_cutoff(text, limit)
    if numbers_kept is None:
        assert cut is None
    else:
        assert len(NUMBER.findall(text[:cut])) == numbers_kept


def test_extract_figures_stops_at_the_limit_and_keeps_offsets():
    text = ARTICLE + "1 2 3 " * 20
    figures = ledger.extract_figures(text, max_numbers=10)
    assert figures and all(text[f.start:f.end] == f.surface for f in figures)
    assert max(f.end for f in figures) <= extraction_cutoff(text, 10)
    assert len(ledger.extract_figures(ARTICLE, max_numbers=None)) >= len(
        ledger.extract_figures(ARTICLE, max_numbers=10))


def test_pipeline_reports_a_cut_document_and_keeps_its_figures(monkeypatch):
    monkeypatch.setattr("ledger.engine.batches.MAX_NUMBERS", 10)
    doc = Document(doc_id="d", source="dump.txt", text=ARTICLE + "7 " * 100)
    out = process_batch([doc])
    assert [type(x).__name__ for x in out] == ["Processed", "ReadError"]
    assert isinstance(out[1], ReadError) and "more than 10 numbers" in out[1].reason
    assert out[0].rows
