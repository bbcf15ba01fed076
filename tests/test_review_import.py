"""``aid-ledger review import``: edited cells become corrections; a bad file is refused whole, naming the row
and the column, and changes nothing; the same file twice changes nothing."""
from __future__ import annotations

import io
import shutil
import sys
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from ledger.cli import main
from ledger.review import REVIEW_COLUMNS
from ledger.store import Store

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
STORED = ("ledger.sqlite", "review.csv", "review.xlsx")


@pytest.fixture(scope="module")
def exported(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("exported")
    assert main(["run", str(EXAMPLES), "--out", str(folder), "--jobs", "1", "-q"]) == 0
    assert main(["review", "export", "--out", str(folder), "-q"]) == 0
    return folder


@pytest.fixture
def out(exported, tmp_path) -> Path:
    for name in STORED:
        shutil.copy(exported / name, tmp_path / name)
    return tmp_path


def review(out: Path) -> pd.DataFrame:
    return pd.read_csv(out / "review.csv", dtype=str, keep_default_na=False)


def store_state(out: Path):
    with Store(out / "ledger.sqlite") as store:
        return store.corrections(), store.facts()


def edited(out: Path, edit) -> Path:
    frame = review(out)
    edit(frame)
    path = out / "edited.csv"
    frame.to_csv(path, index=False)
    return path


def _set(row: int, column: str, value):
    def edit(frame):
        frame.loc[row, column] = value
    return edit


def _first_key(frame) -> str:
    return f"{frame.loc[0, 'surface']!r} at characters {frame.loc[0, 'start']}-{frame.loc[0, 'end']}"


BAD_CELLS = [
    (_set(0, "role", "pakage"), "row 2, column role: 'pakage' is not a role: choose package, component, cumulative, "
                                "budget or other"),
    (_set(1, "role", ""), "row 3, column role: is empty: choose package, component, cumulative, budget or other"),
    (_set(0, "stage", "sent"), "row 2, column stage: 'sent' is not a stage: choose pledged, committed, disbursed, "
                               "delivered, requested or appropriated, or leave it empty"),
    (_set(0, "aid_type", "cash"), "row 2, column aid_type: 'cash' is not a kind of aid: choose military, "
                                  "humanitarian, financial or development, or leave it empty"),
    (_set(0, "donor", "Untied States"), "row 2, column donor: 'Untied States' is no donor or recipient aid-ledger "
                                        "knows (did you mean 'United States'?): write a name or alias of the "
                                        "gazetteer (the Lists sheet), or leave it empty"),
    (_set(2, "recipient", "Narnia"), "row 4, column recipient: 'Narnia' is no donor or recipient aid-ledger knows: "
                                     "write a name or alias of the gazetteer (the Lists sheet), or leave it empty"),
    (_set(0, "value", "lots"), "row 2, column value: 'lots' is not an amount: write a number such as 275000000 (in "
                               "the figure's currency)"),
    (_set(0, "value", "1e999"), "row 2, column value: '1e999' is not an amount: write a number such as 275000000 "
                                "(in the figure's currency)"),
    (_set(0, "exclude", "maybe"), "row 2, column exclude: 'maybe' is not yes or no (yes: the figure adds to no total)"),
    (_set(0, "start", "abc"), "row 2, column start: 'abc' is not a character offset: keep the value as exported"),
    (_set(0, "exported", "{broken"), "row 2, column exported: was changed: leave it as exported, or empty it (the "
                                     "store's values are then what the cells are compared with)"),
    (lambda f: f.__delitem__("surface"), "row 1, column surface: is missing: keep the columns doc_id, "
                                                        "start, end and surface as exported (they find the figure)"),
    (lambda f: f.loc.__setitem__(len(f), f.loc[0]), "row {last}, column doc_id: repeats the figure of row 2: keep "
                                                     "one row per figure"),
    (lambda f: (_set(0, "role", "pakage")(f), _set(1, "exclude", "maybe")(f)),
     "row 2, column role: 'pakage' is not a role: choose package, component, cumulative, budget or other (and 1 "
     "more problem)"),
]


@pytest.mark.parametrize("edit, problem", BAD_CELLS)
def test_a_bad_cell_is_named_and_nothing_is_imported(out, capsys, edit, problem):
    before = store_state(out)
    path = edited(out, lambda f: (_set(3, "role", "other")(f), edit(f)))  # a good edit beside the bad one
    assert main(["review", "import", str(path), "--out", str(out)]) == 2
    problem = problem.format(last=len(review(out)) + 2)
    assert capsys.readouterr().err == f"aid-ledger: error: {path}: {problem} (nothing was imported)\n"
    after = store_state(out)
    assert after[0].empty and before[1].equals(after[1])


def test_a_figure_the_store_does_not_hold_is_named(out, capsys):
    def edit(frame):
        frame.loc[0, "doc_id"], frame.loc[0, "exported"], frame.loc[0, "role"] = "ffffffffffffffff", "", "other"
    path = edited(out, edit)
    frame = review(out)
    assert main(["review", "import", str(path), "--out", str(out)]) == 2
    assert capsys.readouterr().err == (
        f"aid-ledger: error: {path}: row 2, column doc_id: no figure of this store is {_first_key(frame)} of "
        f"document ffffffffffffffff: keep the key columns as exported (nothing was imported)\n")
    assert store_state(out)[0].empty


@pytest.mark.parametrize("name, content, problem", [
    ("notes.json", b"{}", "is neither .xlsx nor .csv: give the review.xlsx or review.csv that 'aid-ledger review "
                          "export' wrote"),
    ("review.xlsx", b"not a workbook", "cannot be read as an .xlsx workbook (File is not a zip file)"),
    ("review.csv", "doc_id,start,end,surface\nabc,1,2,Bogotá\n".encode("latin-1"),
     "is not UTF-8 text: save it as 'CSV UTF-8' (or edit review.xlsx)"),
])
def test_a_file_that_is_no_review_file_is_refused(out, capsys, name, content, problem):
    (out / "bad").mkdir()
    path = out / "bad" / name
    path.write_bytes(content)
    assert main(["review", "import", str(path), "--out", str(out)]) == 2
    assert capsys.readouterr().err == f"aid-ledger: error: {path}: {problem} (nothing was imported)\n"


def test_a_missing_file_is_a_usage_error(out, capsys):
    assert main(["review", "import", str(out / "nowhere.csv"), "--out", str(out)]) == 2
    assert capsys.readouterr().err == (f"aid-ledger: error: no such file: '{out / 'nowhere.csv'}' (nothing was "
                                       f"imported)\n")


def _n_mentions(out: Path, fact_id: str) -> int:
    with Store(out / "ledger.sqlite") as store:
        return int((store.mentions()["fact_id"] == fact_id).sum())


def test_importing_the_same_file_twice_changes_nothing(out, capsys):
    frame = review(out)
    path = edited(out, _set(0, "role", "other"))
    n = _n_mentions(out, frame.loc[0, "fact_id"])
    assert main(["review", "import", str(path), "--out", str(out)]) == 0
    first = capsys.readouterr().err
    corrections, facts = store_state(out)
    assert main(["review", "import", str(path), "--out", str(out)]) == 0
    second = capsys.readouterr().err
    rows = len(frame)
    assert first == (f"aid-ledger: {path}: {rows} rows, 1 edited: {n} corrections added, 0 changed, 0 given back "
                     f"to the rules; {len(facts)} facts in the store ('aid-ledger report' writes the reports with "
                     f"them)\n")
    assert second == (f"aid-ledger: {path}: {rows} rows, 1 edited: 0 corrections added, 0 changed, 0 given back "
                      f"to the rules; {len(facts)} facts in the store: nothing changed\n")
    again = store_state(out)
    assert again[0].drop(columns="imported").equals(corrections.drop(columns="imported")) and again[1].equals(facts)


def test_writing_back_what_the_rules_read_removes_the_correction(out):
    frame = review(out)
    at = frame.index[frame["n_documents"] == "1"][0]  # a fact of one document stays one fact as 'other'
    rules, key = frame.loc[at, "role"], frame.loc[at, ["doc_id", "start"]].tolist()
    assert main(["review", "import", str(edited(out, _set(at, "role", "other"))), "--out", str(out), "-q"]) == 0
    assert not store_state(out)[0].empty
    assert main(["review", "export", "--out", str(out), "-q"]) == 0
    again = review(out)
    row = again.index[(again["doc_id"] == key[0]) & (again["start"] == key[1])][0]
    assert again.loc[row, "role"] == "other" and again.loc[row, "corrected"] == "role"
    assert main(["review", "import", str(edited(out, _set(row, "role", rules))), "--out", str(out), "-q"]) == 0
    corrections, facts = store_state(out)
    assert corrections.empty and facts.loc[facts["fact_id"] == frame.loc[at, "fact_id"], "role"].tolist() == [rules]


def test_the_workbook_can_be_edited_and_imported(out):
    book = openpyxl.load_workbook(out / "review.xlsx")
    sheet = book["Review"]
    sheet.cell(row=2, column=REVIEW_COLUMNS.index("exclude") + 1, value="yes")
    sheet.cell(row=2, column=REVIEW_COLUMNS.index("note") + 1, value="counted twice in the source")
    book.save(out / "edited.xlsx")
    fact_id = sheet.cell(row=2, column=REVIEW_COLUMNS.index("fact_id") + 1).value
    assert main(["review", "import", str(out / "edited.xlsx"), "--out", str(out), "-q"]) == 0
    corrections, facts = store_state(out)
    assert fact_id not in set(facts["fact_id"])
    assert set(corrections["field"]) == {"exclude", "note"} and corrections["imported_from"].eq("edited.xlsx").all()


def test_a_csv_file_can_come_on_standard_input(out, monkeypatch):
    path = edited(out, _set(0, "donor", "Canada"))
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(path.read_bytes()), encoding="utf-8"))
    assert main(["review", "import", "-", "--out", str(out), "-q"]) == 0
    corrections, _ = store_state(out)
    assert set(corrections["set_to"]) == {"Canada"} and corrections["imported_from"].eq("standard input").all()
