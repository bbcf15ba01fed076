"""Parts of the inputs that a worker reads on its own, each reading only its own bytes.

A plain JSONL or CSV corpus is cut into byte ranges at row boundaries in one pass over the file
(:func:`file_ranges`), counting lines so that each range knows the line it starts at. Reading a
range (:func:`read_part`) seeks to its start and reads exactly its bytes, and gives the documents
and errors, with the same line numbers, that reading the whole file gives for those rows. A file
that cannot be cut safely (NUL bytes at its start: UTF-16 or binary; a CSV file that is not UTF-8,
ends a line with a lone CR, or does not parse) is read whole, by the reader of whole files, so
its errors stay the same.
"""
from __future__ import annotations

import csv
import gzip
import io
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from ledger.model import Document, ReadError
from ledger.read.clean import printable_name
from ledger.read.corpus import _skip_line, iter_csv, iter_jsonl
from ledger.read.inputs import Metadata, _checked, _guard, iter_documents, open_regular

__all__ = ["ByteRange", "WholeFiles", "CompressedTail", "Part", "Sizes", "Unsplittable",
           "file_ranges", "newline_cuts", "read_part"]

Item = Document | ReadError
Sizes = Callable[[], int]  # the number of bytes wanted in the next range
CHUNK = 1 << 20
_NONBLANK = re.compile(rb"[^ \t\r\n\f\v]")
_TO_THE_END = 1 << 62


class Unsplittable(ValueError):
    """A corpus file that must be read whole."""


@dataclass(frozen=True, slots=True)
class ByteRange:
    """Bytes ``start``..``stop`` of ``path``: whole rows of the corpus ``source`` from line
    ``first_line`` on (``lines`` lines). ``path`` is the corpus, or a plain piece of a compressed
    one. A CSV range is read behind ``header``, a copy of the corpus's header row."""

    path: str
    start: int
    stop: int
    source: str
    first_line: int
    lines: int
    kind: str = "jsonl"
    header: bytes = b""
    header_lines: int = 0


@dataclass(frozen=True, slots=True)
class WholeFiles:
    """Inputs read whole, in order: paths of files, and errors met while expanding the inputs."""

    items: tuple[str | ReadError, ...]


@dataclass(frozen=True, slots=True)
class CompressedTail:
    """A compressed JSONL corpus from line ``skip + 1`` to its end (read from the file's start)."""

    path: str
    skip: int = 0


Part = ByteRange | WholeFiles | CompressedTail


def newline_cuts(chunks: Iterable[bytes], sizes: Sizes) -> Iterator[tuple[int, int, int, int]]:
    """``(start, stop, first_line, lines)`` of consecutive ranges of the byte stream ``chunks``,
    each cut after the first newline once it holds ``sizes()`` bytes; a range of blank lines only
    is left out (it reads as nothing). Raises Unsplittable when the stream starts with NUL bytes
    (UTF-16 or binary data, whose newlines are not bytes 0x0A)."""
    start = base = counted = 0
    first, target, last, filled = 1, sizes(), b"\n", False
    for chunk in chunks:
        if base == 0 and b"\x00" in chunk:
            raise Unsplittable("NUL bytes: not UTF-8 text")
        pos = 0
        while (i := chunk.find(b"\n", max(start + target - 1 - base, pos))) >= 0:
            counted += chunk.count(b"\n", pos, i + 1)
            filled = filled or _NONBLANK.search(chunk, pos, i + 1) is not None
            pos = i + 1
            if filled:
                yield start, base + pos, first, counted
            first, counted, start, target, filled = first + counted, 0, base + pos, sizes(), False
        counted += chunk.count(b"\n", pos)
        filled = filled or _NONBLANK.search(chunk, pos) is not None
        base += len(chunk)
        last = chunk[-1:]
    if base > start and filled:
        yield start, base, first, counted + (last != b"\n")


def _file_chunks(path: str) -> Iterator[bytes]:
    with open(path, "rb") as fh:
        while chunk := fh.read(CHUNK):
            yield chunk


def _csv_record_ends(path: str, max_bytes: int) -> Iterator[tuple[int, int]]:
    """``(byte offset, line number)`` after each CSV record, parsed as :func:`iter_csv` parses."""
    at = [0, 0]

    def lines() -> Iterator[str]:
        with open(path, "rb") as fh:
            while raw := fh.readline(max_bytes + 1):
                if b"\x00" in raw or raw.count(b"\r") > raw.endswith(b"\r\n"):
                    raise Unsplittable("a NUL byte or a line ending in a lone CR")
                if len(raw) > max_bytes and not raw.endswith(b"\n"):
                    raise Unsplittable("a line over --max-bytes")
                at[0] += len(raw)
                at[1] += 1
                yield raw.decode("utf-8-sig" if at[1] == 1 else "utf-8")

    if csv.field_size_limit() < max_bytes:
        csv.field_size_limit(max_bytes)
    try:
        for record in csv.reader(lines()):
            if record:  # a blank line is no row: it stays in the range of the next row
                yield at[0], at[1]
    except (csv.Error, UnicodeDecodeError) as exc:
        raise Unsplittable(f"CSV cannot be cut into rows: {exc}") from None


