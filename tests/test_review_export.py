"""``aid-ledger review export``: the facts that feed totals, most money in doubt first, in a workbook made
for editing and a CSV file."""
from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from ledger.cli import main
from ledger.model import AID_ROLES, AID_TYPES, ROLES, STAGES
from ledger.review import EDITABLE, REVIEW_COLUMNS

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


@pytest.fixture(scope="module")
def out(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("review")
    assert main(["run", str(EXAMPLES), "--out", str(folder), "--jobs", "1", "-q"]) == 0
    assert main(["review", "export", "--out", str(folder), "-q"]) == 0
    return folder


@pytest.fixture(scope="module")
def queue(out) -> pd.DataFrame:
    return pd.read_csv(out / "review.csv")


@pytest.fixture(scope="module")
def sheet(out):
    return openpyxl.load_workbook(out / "review.xlsx")["Review"]


def test_the_queue_holds_every_fact_that_feeds_totals(out, queue):
    facts = pd.read_csv(out / "facts.csv")
    aid = facts[facts["role"].isin(AID_ROLES)]
    assert sorted(queue["fact_id"]) == sorted(aid["fact_id"]) and len(queue) > 10
    assert list(queue.columns) == list(REVIEW_COLUMNS)


def test_the_most_money_in_doubt_comes_first(queue):
    stake = (queue["value_usd"] * (1 - queue["confidence"])).round(2)
    assert queue["stake_usd"].fillna(-1).tolist() == pytest.approx(stake.fillna(-1).tolist())
    dated = queue["stake_usd"].dropna()
    assert dated.is_monotonic_decreasing and queue["stake_usd"].notna().sum() == len(dated)
    assert queue["stake_usd"].isna().tolist() == sorted(queue["stake_usd"].isna().tolist())  # no amount: last


def test_every_row_says_why_and_how_sure(queue):
    assert queue["why"].str.contains("role=").all()
    assert queue["confidence"].between(0, 1).all()


def test_every_row_carries_the_values_it_was_exported_with(queue):
    first = json.loads(queue["exported"].iloc[0])
    assert set(first) == set(EDITABLE)
    assert first["role"] == queue["role"].iloc[0] and first["exclude"] == "no"


def test_the_workbook_holds_the_rows_of_the_csv_file(queue, sheet):
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == list(REVIEW_COLUMNS)
    at = {c: i for i, c in enumerate(rows[0])}
    assert [(r[at["doc_id"]], r[at["start"]], r[at["surface"]]) for r in rows[1:]] == list(
        zip(queue["doc_id"], queue["start"], queue["surface"]))


VALIDATED = [
    ("role", f'"{",".join(ROLES)}"', "stop"),
    ("stage", f'"{",".join(STAGES)}"', "stop"),
    ("aid_type", f'"{",".join(AID_TYPES)}"', "stop"),
    ("exclude", '"no,yes"', "stop"),
    ("donor", "Lists!$A$2:$A$", "warning"),
    ("recipient", "Lists!$A$2:$A$", "warning"),
    ("value", "-1E+18", "stop"),
]


@pytest.mark.parametrize("column, formula, style", VALIDATED)
def test_editable_columns_offer_their_values(sheet, queue, column, formula, style):
    letter = openpyxl.utils.get_column_letter(REVIEW_COLUMNS.index(column) + 1)
    (dv,) = [d for d in sheet.data_validations.dataValidation if str(d.sqref) == f"{letter}2:{letter}{len(queue) + 1}"]
    assert dv.formula1.startswith(formula) and (dv.errorStyle or "stop") == style and dv.showErrorMessage


def test_only_the_editable_columns_can_be_changed(sheet):
    assert sheet.protection.sheet and not sheet.protection.autoFilter and not sheet.protection.sort
    header = [c.value for c in sheet[1]]
    for column, cell in zip(header, sheet[2]):
        assert cell.protection.locked == (column not in EDITABLE), column
    marked = [c.value for c in sheet[1] if c.fill.fgColor.rgb.endswith("FFF2CC")]
    assert marked == list(EDITABLE)


def test_the_header_stays_in_view_and_the_exported_values_are_hidden(sheet):
    letter = openpyxl.utils.get_column_letter(REVIEW_COLUMNS.index("exported") + 1)
    assert sheet.freeze_panes == "D2" and sheet.column_dimensions[letter].hidden
    assert sheet.auto_filter.ref.startswith("A1:")


def test_the_lists_sheet_names_the_actors(out):
    lists = openpyxl.load_workbook(out / "review.xlsx")["Lists"]
    actors = [r[0] for r in lists.iter_rows(min_row=2, values_only=True) if r[0]]
    assert {"United States", "Ukraine", "Germany"} <= set(actors) and actors == sorted(actors)


def test_export_says_what_it_wrote(out, capsys):
    assert main(["review", "export", "--out", str(out)]) == 0
    n = len(pd.read_csv(out / "review.csv"))
    assert capsys.readouterr().err == (f"aid-ledger: wrote {out / 'review.xlsx'} ({n} rows to review, the most "
                                       f"money in doubt first)\naid-ledger: wrote {out / 'review.csv'}\n")


def test_export_without_a_store_is_a_usage_error(tmp_path, capsys):
    assert main(["review", "export", "--out", str(tmp_path)]) == 2
    assert capsys.readouterr().err == (f"aid-ledger: error: no store at '{tmp_path / 'ledger.sqlite'}': run "
                                       f"'aid-ledger run PATH...' first, or point --db at a store\n")
    assert not (tmp_path / "review.xlsx").exists()


def test_review_needs_an_action(capsys):
    assert main(["review"]) == 2
    assert capsys.readouterr().err == ("aid-ledger: error: an action is required: export or import (see "
                                       "'aid-ledger review --help')\n")
