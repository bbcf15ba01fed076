"""The corpus benchmarks' shared run cache, figure counts and gold splits (benchmarks/*.py).

No corpus is needed: every input here is written for the test (one tiny JSONL runs the ledger).
"""
from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import corpus_figures  # noqa: E402
import corpus_run  # noqa: E402
import frame_sample  # noqa: E402
import gold  # noqa: E402
import us_packages  # noqa: E402

# --- corpus_run: one cached run per corpus and code version -------------------------------------


def _package(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root


@pytest.mark.parametrize("change, same", [
    ({}, True),
    ({"__pycache__/a.cpython.pyc": "compiled"}, True),
    ({"a.py": "x = 2\n"}, False),
    ({"data/words.txt": "two\n"}, False),
    ({"b.py": ""}, False),
])
def test_source_hash_follows_code_and_data_but_not_caches(tmp_path, change, same):
    base = {"a.py": "x = 1\n", "data/words.txt": "one\n"}
    before = corpus_run.source_hash(_package(tmp_path / "p1", base))
    after = corpus_run.source_hash(_package(tmp_path / "p2", {**base, **change}))
    assert (before == after) is same


@pytest.mark.parametrize("corpus, code, expected", [
    ("whitehouse.jsonl.gz", "abc", "whitehouse-abc"),
    ("news.csv", "0123", "news-0123"),
])
def test_run_dir_names_corpus_and_code(tmp_path, corpus, code, expected):
    assert corpus_run.run_dir(Path("/x") / corpus, tmp_path, code) == tmp_path / expected


def test_prune_keeps_the_newest_runs_of_the_same_corpus(tmp_path):
    names = ["wh-a", "wh-b", "wh-c", "wh-d", "other-a"]
    for age, name in enumerate(names):
        (tmp_path / name).mkdir()
        stamp = time.time() - 100 * (len(names) - age)  # later in the list = newer
        os.utime(tmp_path / name, (stamp, stamp))
    gone = corpus_run.prune(tmp_path, tmp_path / "wh-a", n=2)
    assert sorted(p.name for p in gone) == ["wh-b", "wh-c"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["other-a", "wh-a", "wh-d"]


@pytest.mark.parametrize("date, year", [("2022-03-16", 2022), ("2024-01-01T00:00:00", 2024), (None, None), ("", None)])
def test_year_of(date, year):
    assert corpus_run.year_of(date) == year


def test_ensure_run_runs_the_ledger_once_and_reuses_it(tmp_path):
    corpus = tmp_path / "tiny.jsonl"
    rows = [{"id": "a", "published": "2024-05-02", "title": "Aid",
             "text": "The United States announced $50 million in aid to Chad."},
            {"id": "b", "published": "2024-05-03", "title": "Prices", "text": "Gas cost $3.10 a gallon."}]
    corpus.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    cache = tmp_path / "cache"
    run = corpus_run.ensure_run(corpus, jobs=1, cache=cache)
    assert run == corpus_run.run_dir(corpus, cache)
    money = corpus_run.mentions(run, "source, surface", "kind = 'money'")  # doc ids hash the text
    assert sorted(money.itertuples(index=False, name=None)) == [(f"{corpus}:1", "$50 million"),
                                                                (f"{corpus}:2", "$3.10")]
    stamp = (run / "complete").stat().st_mtime_ns
    assert corpus_run.ensure_run(corpus, jobs=1, cache=cache) == run
    assert (run / "complete").stat().st_mtime_ns == stamp
    assert [p.name for p in cache.iterdir()] == [run.name]


@pytest.mark.parametrize("module, args", [
    (us_packages, ["--reference", "{missing}"]),
    (us_packages, ["--corpus", "{missing}", "--reference", "{present}"]),
    (frame_sample, ["--corpus", "{missing}"]),
    (corpus_figures, ["--corpus", "{missing}"]),
])
def test_benchmarks_skip_without_their_inputs(tmp_path, capsys, module, args):
    missing = str(tmp_path / "absent.jsonl.gz")
    present = tmp_path / "reference.csv"  # only the input under test is missing, with or without ../shared
    present.write_text("date,pda_usd_million\n2022-03-12,200\n", encoding="utf-8")
    argv = [a.format(missing=missing, present=present) for a in args]
    assert module.main(argv + ["--cache", str(tmp_path)]) == 0
    assert capsys.readouterr().out == f"skip: {missing} not found (../shared is absent)\n"


# --- corpus_figures: wrapped figures present vs found -----------------------------------------------

TEXT = ("Prices rose 12 percent this year and 7\npercent last year; gas is 18 cents a\n"
        "gallon, a $1.8\nbillion plan, $100-plus and a 50-dollar bill. In 2017 the 3,100 rate")


@pytest.mark.parametrize("form, layout, matches", [
    ("N percent", "one line", ["12 percent"]),
    ("N percent", "wrapped", ["7\npercent"]),
    ("N cents", "one line", ["18 cents"]),
    ("$N million/billion/trillion", "wrapped", ["$1.8\nbillion"]),
    ("$N million/billion/trillion", "one line", []),
    ("$N-plus / N-dollar", "one line", ["$100-plus", "50-dollar"]),
])
def test_forms_find_what_is_present(form, layout, matches):
    spec = next(f for f in corpus_figures.FORMS if f.name == form)
    seps = corpus_figures.SUFFIX_SEPARATORS if "plus" in form else corpus_figures.SEPARATORS
    assert [m.group(0) for m in spec.regex(seps[layout]).finditer(TEXT)] == matches


SPANS = [(12, 22, "percent"), (37, 38, "count"), (65, 73, "count"), (86, 98, "money")]


@pytest.mark.parametrize("start, end, kinds, found", [
    (12, 22, {"percent"}, True),     # the whole "12 percent"
    (37, 46, {"percent"}, False),    # "7\npercent": only the number was read
    (65, 73, {"money"}, False),      # "18 cents" read as a count
    (86, 98, {"money"}, True),       # "$1.8\nbillion" read whole
    (87, 90, {"money"}, True),       # a span inside a money figure
])
def test_covered(start, end, kinds, found):
    starts = [s for s, _, _ in SPANS]
    assert corpus_figures.covered(SPANS, starts, start, end, kinds) is found


def test_wrap_counts_tally_present_and_found():
    counts = corpus_figures.wrap_counts([("d", TEXT)], {"d": SPANS})
    assert counts[("N percent", "one line")] == [1, 1]
    assert counts[("N percent", "wrapped")] == [1, 0]
    assert counts[("N cents", "one line")] == [1, 0]
    assert counts[("$N million/billion/trillion", "wrapped")] == [1, 1]


@pytest.mark.parametrize("kind, surface, is_year", [
    ("count", "2017", True), ("count", "1990", True), ("count", "2,017", False), ("count", "3100", False),
    ("count", "17", False), ("money", "2017", False),
])
def test_bare_years(kind, surface, is_year):
    rows = pd.DataFrame({"kind": [kind], "surface": [surface]})
    assert len(corpus_figures.bare_years(rows)) == int(is_year)


# --- gold: splits and confident figures ---------------------------------------------------------------


@pytest.mark.parametrize("stem, split", [
    ("000_seed", "first 15"), ("048", "first 15"), ("049", "new dev"), ("064", "held-out"), ("099", "other"),
])
def test_split_of(stem, split):
    assert gold.split_of(stem) == split


def test_splits_do_not_overlap():
    stems = [s for stems in gold.SPLITS.values() for s in stems]
    assert len(stems) == len(set(stems)) == 33


@pytest.mark.parametrize("confidences, line_end", [
    ([], "date=-"),
    ([(0.9, True), (0.8, False), (0.5, True)], "conf>=0.8: role=0.500 n=2"),
    ([(0.2, True)], "conf>=0.8: role=- n=0"),
])
def test_confident_role_accuracy(confidences, line_end):
    sc = gold.Score()
    for confidence, role_right in confidences:
        gold._score_confidence(sc, confidence, role_right)
    assert gold._row("x", sc).endswith(line_end)
    total = gold.Score()
    total.add(sc)
    assert (total.confident, total.confident_role) == (sc.confident, sc.confident_role)
