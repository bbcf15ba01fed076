"""The context stage by behaviour: the case table ``tests/cases/context/frames.tsv`` → the role,
donor, recipient, stage and aid type ``ledger.extract_figures`` gives one figure of each text.

Every rule of the role and actor tables (``ledger.context.money_role``, ``figure_role``,
``neighbours``, ``mentions``) is stated by a case here; ``known_misses.tsv`` lists documented
failures, run as strict xfail so that a fix shows.
"""
from __future__ import annotations

from pathlib import Path

import pytest

import ledger
from ledger.context import mentions, money_role

CASES = Path(__file__).parent / "cases" / "context"
FIELDS = ("role", "donor", "recipient", "stage", "aid_type")


def _rows(name: str) -> list[dict[str, str]]:
    lines = [ln for ln in (CASES / name).read_text(encoding="utf-8").splitlines() if ln and ln[0] != "#"]
    header = lines[0].split("\t")
    rows = []
    for line in lines[1:]:
        cells = line.split("\t")
        assert len(cells) == len(header), f"{name}: {cells[0]} has {len(cells)} columns"
        rows.append(dict(zip(header, cells)))
    return rows


FRAMES = _rows("frames.tsv")
MISSES = _rows("known_misses.tsv")


def _frame(case: dict[str, str]) -> dict[str, str | None]:
    figs = ledger.extract_figures(case["text"], published=case["published"] or None, url=case["url"] or None)
    found = [f for f in figs if f.surface == case["surface"]]
    assert found, f"{case['surface']!r} not among {[f.surface for f in figs]}"
    return {name: getattr(found[0], name) for name in FIELDS}


def _expected(case: dict[str, str]) -> dict[str, str | None]:
    return {name: (None if case[name] == "-" else case[name]) for name in FIELDS if case[name]}


@pytest.mark.parametrize("case", FRAMES, ids=[c["id"] for c in FRAMES])
def test_frame(case):
    got = _frame(case)
    want = _expected(case)
    assert {k: got[k] for k in want} == want


@pytest.mark.parametrize("case", MISSES, ids=[c["id"] for c in MISSES])
@pytest.mark.xfail(strict=True, reason="a documented miss (known_misses.tsv)")
def test_known_miss(case):
    got = _frame(case)
    want = _expected(case)
    assert {k: got[k] for k in want} == want


def test_every_case_id_is_unique():
    ids = [c["id"] for c in FRAMES + MISSES]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("name", [name for name, _example, _rule in money_role.RULES])
def test_every_money_rule_has_an_example_and_a_case(name):
    assert any(c["id"].startswith(name.split("-")[0]) for c in FRAMES), f"no case states {name}"


def test_every_actor_rule_has_an_example():
    assert all(example for _name, example, _rule in mentions.RULES)


def test_a_publishers_own_dollar():
    (fig,) = [f for f in ledger.extract_figures("Australia will provide a $16 million package to support Tonga.",
                                                 published="2022-04-09", url="https://www.dfat.gov.au/news/x")
              if f.kind == "money"]
    assert (fig.unit, fig.currency) == ("AUD", "AUD")


def test_every_aid_row_says_why_and_how_sure():
    for fig in ledger.extract_figures("The Pentagon on Friday announced a new $275 million aid package for "
                                      "Ukraine, including 80,000 rounds of artillery.", published="2022-12-10"):
        assert fig.why and fig.why.startswith("role=") and "donor=" in fig.why
        assert fig.confidence is not None and 0 <= fig.confidence <= 1
