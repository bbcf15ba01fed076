"""The Dask engine gives the same facts as the local engine."""
from __future__ import annotations

import gzip
import itertools
from pathlib import Path

import pandas as pd
import pytest

pytest.importorskip("dask.distributed", reason="the Dask extra is not installed")

from ledger.engine.dask import plan_partitions  # noqa: E402
from ledger.engine.job import run_job  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"
SHARED_CORPUS = REPO.parent / "shared" / "corpus" / "whitehouse.jsonl.gz"
FACT_KEY = ["kind", "role", "donor", "recipient", "currency", "unit", "value", "low", "high", "event_date"]


def _facts(out: Path) -> pd.DataFrame:
    df = pd.read_csv(out / "facts.csv")[FACT_KEY]
    return df.sort_values(FACT_KEY, na_position="first").reset_index(drop=True)


def _corpus(tmp_path: Path) -> list[str]:
    if SHARED_CORPUS.is_file():
        sample = tmp_path / "sample.jsonl"
        with gzip.open(SHARED_CORPUS, "rt", encoding="utf-8") as src:
            sample.write_text("".join(itertools.islice(src, 30)), encoding="utf-8")
        return [str(sample), str(EXAMPLES)]
    return [str(EXAMPLES)]


@pytest.mark.parametrize("n_docs, per_part, expected", [
    (0, 10, [(0, None)]),
    (10, 10, [(0, None)]),
    (25, 10, [(0, 10), (10, 20), (20, None)]),
])
def test_partitions_cover_a_corpus(tmp_path, n_docs, per_part, expected):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("".join('{"id": "%d", "text": "x"}\n' % i for i in range(n_docs)))
    parts = plan_partitions([str(corpus)], per_part)
    assert [(p.start, p.stop) for p in parts] == expected


def test_dask_local_cluster_gives_the_same_facts(tmp_path):
    inputs = _corpus(tmp_path)
    local = run_job(inputs, out=tmp_path / "local", jobs=1, progress=False)
    dask = run_job(inputs, out=tmp_path / "dask", engine="dask", progress=False)
    assert local.facts > 0 and local.facts == dask.facts
    assert list((tmp_path / "dask" / "parquet").glob("part-*.parquet"))
    pd.testing.assert_frame_equal(_facts(tmp_path / "local"), _facts(tmp_path / "dask"))
