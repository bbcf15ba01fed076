"""The extractor by behaviour: the case tables in ``tests/cases/extract/`` → what ``find_figures`` gives.

- ``money.tsv``, ``counts.tsv``, ``measures.tsv``, ``ranges.tsv``: a text and a figure users expect in it;
  the columns after ``surface`` are checked when not empty (``None``: the field is None); ``all=y``: the rows
  of that text are all its figures;
- ``rejected.tsv``: a text and a fragment no figure may contain (``*``: the text has no figure at all);
- ``known_misses.tsv``: documented failures, same columns plus ``why``; run as strict xfail, so a fix shows.

In a cell, ``\\n`` stands for a line break and ``\\u00ad`` for a soft hyphen. Every rule of
``ledger.extract.rules`` names the id of its case here.
"""
from __future__ import annotations

import math
from collections import defaultdict
from pathlib import Path

import pytest

from ledger.extract import find_figures, rules

CASES = Path(__file__).parent / "cases" / "extract"
FIGURE_TABLES = ("money", "counts", "measures", "ranges")
FIELDS = ("kind", "value", "low", "high", "unit", "qualifier", "change", "per", "item")
NUMBERS = ("value", "low", "high")


def _rows(name: str) -> list[dict[str, str]]:
    lines = [ln for ln in (CASES / f"{name}.tsv").read_text(encoding="utf-8").splitlines() if ln and ln[0] != "#"]
    header = lines[0].split("\t")
    rows = []
    for line in lines[1:]:
        cells = line.split("\t")
        assert len(cells) == len(header), f"{name}.tsv: {cells[0]} has {len(cells)} columns"
        rows.append({k: v.replace("\\n", "\n").replace("\\u00ad", "\u00ad") for k, v in zip(header, cells)})
    return rows


FIGURES = [row for name in FIGURE_TABLES for row in _rows(name)]
REJECTED = _rows("rejected")
MISSES = _rows("known_misses")
COMPLETE: dict[str, list[str]] = defaultdict(list)
for _row in FIGURES:
    if _row["all"] == "y":
        COMPLETE[_row["text"]].append(_row["surface"])


def _same(field: str, want: str, got) -> bool:
    if want == "None":
        return got is None
    if field in NUMBERS:
        return got is not None and math.isclose(float(got), float(want), rel_tol=1e-6)
    return str(got) == want


def check_figure(case: dict[str, str]) -> None:
    text = case["text"]
    figs = find_figures(text)
    assert all(text[f.start:f.end] == f.surface for f in figs)
    found = [f for f in figs if f.surface == case["surface"]]
    assert found, f"{case['surface']!r} not among {[f.surface for f in figs]}"
    fig = found[0]
    wrong = {k: getattr(fig, k) for k in FIELDS if case.get(k) and not _same(k, case[k], getattr(fig, k))}
    assert wrong == {}, f"expected {({k: case[k] for k in wrong})}"
    if case["all"] == "y":
        assert sorted(f.surface for f in figs) == sorted(COMPLETE[text])


def check_rejected(text: str, fragment: str) -> None:
    surfaces = [f.surface for f in find_figures(text)]
    assert (surfaces == []) if fragment == "*" else not [s for s in surfaces if fragment in s], surfaces


@pytest.mark.parametrize("case", [pytest.param(r, id=r["id"]) for r in FIGURES])
def test_figure(case):
    check_figure(case)


@pytest.mark.parametrize("case", [pytest.param(r, id=r["id"]) for r in REJECTED])
def test_rejected(case):
    check_rejected(case["text"], case["fragment"])


@pytest.mark.parametrize("case", [pytest.param(r, id=r["id"], marks=pytest.mark.xfail(reason=r["why"], strict=True))
                                  for r in MISSES])
def test_known_miss(case):
    if case["kind"] == "none":
        check_rejected(case["text"], case["surface"])
    else:
        check_figure(case)


def test_every_rule_names_a_passing_case():
    ids = {r["id"] for r in FIGURES} | {r["id"] for r in REJECTED}
    assert [(r.name, r.test) for r in rules.all_rules() if r.test not in ids] == []


def test_case_ids_are_unique():
    ids = [r["id"] for r in FIGURES + REJECTED + MISSES]
    assert sorted(i for i in set(ids) if ids.count(i) > 1) == []


# unit names that CQE/NewsQuant use but quantulum3 builds only on the fly (derived or composite units)
DERIVED_UNITS = {"barrel per day", "year of age", "megawatt hour", "gigawatt hour", "millilitre", "foot pound-force",
                 "mile per gallon", "kilopound per square inch",
                 "point per game", "rebound per game", "assist per game", "win above replacement"}


def test_unit_names_come_from_quantulum3():
    from ledger.extract import units

    unknown = {u for _a, u, _k in units.table()} - units.database_names() - DERIVED_UNITS
    assert unknown == set()
