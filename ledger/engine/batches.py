"""Run the stages over many documents: read → extract → normalise, in batches.

The local engine reads lazily in the calling process and extracts in a process pool
(``jobs`` workers) with a bounded number of batches in flight, so memory is bounded by
the batches, not the corpus. Results come back in input order, identical for any
number of jobs.
"""
from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field

from ledger.engine.limits import MAX_NUMBERS, extraction_cutoff
from ledger.model import Document, ReadError, Row

DEFAULT_BATCH_SIZE = 64


@dataclass(slots=True)
class Processed:
    """One document after extraction and normalisation."""

    doc: Document
    content_hash: str
    rows: list[Row]


@dataclass(slots=True)
class Batch:
    """What one batch of inputs produced: documents with their rows, and read errors."""

    items: list[Processed] = field(default_factory=list)
    errors: list[ReadError] = field(default_factory=list)
    skipped: int = 0  # documents already in the store with the same content


def content_hash(doc: Document) -> str:
    """A hash of everything stored about a document: a document read again with another date or
    title (``--published``) replaces its stored figures; read again unchanged, it is skipped."""
    meta = f"{doc.published}\x1f{doc.title}\x1f{doc.url}\x1f"
    return hashlib.sha1((meta + doc.text).encode("utf-8", "surrogatepass")).hexdigest()


def process_document(doc: Document, cut: int | None = None) -> list[Row]:
    """Figures of one document (of its text up to ``cut``) as ledger rows."""
    from ledger import extract_figures
    from ledger.normalise import to_rows

    text = doc.text if cut is None else doc.text[:cut]
    return to_rows(doc, extract_figures(text, published=doc.published, url=doc.url, max_numbers=None))


def process_batch(docs: list[Document], hashes: list[str] | None = None) -> list[Processed | ReadError]:
    """Process documents (whose content hashes may be known already); a document whose
    processing fails becomes a ReadError, one cut at the work limit gets one beside its rows."""
    out: list[Processed | ReadError] = []
    for i, doc in enumerate(docs):
        cut = extraction_cutoff(doc.text, MAX_NUMBERS)  # read when called: one name sets the limit
        try:
            rows = process_document(doc, cut)
        except Exception as exc:  # one broken document never stops a batch
            out.append(ReadError(doc.source, f"could not be processed: {type(exc).__name__}: {exc}"))
            continue
        out.append(Processed(doc, hashes[i] if hashes else content_hash(doc), rows))
        if cut is not None:
            out.append(ReadError(doc.source, f"holds more than {MAX_NUMBERS:,} numbers: figures after "
                                             f"character {cut:,} were not extracted (not an article?)"))
    return out


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not on Linux
        return max(1, os.cpu_count() or 1)


def _chunks(inputs: Iterable[Document | ReadError], size: int, known: Callable[[str], str | None] | None,
            ) -> Iterator[tuple[list[Document], list[str], list[ReadError], int]]:
    """Group inputs into batches of up to ``size`` new documents (with their content hashes)."""
    docs: list[Document] = []
    hashes: list[str] = []
    errors: list[ReadError] = []
    skipped = 0
    for item in inputs:
        if isinstance(item, ReadError):
            errors.append(item)
            continue
        digest = content_hash(item)
        if known is not None and known(item.doc_id) == digest:
            skipped += 1
            continue
        docs.append(item)
        hashes.append(digest)
        if len(docs) >= size:
            yield docs, hashes, errors, skipped
            docs, hashes, errors, skipped = [], [], [], 0
    if docs or errors or skipped:
        yield docs, hashes, errors, skipped


def _to_batch(results: list[Processed | ReadError], errors: list[ReadError], skipped: int) -> Batch:
    batch = Batch(errors=list(errors), skipped=skipped)
    for r in results:
        (batch.errors if isinstance(r, ReadError) else batch.items).append(r)
    return batch


def run_local(inputs: Iterable[Document | ReadError], *, jobs: int = 1,
              batch_size: int = DEFAULT_BATCH_SIZE,
              known: Callable[[str], str | None] | None = None) -> Iterator[Batch]:
    """Process ``inputs`` in batches, in order; ``known(doc_id)`` returns a stored content hash."""
    chunks = _chunks(inputs, batch_size, known)
    if jobs <= 1:
        for docs, hashes, errors, skipped in chunks:
            yield _to_batch(process_batch(docs, hashes), errors, skipped)
        return
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        pending: list[tuple[Future, list[ReadError], int]] = []
        for docs, hashes, errors, skipped in chunks:
            pending.append((pool.submit(process_batch, docs, hashes), errors, skipped))
            while len(pending) > 2 * jobs:  # bounded: memory follows the batches in flight
                fut, errs, sk = pending.pop(0)
                yield _to_batch(fut.result(), errs, sk)
        for fut, errs, sk in pending:
            yield _to_batch(fut.result(), errs, sk)