def _cuts(ends: Iterable[tuple[int, int]], sizes: Sizes) -> Iterator[tuple[int, int, int, int]]:
    """Ranges of whole records from the records' end offsets and last line numbers."""
    start, done, target = 0, 0, sizes()
    end = line = 0
    for end, line in ends:
        if end - start >= target:
            yield start, end, done + 1, line - done
            start, done, target = end, line, sizes()
    if end > start:
        yield start, end, done + 1, line - done


def _jsonl_ranges(path: str, sizes: Sizes) -> Iterator[ByteRange]:
    start, next_line = 0, 1
    try:
        for a, b, first, n in newline_cuts(_file_chunks(path), sizes):
            yield ByteRange(path, a, b, path, first, n)
            start, next_line = b, first + n
    except OSError:
        if start == 0:
            raise
        # the rest of the file, whose reader meets the same error and reports it with its line
        yield ByteRange(path, start, _TO_THE_END, path, next_line, 0)


def _csv_ranges(path: str, sizes: Sizes, max_bytes: int) -> list[ByteRange]:
    first_size = iter([1])  # the first "range" is the header row
    cuts = list(_cuts(_csv_record_ends(path, max_bytes), lambda: next(first_size, 0) or sizes()))
    if len(cuts) < 2:
        raise Unsplittable("no rows after the header")
    _, h_end, _, h_lines = cuts[0]
    with open(path, "rb") as fh:
        header = fh.read(h_end)
    names = next(csv.reader(io.StringIO(header.decode("utf-8-sig"), newline="")), [])
    if "text" not in names:
        raise Unsplittable("no 'text' column")
    return [ByteRange(path, a, b, path, first, n, "csv", header, h_lines) for a, b, first, n in cuts[1:]]


def file_ranges(path: str, kind: str, sizes: Sizes, max_bytes: int) -> Iterator[ByteRange]:
    """A plain ``jsonl`` or ``csv`` corpus as byte ranges of about ``sizes()`` bytes, in one pass:
    JSONL lazily, as the pass goes; CSV once the whole file has parsed (so a file that turns out
    not to be cut safely is read whole). Raises Unsplittable (or OSError) on taking the first
    range when the file must be read whole instead."""
    if kind == "jsonl":
        yield from _jsonl_ranges(path, sizes)
    else:
        yield from _csv_ranges(path, sizes, max_bytes)


class _Window(io.RawIOBase):
    """``prefix``, then bytes ``start``..``stop`` of the unbuffered file ``raw``, and nothing more."""

    def __init__(self, raw, start: int, stop: int, prefix: bytes = b""):
        raw.seek(start)
        self._raw, self._left, self._prefix = raw, stop - start, memoryview(prefix)

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        out = memoryview(buffer).cast("B")
        if self._prefix:
            n = min(len(out), len(self._prefix))
            out[:n], self._prefix = self._prefix[:n], self._prefix[n:]
            return n
        if self._left <= 0:
            return 0
        n = self._raw.readinto(out[:min(len(out), self._left)]) or 0
        self._left -= n
        return n


def _read_range(rng: ByteRange, max_bytes: int) -> Iterator[Item]:
    source = printable_name(rng.source)
    with open(rng.path, "rb", buffering=0) as raw:
        handle = io.BufferedReader(_Window(raw, rng.start, rng.stop, rng.header))
        if rng.kind == "csv":
            offset = rng.first_line - 1 - rng.header_lines
            yield from iter_csv(handle, source, max_bytes, line_offset=offset)
        else:
            yield from iter_jsonl(handle, source, max_bytes, line_offset=rng.first_line - 1)


def _read_tail(tail: CompressedTail, max_bytes: int) -> Iterator[Item]:
    with open_regular(tail.path) as handle, gzip.GzipFile(fileobj=handle, mode="rb") as unzipped:
        for _ in range(tail.skip):
            _skip_line(unzipped)
        yield from iter_jsonl(unzipped, printable_name(tail.path), max_bytes, line_offset=tail.skip)


def read_part(part: Part, max_bytes: int, metadata: Metadata | None = None) -> Iterator[Item]:
    """Documents and errors of one part, as :func:`iter_documents` gives them for that part of
    the inputs (``metadata`` from the command line applied, ids from the content, dates checked)."""
    if isinstance(part, WholeFiles):
        for item in part.items:
            if isinstance(item, ReadError):
                yield from _checked(item)
            else:
                yield from iter_documents([item], max_bytes=max_bytes, metadata=metadata)
        return
    if isinstance(part, ByteRange):
        items = _guard(printable_name(part.source), lambda: _read_range(part, max_bytes))
    else:
        items = _guard(printable_name(part.path), lambda: _read_tail(part, max_bytes))
    for item in items:
        if metadata is not None and isinstance(item, Document):
            item = metadata.apply(item)
        yield from _checked(item)
