"""The distributed engine: extraction on a Dask cluster, rows as partitioned Parquet.

The client plans partitions (:mod:`ledger.engine.partitions`: byte ranges of corpus files, pieces of a
compressed corpus, groups of files) and keeps a bounded window of them in flight. Each task reads
only its own bytes, extracts, writes ``<out>/parquet/part-NNNNN.parquet`` (the
:data:`ledger.store.schema.DTYPES` schema) and returns the rows without the texts. The client
takes the partitions as they finish (``as_completed``), holds early ones in a reorder buffer and
stores them in input order, in batches of ``batch_size`` documents exactly as the local engine
batches them, so store, facts and reports are the same, and the client's memory follows the
window, not the corpus. A task that fails is retried once; if it fails again its inputs are
named in the errors and the other partitions are stored.

Workers must see the input files and ``--out`` at the same paths as the client (a shared file
system), and have aid-ledger installed.
"""
from __future__ import annotations

import operator
import os
import re
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path

import pandas as pd

from ledger.engine.batches import DEFAULT_BATCH_SIZE, Batch, Processed, content_hash, process_batch
from ledger.engine.partitions import Partition, plan_partitions
from ledger.model import Document, ReadError, Row
from ledger.read.inputs import Metadata
from ledger.read.ranges import read_part
from ledger.store.schema import COLUMNS, DTYPES

RETRIES = 1
CONNECT_TIMEOUT = 30  # seconds to reach a scheduler
IN_FLIGHT_PER_SLOT = 4  # partitions submitted or waiting in the reorder buffer, per worker slot
_ROW_VALUES = operator.attrgetter(*COLUMNS)
PIECE_NAME = re.compile(r"\d{5,}-\d{5,}\.jsonl")  # input number - piece number


class DaskError(Exception):
    """The Dask engine cannot run as asked: no scheduler there, no workers, standard input."""


@dataclass(slots=True)
class Extracted:
    """One document as a task returns it: metadata without the text, the content hash, rows as
    tuples (None when processing failed) and the errors processing raised."""

    doc: Document
    content_hash: str
    rows: list[tuple] | None
    errors: list[ReadError] = field(default_factory=list)


Entry = Extracted | ReadError


def _extract(doc: Document) -> Extracted:
    results = process_batch([doc])
    done = [r for r in results if isinstance(r, Processed)]
    errors = [r for r in results if isinstance(r, ReadError)]
    if not done:
        return Extracted(replace(doc, text=""), content_hash(doc), None, errors)
    return Extracted(replace(doc, text=""), done[0].content_hash, [_ROW_VALUES(r) for r in done[0].rows],
                     errors)


def run_partition(partition: Partition, out: str, max_bytes: int, metadata: Metadata | None = None,
                  ) -> list[Entry]:
    """Task run on a worker: read the partition, extract, write its Parquet file; return the
    documents (without texts) with their rows, and the errors, in reading order."""
    entries: list[Entry] = [item if isinstance(item, ReadError) else _extract(item)
                            for item in read_part(partition.part, max_bytes, metadata)]
    rows = [row for e in entries if isinstance(e, Extracted) and e.rows for row in e.rows]
    target = Path(out) / "parquet" / f"part-{partition.index:05d}.parquet"
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(f".{os.getpid()}.tmp")
    pd.DataFrame.from_records(rows, columns=list(COLUMNS)).astype(DTYPES).to_parquet(partial, index=False)
    os.replace(partial, target)
    return entries


def to_batches(entries: Iterator[Entry], size: int,
               known: Callable[[str], str | None] | None = None) -> Iterator[Batch]:
    """Entries in input order as the local engine's batches: up to ``size`` new documents, the
    read errors met among them, then the errors of processing them; stored documents skipped."""
    batch, late, new = Batch(), [], 0
    for entry in entries:
        if isinstance(entry, ReadError):
            batch.errors.append(entry)
            continue
        if known is not None and known(entry.doc.doc_id) == entry.content_hash:
            batch.skipped += 1
            continue
        new += 1
        if entry.rows is not None:
            batch.items.append(Processed(entry.doc, entry.content_hash, [Row(*t) for t in entry.rows]))
        late.extend(entry.errors)
        if new >= size:
            batch.errors.extend(late)
            yield batch
            batch, late, new = Batch(), [], 0
    if new or batch.errors or late or batch.skipped:
        batch.errors.extend(late)
        yield batch


def _outcome(future, partition: Partition) -> list[Entry]:
    try:
        return future.result()
    except Exception as exc:  # the task failed after its retries: name its inputs, keep the rest
        why = f"not processed: its task failed on the cluster, also when retried ({type(exc).__name__}: {exc})"
        return list(partition.failed(why))


