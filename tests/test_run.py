"""The main job end to end: reports, idempotent re-runs, and the same results for any --jobs."""
from __future__ import annotations

import contextlib
import gzip
import io
import itertools
from pathlib import Path

import pandas as pd
import pytest

from ledger.cli import main
from ledger.engine.batches import run_local
from ledger.read import iter_documents

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"
SHARED_CORPUS = REPO.parent / "shared" / "corpus" / "whitehouse.jsonl.gz"
REPORTS = ("ledger.xlsx", "ledger.csv", "facts.csv", "errors.csv", "ledger.parquet", "ledger.sqlite")


@pytest.fixture(scope="module")
def examples_run(tmp_path_factory) -> tuple[Path, str]:
    """The folder of one run on the examples and what it said on stderr (read, never changed)."""
    out, err = tmp_path_factory.mktemp("examples"), io.StringIO()
    with contextlib.redirect_stderr(err):
        assert main(["run", str(EXAMPLES), "--out", str(out), "--jobs", "1"]) == 0
    return out, err.getvalue()


def test_run_examples_writes_every_report(examples_run):
    out, err = examples_run
    for name in REPORTS:
        assert (out / name).is_file(), name
    facts = pd.read_csv(out / "facts.csv")
    mentions = pd.read_csv(out / "ledger.csv")
    assert len(facts) > 0 and len(mentions) >= len(facts)
    assert set(mentions["kind"]) >= {"money", "count"}
    assert "figures" in err


def test_two_articles_on_one_package_make_one_fact(examples_run):
    facts = pd.read_csv(examples_run[0] / "facts.csv")
    package = facts[(facts["surface"].isin(["$275 million", "$275m"])) & (facts["role"] == "package")]
    assert len(package) == 1
    assert package.iloc[0]["n_documents"] == 2 and package.iloc[0]["n_mentions"] >= 3
    assert (package.iloc[0]["donor"], package.iloc[0]["recipient"]) == ("United States", "Ukraine")


def test_rerun_adds_nothing_and_new_documents_append(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("published: 2023-01-06\n\nBerlin pledged EUR 50 million to Kyiv on "
                               "Thursday.\n", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["run", str(src), "--out", str(out), "--jobs", "1", "-q"]) == 0
    first = pd.read_csv(out / "facts.csv")
    assert main(["run", str(src), "--out", str(out), "--jobs", "1", "-q"]) == 0
    assert len(pd.read_csv(out / "facts.csv")) == len(first)
    (src / "b.txt").write_text("published: 2023-01-07\n\nTokyo announced a grant of 300 million yen "
                               "for generators in Ukraine.\n", encoding="utf-8")
    assert main(["run", str(src), "--out", str(out), "--jobs", "1", "-q"]) == 0
    assert len(pd.read_csv(out / "facts.csv")) == len(first) + 1


def _rows(paths, jobs):
    out = []
    for batch in run_local(iter_documents(paths), jobs=jobs, batch_size=5):
        out += [r.as_dict() for p in batch.items for r in p.rows]
    return out


def _sample_corpus(tmp_path: Path, n: int) -> Path:
    path = tmp_path / "sample.jsonl"
    with gzip.open(SHARED_CORPUS, "rt", encoding="utf-8") as src, path.open("w", encoding="utf-8") as dst:
        for line in itertools.islice(src, n):
            dst.write(line)
    return path


def test_jobs_two_equals_jobs_one_on_examples():
    assert _rows([str(EXAMPLES)], 1) == _rows([str(EXAMPLES)], 2)


@pytest.mark.skipif(not SHARED_CORPUS.is_file(), reason="../shared corpus not present")
def test_jobs_two_equals_jobs_one_on_real_corpus_sample(tmp_path):
    sample = _sample_corpus(tmp_path, 40)
    one = _rows([str(sample)], 1)
    assert len(one) > 100
    assert one == _rows([str(sample)], 2)
