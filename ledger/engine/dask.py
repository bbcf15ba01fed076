"""The distributed engine: extraction on a Dask cluster, rows as partitioned Parquet.

The client plans partitions (a corpus file is cut into ranges of documents, loose files are
grouped), each Dask task reads its partition itself, extracts, and writes one Parquet file
``<out>/parquet/part-NNNNN.parquet`` of typed rows (the :data:`ledger.store.schema.DTYPES`
schema). The client then loads the partitions into the store in input order, so the store,
facts and reports are the same as with the local engine.

Workers must see the input files and ``--out`` at the same paths as the client (a shared file
system), and have aid-ledger installed.
"""
from __future__ import annotations

import gzip
import itertools
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import pandas as pd

from ledger.engine.batches import Batch, Processed, process_batch
from ledger.model import Document, ReadError, Row
from ledger.store.schema import DTYPES, rows_frame

CORPUS_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson")
DOCS_PER_PARTITION = 200
FILES_PER_PARTITION = 50


@dataclass(frozen=True, slots=True)
class Partition:
    """Documents ``start``..``stop`` (in reading order) of the inputs ``paths``."""

    index: int
    paths: tuple[str, ...]
    start: int = 0
    stop: int | None = None


def _count_lines(path: Path) -> int:
    opener = gzip.open if path.name.endswith(".gz") else open
    with opener(path, "rb") as fh:
        return sum(1 for _ in fh)


def plan_partitions(paths: list[str], docs_per_partition: int = DOCS_PER_PARTITION) -> list[Partition]:
    """Cut the inputs into partitions that workers can read independently."""
    parts: list[Partition] = []
    loose: list[str] = []
    for spec in paths:
        path = Path(spec)
        if path.is_file() and path.name.endswith(CORPUS_SUFFIXES):
            n = _count_lines(path)
            for start in range(0, max(n, 1), docs_per_partition):
                stop = start + docs_per_partition
                parts.append(Partition(len(parts), (spec,), start, stop if stop < n else None))
        else:
            loose.append(spec)
    for i in range(0, len(loose), FILES_PER_PARTITION):
        parts.append(Partition(len(parts), tuple(loose[i:i + FILES_PER_PARTITION])))
    return parts


def run_partition(part: Partition, out: str, max_bytes: int) -> dict:
    """Task run on a worker: read, extract, write one Parquet file; return the small metadata."""
    from ledger.read import iter_documents

    items = itertools.islice(iter_documents(list(part.paths), max_bytes=max_bytes), part.start, part.stop)
    docs: list[Document] = []
    errors: list[ReadError] = []
    for item in items:
        (errors if isinstance(item, ReadError) else docs).append(item)
    results = process_batch(docs)
    rows: list[Row] = []
    meta = []
    for r in results:
        if isinstance(r, ReadError):
            errors.append(r)
            continue
        rows.extend(r.rows)
        # the text stays on the worker: the store keeps metadata and rows only
        meta.append((replace(r.doc, text=""), r.content_hash, len(r.rows)))
    target = Path(out) / "parquet" / f"part-{part.index:05d}.parquet"
    target.parent.mkdir(parents=True, exist_ok=True)
    rows_frame(rows).to_parquet(target, index=False)
    return {"index": part.index, "parquet": str(target), "documents": meta, "errors": errors}


def _rows_from_parquet(path: str) -> dict[str, list[Row]]:
    df = pd.read_parquet(path).astype(DTYPES)
    by_doc: dict[str, list[Row]] = {}
    for rec in df.to_dict(orient="records"):
        rec = {k: _scalar(k, v) for k, v in rec.items()}
        by_doc.setdefault(rec["doc_id"], []).append(Row(**rec))
    return by_doc


def _scalar(key: str, value):
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return None
    if DTYPES[key].startswith("datetime"):
        return None if pd.isna(value) else pd.Timestamp(value).date()
    if DTYPES[key] == "Int64":
        return int(value)
    if DTYPES[key] == "Float64":
        return float(value)
    return value


def run_dask(paths: list[str], *, out: Path, scheduler: str | None = None, max_bytes: int,
             known=None, n_workers: int = 2) -> Iterator[Batch]:
    """Run extraction on Dask and yield batches for the store, in input order."""
    import dask.bag as db
    from dask.distributed import Client, LocalCluster

    parts = plan_partitions(paths)
    for stale in (Path(out) / "parquet").glob("part-*.parquet"):
        stale.unlink()  # partitions of an earlier run would mix with this one's in dashboards
    cluster = None
    if scheduler is None:
        cluster = LocalCluster(n_workers=n_workers, threads_per_worker=1, processes=True,
                               dashboard_address=None)
        client = Client(cluster)
    else:
        client = Client(scheduler)
    try:
        bag = db.from_sequence(parts, npartitions=max(1, len(parts)))
        results = bag.map(run_partition, str(Path(out).resolve()), max_bytes).compute()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    for res in sorted(results, key=lambda r: r["index"]):
        rows_by_doc = _rows_from_parquet(res["parquet"])
        batch = Batch(errors=list(res["errors"]))
        for doc, chash, _n in res["documents"]:
            if known is not None and known(doc.doc_id) == chash:
                batch.skipped += 1
                continue
            batch.items.append(Processed(doc, chash, rows_by_doc.get(doc.doc_id, [])))
        yield batch