def in_order(client, partitions: Iterator[Partition], args: tuple, window: int,
             done: Callable[[Partition], None] = lambda p: None) -> Iterator[Entry]:
    """Entries of every partition (``run_partition(partition, *args)`` on the cluster) in input
    order, with at most ``window`` partitions submitted or waiting in the reorder buffer;
    ``done(partition)`` runs once its entries are taken."""
    from dask.distributed import as_completed

    run = uuid.uuid4().hex[:8]
    submitted: dict[str, Partition] = {}
    ready: dict[int, tuple[Partition, list[Entry]]] = {}
    queue = as_completed()

    def submit() -> None:
        part = next(partitions, None)
        if part is not None:
            future = client.submit(run_partition, part, *args, key=f"aid-ledger-{run}-{part.index:05d}",
                                   retries=RETRIES, pure=False)
            submitted[future.key] = part
            queue.add(future)

    for _ in range(window):
        submit()
    head = 0
    for future in queue:
        part = submitted.pop(future.key)
        ready[part.index] = (part, _outcome(future, part))
        future.release()
        while head in ready:
            part, entries = ready.pop(head)
            yield from entries
            done(part)
            head += 1
            submit()


@contextmanager
def connect(scheduler: str | None, n_workers: int) -> Iterator:
    """A client of the cluster at ``scheduler``, or of a local cluster of ``n_workers`` processes."""
    if scheduler is None:
        with _local_cluster(n_workers) as client:
            yield client
        return
    from dask.distributed import Client

    try:
        client = Client(scheduler, timeout=CONNECT_TIMEOUT)
    except (OSError, TimeoutError, ValueError) as exc:
        raise DaskError(f"cannot reach the Dask scheduler at {scheduler!r} ({exc}): "
                           f"check --scheduler") from None
    with client:
        yield client


#: A local cluster runs one batch job: no statistical profiler sampling the tasks every 10 ms,
#: and the event-loop, memory and system monitors at a slower pace (less CPU taken from work).
QUIET_LOCAL_CLUSTER = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "500ms",
    "distributed.worker.memory.monitor-interval": "1s",
    "distributed.admin.system-monitor.interval": "2s",
    "distributed.admin.system-monitor.gil.enabled": False,
}


@contextmanager
def _local_cluster(n_workers: int) -> Iterator:
    """Worker processes forked from a server that has imported Dask and pandas already (about a
    second faster to start and to stop than fresh interpreters, where the platform allows it)."""
    import multiprocessing

    import dask
    from dask.distributed import Client, LocalCluster

    method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
    with dask.config.set({**QUIET_LOCAL_CLUSTER, "distributed.worker.multiprocessing-method": method}), \
            LocalCluster(n_workers=n_workers, threads_per_worker=1, processes=True,
                         dashboard_address=":0",  # any free port: 8787 may be taken
                         ) as cluster, Client(cluster) as client:
        yield client


def worker_slots(client, timeout: float = 60) -> int:
    """Tasks the cluster runs at once: the threads of its workers (waits for a first worker)."""
    if not client.nthreads():
        try:
            client.wait_for_workers(1, timeout=timeout)
        except TimeoutError:
            raise DaskError(f"the Dask cluster has no workers after {timeout:.0f} s: start some "
                               f"with 'dask worker SCHEDULER_ADDRESS'") from None
    return max(1, sum(client.nthreads().values()))


def run_dask(paths: list[str], *, out: Path, scheduler: str | None = None, max_bytes: int,
             known: Callable[[str], str | None] | None = None, jobs: int = 2,
             batch_size: int = DEFAULT_BATCH_SIZE, metadata: Metadata | None = None, client=None,
             min_bytes: int | None = None) -> Iterator[Batch]:
    """Run extraction on Dask (``client``, the cluster at ``scheduler``, or a local cluster of
    ``jobs`` workers) and yield batches for the store, in input order; ``metadata`` as for
    :func:`ledger.read.iter_documents`."""
    if "-" in map(os.fspath, paths):
        raise DaskError("standard input cannot be read with --engine dask: save it to a file, "
                        "or use --engine local")
    out = Path(out).resolve()
    spill = out / "pieces"
    for stale in (out / "parquet").glob("part-*.parquet"):
        stale.unlink()  # partitions of an earlier run would mix with this one's in dashboards
    _clear_pieces(spill)  # of a run that was killed
    with (_given(client) if client is not None else connect(scheduler, jobs)) as client:
        slots = worker_slots(client)
        plan = plan_partitions(paths, slots=slots, spill_dir=spill, max_bytes=max_bytes, min_bytes=min_bytes)
        try:
            entries = in_order(client, plan, (str(out), max_bytes, metadata), IN_FLIGHT_PER_SLOT * slots,
                               done=lambda part: _drop_piece(part, spill))
            yield from to_batches(entries, batch_size, known)
        finally:
            _clear_pieces(spill)


@contextmanager
def _given(client) -> Iterator:
    yield client


def _clear_pieces(spill: Path) -> None:
    """Remove the pieces of compressed corpora (``NNNNN-NNNNN.jsonl``), and the folder if empty;
    anything else a user put there stays."""
    for piece in spill.glob("*-*.jsonl"):
        if PIECE_NAME.fullmatch(piece.name):
            piece.unlink(missing_ok=True)
    try:
        spill.rmdir()
    except OSError:
        pass


def _drop_piece(partition: Partition, spill: Path) -> None:
    path = getattr(partition.part, "path", None)
    if path is not None and Path(path).parent == spill:
        Path(path).unlink(missing_ok=True)
