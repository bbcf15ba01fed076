"""How many documents the inputs hold, when that is cheap to know (for a progress bar's total)."""
from __future__ import annotations

import os
from collections.abc import Iterable

from ledger.model import ReadError

_ONE_DOCUMENT = (".txt", ".md", ".markdown", ".html", ".htm")
_LINES = (".jsonl", ".ndjson")
_MAX_SCAN = 200_000_000  # bytes of plain JSONL counted at most; beyond, the total stays unknown


def count_documents(paths: Iterable[str]) -> int | None:
    """The number of documents (and read errors) the inputs will give, or None when only reading
    them would tell (stdin, compressed corpora, CSV, JSON, very large corpora)."""
    from ledger.read.inputs import expand_paths

    total, scanned = 0, 0
    for path in paths:
        if path == "-":
            return None
        for item in expand_paths([path]):
            if isinstance(item, ReadError) or item.lower().endswith(_ONE_DOCUMENT):
                total += 1
                continue
            if not item.lower().endswith(_LINES) or not os.path.isfile(item):
                return None
            scanned += os.path.getsize(item)
            if scanned > _MAX_SCAN:
                return None
            total += _count_rows(item)
    return total


def _count_rows(path: str) -> int:
    rows = 0
    with open(path, "rb") as handle:
        for line in handle:
            rows += bool(line.strip())
    return max(rows, 1)
