"""Typed boundary of the read stage."""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Document:
    """One article, cleaned and ready for extraction.

    ``text`` is the article only (title first, then body) with page chrome removed,
    mojibake repaired and white space normalised; figure offsets refer to it.
    ``source`` names where it came from: a path, ``path:LINE`` for a corpus row, or ``-``.
    """

    doc_id: str
    source: str
    text: str
    title: str | None = None
    published: _dt.date | None = None
    url: str | None = None


@dataclass(frozen=True, slots=True)
class ReadError:
    """An input that could not be read; the batch goes on without it."""

    source: str
    reason: str
    line: int | None = None

    def __str__(self) -> str:  # one clear line for stderr
        where = f"{self.source}:{self.line}" if self.line is not None else self.source
        return f"{where}: {self.reason}"
