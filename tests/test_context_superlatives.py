"""Role cues that read wrongly out of context: a superlative's "since" and a package under an authority."""
from __future__ import annotations

import datetime as dt

import pytest

from ledger.context import annotate
from ledger.model import Figure


@pytest.mark.parametrize("text, surface, role", [
    ("Berlin pledged €2.7 billion, its biggest package since the invasion.", "€2.7 billion", "package"),
    ("Biden announced $2.98 billion, the largest single US commitment since the war began.", "$2.98 billion",
     "package"),
    # a real running total keeps its role even with a superlative elsewhere
    ("The largest donor since 2022 has now provided $9 billion to Ukraine since February 24.", "$9 billion",
     "cumulative"),
    ("The US approved a $275 million military aid package for Ukraine under its drawdown authority.",
     "$275 million", "package"),
    ("Congress approved $5 billion in additional drawdown authority.", "$5 billion", "budget"),
])
def test_roles(text, surface, role):
    start = text.index(surface)
    fig = Figure(start, start + len(surface), surface, "money", None, unit="USD", currency="USD")
    assert annotate(text, [fig], dt.date(2023, 5, 14))[0].role == role
