"""Partitions for the Dask engine: which bytes of the inputs each task reads.

A corpus file (plain JSONL or CSV, gzip JSONL) larger than one partition is cut into parts that
each read only their own bytes (:mod:`ledger.read.ranges`, :mod:`ledger.read.pieces`), so the
inputs are read once whatever the number of partitions; other inputs, and small corpora, are
read whole, in groups, in input order. Partition sizes follow the number of worker slots.
"""
from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ledger.model import ReadError
from ledger.read.inputs import _kind, expand_paths
from ledger.read.pieces import compressed_pieces, decompressed_size
from ledger.read.ranges import ByteRange, CompressedTail, Part, Unsplittable, WholeFiles, file_ranges

__all__ = ["Partition", "Sizer", "plan_partitions"]

MIN_BYTES = 256 << 10
MAX_BYTES = 64 << 20
FILES_PER_PARTITION = 50
SPLIT_KINDS = {"jsonl": "jsonl", "ndjson": "jsonl", "csv": "csv", "jsonl.gz": "jsonl.gz"}


@dataclass(frozen=True, slots=True)
class Partition:
    """Task ``index`` (in input order) and the part of the inputs it reads."""

    index: int
    part: Part

    def failed(self, why: str) -> list[ReadError]:
        """Errors naming this partition's inputs when its task failed for good (``why``)."""
        part = self.part
        if isinstance(part, ByteRange):
            last = part.first_line + part.lines - 1
            return [ReadError(part.source, f"lines {part.first_line}-{last} {why}", part.first_line)]
        if isinstance(part, CompressedTail):
            return [ReadError(part.path, f"lines {part.skip + 1} to the end {why}", part.skip + 1)]
        return [item if isinstance(item, ReadError) else ReadError(item, why) for item in part.items]


class Sizer:
    """Bytes for the next partition: at most an eighth of a slot's share of the inputs, and a
    quarter of what remains per slot, so the last partitions are small and the slots finish
    together; never below ``min_bytes`` (task overhead) nor above MAX_BYTES (worker memory)."""

    def __init__(self, total: int, slots: int, min_bytes: int | None = None):
        self.remaining, self.slots = total, max(1, slots)
        self.min_bytes = MIN_BYTES if min_bytes is None else min_bytes
        self.cap = min(MAX_BYTES, max(self.min_bytes, total // (self.slots * 8)))

    def peek(self) -> int:
        return max(self.min_bytes, min(self.cap, self.remaining // (self.slots * 4)))

    def __call__(self) -> int:
        size = self.peek()
        self.remaining = max(0, self.remaining - size)
        return size


def plan_partitions(paths: Iterable[str | os.PathLike], *, slots: int, spill_dir: Path, max_bytes: int,
                    min_bytes: int | None = None) -> Iterator[Partition]:
    """Partitions of ``paths`` in input order, planned lazily: pieces of a compressed corpus are
    written into ``spill_dir`` only as the partitions that read them are taken."""
    inputs = [(item, _size(item)) for item in expand_paths(map(os.fspath, paths))]
    sizer = Sizer(sum(size for _, size in inputs), slots, min_bytes)
    parts = _parts(inputs, sizer, spill_dir, max_bytes)
    return (Partition(index, part) for index, part in enumerate(parts))


def _size(item: str | ReadError) -> int:
    if isinstance(item, ReadError):
        return 0
    try:
        return decompressed_size(item) if _kind(item) == "jsonl.gz" else os.path.getsize(item)
    except OSError:
        return 0


def _parts(inputs: list[tuple[str | ReadError, int]], sizer: Sizer, spill_dir: Path,
           max_bytes: int) -> Iterator[Part]:
    group: list[str | ReadError] = []
    group_bytes = target = 0
    for n, (item, size) in enumerate(inputs):
        kind = SPLIT_KINDS.get(_kind(item)) if isinstance(item, str) and os.path.isfile(item) else None
        if kind and size > sizer.peek():
            if group:
                yield WholeFiles(tuple(group))
                group, group_bytes = [], 0
            yield from _split(item, kind, sizer, spill_dir, max_bytes, f"{n:05d}")
            continue
        if not group:
            target = sizer()
        group.append(item)
        group_bytes += size
        if len(group) >= FILES_PER_PARTITION or group_bytes >= target:
            yield WholeFiles(tuple(group))
            group, group_bytes = [], 0
    if group:
        yield WholeFiles(tuple(group))


def _split(path: str, kind: str, sizer: Sizer, spill_dir: Path, max_bytes: int, name: str) -> Iterator[Part]:
    """One corpus file as ranges or pieces; read whole when it cannot be cut (or is empty)."""
    if kind == "jsonl.gz":
        spill_dir.mkdir(parents=True, exist_ok=True)
        parts: Iterator[Part] = compressed_pieces(path, sizer, spill_dir, name)
    else:
        parts = file_ranges(path, kind, sizer, max_bytes)
    try:
        first = next(parts, None)
    except (OSError, Unsplittable):
        first = None
    if first is None:
        yield WholeFiles((path,))
        return
    yield first
    yield from parts
