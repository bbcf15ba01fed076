"""Byte streams of corpora: any text encoding as UTF-8 bytes, and blank lines skipped in bulk.

A corpus is read one line at a time with ``readline(max_bytes + 1)``, so no line costs more than
``--max-bytes`` of memory; :func:`skip_blank` passes runs of blank lines a buffer at a time, so a
file of a billion newlines costs seconds, not a Python loop per line.
"""
from __future__ import annotations

import codecs
import io
import re
from typing import BinaryIO

from ledger.read.clean import utf16_encoding

__all__ = ["utf8_stream", "skip_blank", "stream_encoding"]

_NONBLANK = re.compile(rb"[^ \t\r\n\f\v]")
_BLANK_BYTES = frozenset(bytes([c]) for c in b" \t\r\n\f\v")
_PEEK = 1 << 16


class _Transcoded(io.RawIOBase):
    """A raw stream of the UTF-8 bytes of ``handle``'s text in ``encoding``."""

    def __init__(self, handle: BinaryIO, encoding: str):
        self._handle = handle
        self._decoder = codecs.getincrementaldecoder(encoding)(errors="replace")
        self._pending = b""
        self._done = False

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        while not self._pending and not self._done:
            data = self._handle.read(_PEEK)
            self._done = not data
            self._pending = self._decoder.decode(data, final=self._done).encode("utf-8", "surrogatepass")
        n = min(len(buffer), len(self._pending))
        buffer[:n] = self._pending[:n]
        self._pending = self._pending[n:]
        return n


def stream_encoding(handle: BinaryIO) -> str | None:
    """The encoding of a stream that is not UTF-8 as its start shows it (UTF-16 with or without a
    byte-order mark), None for UTF-8 and plain ASCII."""
    head = handle.peek(4096)[:4096] if hasattr(handle, "peek") else b""
    return utf16_encoding(head)


def utf8_stream(handle: BinaryIO, encoding: str | None) -> BinaryIO:
    """``handle`` itself when ``encoding`` is None (UTF-8), else a buffered UTF-8 view of it."""
    if encoding is None:
        return handle
    return io.BufferedReader(_Transcoded(handle, encoding), buffer_size=_PEEK)


def skip_blank(handle: BinaryIO) -> int:
    """Consume white space up to the next non-blank byte; return the newlines passed."""
    if not hasattr(handle, "peek"):
        return 0
    if handle.peek(1)[:1] not in _BLANK_BYTES:  # the common case: a row starts right here
        return 0
    newlines = 0
    while True:
        head = handle.peek(_PEEK)
        if not head:
            return newlines
        found = _NONBLANK.search(head)
        stop = found.start() if found else len(head)
        if stop == 0:
            return newlines
        newlines += head.count(b"\n", 0, stop)
        handle.read(stop)
