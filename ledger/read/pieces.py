"""A compressed JSONL corpus as pieces that workers read independently.

The corpus is decompressed once, as a stream, and written as plain pieces of whole lines; each
piece is a :class:`ByteRange` whose lines are numbered as in the corpus, so its documents and
errors are those of reading the compressed file. When the stream breaks (a truncated or corrupt
file), or starts with NUL bytes (UTF-16 or binary), the rest becomes a :class:`CompressedTail`: one part that reads the
compressed file itself from the first line not yet in a piece, so the error is the reader's own.
"""
from __future__ import annotations

import gzip
import os
import zlib
from collections.abc import Iterator
from pathlib import Path

from ledger.read.ranges import CHUNK, ByteRange, CompressedTail, Sizes, Unsplittable, newline_cuts

__all__ = ["compressed_pieces", "decompressed_size"]


def decompressed_size(path: str) -> int:
    """About how many bytes the gzip file ``path`` holds once decompressed: its size trailer (exact
    below 4 GiB), or four times the file when the trailer cannot be right (deflate shrinks data
    at most 1032 times)."""
    size = os.path.getsize(path)
    try:
        with open(path, "rb") as fh:
            fh.seek(max(size - 4, 0))
            trailer = int.from_bytes(fh.read(4), "little")
    except OSError:
        return size
    return trailer if size <= trailer <= 1032 * size else 4 * size


def compressed_pieces(path: str, sizes: Sizes, spill_dir: Path, name: str) -> Iterator[ByteRange | CompressedTail]:
    """The gzip JSONL corpus ``path`` as plain pieces ``spill_dir/<name>-NNNNN.jsonl`` of about
    ``sizes()`` bytes, written as they are yielded (the caller deletes each once read)."""
    buffered = bytearray()
    taken = 0  # stream offset of buffered[0]
    next_line = 1

    def chunks() -> Iterator[bytes]:
        with gzip.open(path, "rb") as fh:
            while chunk := fh.read(CHUNK):
                buffered.extend(chunk)
                yield chunk

    try:
        for n, (start, stop, first, lines) in enumerate(newline_cuts(chunks(), sizes)):
            piece = spill_dir / f"{name}-{n:05d}.jsonl"
            with open(piece, "wb") as out:
                out.write(buffered[start - taken:stop - taken])
            del buffered[:stop - taken]
            taken = stop
            next_line = first + lines
            yield ByteRange(str(piece), 0, stop - start, path, first, lines)
    except (OSError, EOFError, zlib.error, Unsplittable):
        yield CompressedTail(path, next_line - 1)
