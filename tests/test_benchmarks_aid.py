"""Helpers of the aid benchmarks: the official US package series and the judged frame sample.

No corpus is needed: every input here is written for the test.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path
from types import SimpleNamespace

import pandas as pd
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import frame_sample  # noqa: E402
import us_packages  # noqa: E402

# --- us_packages: the official series against the ledger -------------------------------------------

CSV = ("date,pda_usd_million,usai_usd_million,fmf_usd_million,source_url,fact_sheet_url\n"
       "2022-05-06,150.0,,,u,\n"
       "2022-09-08,675.0,,1000.0,u,\n"
       "2023-01-25,,400.0,,u,\n")


@pytest.fixture
def packages(tmp_path):
    path = tmp_path / "packages.csv"
    path.write_text(CSV, encoding="utf-8")
    return us_packages.load_packages(path)


def test_load_packages_sums_the_parts_and_splits_amounts(packages):
    got = [(p.date.isoformat(), p.total, sorted(p.amounts)) for p in packages]
    assert got == [
        ("2022-05-06", 150e6, [150_000_000]),
        ("2022-09-08", 1675e6, [675_000_000, 1_000_000_000, 1_675_000_000]),
        ("2023-01-25", 400e6, [400_000_000]),
    ]


def _money(rows):
    cols = ["published", "event_date", "surface", "sentence", "value", "role", "donor", "recipient"]
    return pd.DataFrame(rows, columns=cols)


MONEY = _money([
    # mentions the 2022-05-06 package and holds it
    ("2022-05-06", "2022-05-06", "$150 million", "A $150 million package for Ukraine.", 150e6, "package",
     "United States", "Ukraine"),
    # mentions the split package by one part, but holds it as a budget line
    ("2022-09-10", None, "$675 million", "Drawdown of $675 million for Ukraine.", 675e6, "budget", None,
     "United States"),
    # same amount, too late and no Ukraine: neither mentions nor holds the 2023 package
    ("2023-02-10", "2023-02-10", "$400 million", "$400 million for roads.", 400e6, "budget", "United States", None),
])


@pytest.mark.parametrize("index, mentioned, held", [(0, 1, True), (1, 1, False), (2, 0, False)])
def test_mentioning_and_holding_rows(packages, index, mentioned, held):
    pkg = packages[index]
    assert len(us_packages.mentioning_rows(pkg, MONEY)) == mentioned
    assert bool(len(us_packages.holding_rows(pkg, MONEY))) is held


def test_match_series_lists_only_mentioned_packages(packages):
    got = [(p.date.isoformat(), len(rows), held) for p, rows, held in us_packages.match_series(packages, MONEY)]
    assert got == [("2022-05-06", 1, True), ("2022-09-08", 1, False)]


def test_yearly_sums_put_facts_next_to_the_reference(packages):
    facts = pd.DataFrame({"value_usd": [1e9, 2e12, 5e8], "event_date": ["2022-03-01", None, "2023-01-02"],
                          "first_published": ["2022-03-02", "2022-07-01", "2023-01-02"],
                          "recipient": ["Ukraine", None, None]})
    table = us_packages.yearly_sums(facts, packages)
    assert table.loc[2022, "sum US$"] == 1e9 + 2e12
    assert table.loc[2022, "of which to Ukraine"] == 1e9
    assert table.loc[2022, "reference US$"] == 150e6 + 1675e6
    assert table.loc[2023, "US package facts"] == 1 and table.loc[2023, "reference packages"] == 1


@pytest.mark.parametrize("value, text", [
    (3.4e15, "3,400 T"), (2.98e9, "3 bn"), (2.5e9, "2.5 bn"), (725e6, "725 M"), (600, "600"), (None, "-"),
])
def test_money_text(value, text):
    assert us_packages.money_text(value) == text


# --- frame_sample: a seeded sample and judgments that survive rule changes -------------------------


def _rows(n):
    return pd.DataFrame({"doc_id": [f"d{i % 7}" for i in range(n)], "start": list(range(n)),
                         "surface": ["$1"] * n})


def test_draw_is_seeded_and_independent_of_input_order():
    rows = _rows(50)
    first = frame_sample.draw(rows, 5, seed=9)
    again = frame_sample.draw(rows.sample(frac=1, random_state=3), 5, seed=9)
    other = frame_sample.draw(rows, 5, seed=10)
    assert list(first["start"]) == list(again["start"])
    assert list(first["start"]) != list(other["start"])
    assert len(frame_sample.draw(rows, 500, seed=1)) == 50


def test_a_row_added_or_taken_away_changes_at_most_itself_in_the_draw():
    rows = _rows(200)
    first = set(frame_sample.draw(rows, 20, seed=9)["start"])
    added = set(frame_sample.draw(pd.concat([rows, pd.DataFrame({"doc_id": ["d0"], "start": [999],
                                                                 "surface": ["$2"]})]), 20, seed=9)["start"])
    taken = set(frame_sample.draw(rows[rows["start"] != min(first)], 20, seed=9)["start"])
    assert len(first - added) <= 1 and len(first - taken) == 1


def test_draw_orders_documents_by_url_so_new_ids_draw_the_same_rows():
    rows = _rows(50).assign(url=lambda f: "https://example.org/" + f["doc_id"])
    renamed = rows.assign(doc_id=lambda f: "h" + (9 - f["doc_id"].str[1:].astype(int)).astype(str))  # order reversed
    assert list(frame_sample.draw(rows, 5, seed=9)["start"]) == list(frame_sample.draw(renamed, 5, seed=9)["start"])


JUDGED = [
    {"doc_id": "d1", "url": "u1", "start": 100, "end": 112, "surface": "$400 million", "role": "package",
     "donor": "United States", "recipient": "Ukraine", "reason": "r"},
    {"doc_id": "d1", "url": "u1", "start": 900, "end": 912, "surface": "$400 million", "role": "budget",
     "donor": "United States", "recipient": [None, "Ohio"], "reason": "r"},
]


def _row(doc="d1", start=100, end=112, surface="$400 million", url="u1", **fields):
    base = {"role": "package", "donor": "United States", "recipient": "Ukraine"}
    return SimpleNamespace(doc_id=doc, url=url, start=start, end=end, surface=surface, **{**base, **fields})


@pytest.mark.parametrize("row, judged_start", [
    (_row(), 100),                                  # same span
    (_row(start=130, end=142), 100),                # moved a little (reader change)
    (_row(start=850, end=862), 900),                # nearest of two
    (_row(doc="renamed", url="u1"), 100),           # document id changed, url the same
    (_row(start=500, end=512), None),               # too far from both
    (_row(surface="$400,000,000"), None),           # another surface
    (_row(doc="d2", url="u2"), None),               # another document
])
def test_find_judgment(row, judged_start):
    found = frame_sample.find_judgment(row, JUDGED)
    assert (found["start"] if found else None) == judged_start


@pytest.mark.parametrize("fields, agree", [
    ({}, {"role": True, "donor": True, "recipient": True}),
    ({"recipient": float("nan")}, {"role": True, "donor": True, "recipient": False}),
    ({"role": "cumulative", "donor": None}, {"role": False, "donor": False, "recipient": True}),
])
def test_agreement_per_field(fields, agree):
    assert frame_sample.agreement(_row(**fields), JUDGED[0]) == agree


@pytest.mark.parametrize("recipient, right", [(None, True), ("Ohio", True), ("Ukraine", False)])
def test_agreement_accepts_any_listed_value(recipient, right):
    row = _row(start=900, end=912, role="budget", recipient=recipient)
    assert frame_sample.agreement(row, JUDGED[1])["recipient"] is right


def test_template_is_a_judgment_line_that_finds_its_row():
    row = _row(recipient=float("nan"))
    line = json.loads(frame_sample.template(row))
    assert line["recipient"] is None and line["reason"] == ""
    assert frame_sample.find_judgment(row, [line]) == line


def test_load_judgments_names_a_broken_line(tmp_path):
    path = tmp_path / "j.jsonl"
    path.write_text('{"doc_id": "d"}\n\n{broken\n', encoding="utf-8")
    with pytest.raises(SystemExit, match=r"j\.jsonl:3: not a JSON object"):
        frame_sample.load_judgments(path)
    assert frame_sample.load_judgments(tmp_path / "none.jsonl") == []


@pytest.mark.parametrize("text, start, end, width, marked", [
    ("Aid of $5 million\nto Chad.", 7, 17, 8, "Aid of ⟦$5 million⟧ to Chad"),
    ("$5 and $5.", 7, 9, 3, "nd ⟦$5⟧."),
])
def test_mark(text, start, end, width, marked):
    assert frame_sample.mark(text, start, end, width) == marked


def test_score_counts_only_judged_rows():
    sample = pd.DataFrame([vars(_row()), vars(_row(doc="d9", url="u9"))])
    scored, counts = frame_sample.score(sample, JUDGED)
    assert counts == {"judged": 1, "right": 1, "role": 1, "donor": 1, "recipient": 1}
    assert [j is None for _, j, _ in scored] == [False, True]


def test_rescore_finds_judged_rows_whatever_their_role_now():
    money = pd.DataFrame([vars(_row(start=105, end=117)), vars(_row(start=900, end=912, role="budget",
                                                                     recipient=None))])
    gone = {**JUDGED[0], "doc_id": "d7", "url": "u7"}
    assert frame_sample.rescore(money, [*JUDGED, gone]) == {"judgments": 3, "found": 2, "right": 2}
