"""A corpus N times as large: copies of a JSONL corpus with new ids and shifted dates.

    python benchmarks/corpus_copies.py FACTOR DEST [--corpus PATH] [--docs N]

Copy 0 is the corpus as it is; copy k (k >= 1) gives every document the id ``<id>~k``, the url
``<url>#copy-k`` (the reader derives a document's id from its text and url, so this makes it a
new document) and a publication date 52*k weeks later (the weekday stays, so "on Friday" still
names a Friday), so the copies' figures become new facts, not repeats of the originals. Scale
benchmarks import :func:`multiply_corpus` and write into a temporary folder; nothing is written into
the project.
"""
from __future__ import annotations

import argparse
import datetime as dt
import gzip
import itertools
import json
import sys
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus_run import WHITEHOUSE  # noqa: E402  (../shared, or $AID_LEDGER_SHARED)

WEEKS_PER_COPY = 52


def _shifted(published: object, copy: int) -> object:
    """An ISO date (``YYYY-MM-DD``, maybe with a time) moved ``copy`` * 52 weeks on; else as is."""
    if not isinstance(published, str) or copy == 0:
        return published
    try:
        day = dt.date.fromisoformat(published[:10])
    except ValueError:
        return published
    return (day + dt.timedelta(weeks=WEEKS_PER_COPY * copy)).isoformat() + published[10:]


def copy_row(row: dict, copy: int) -> dict:
    """Document ``row`` as it appears in copy number ``copy`` (0: unchanged)."""
    if copy == 0:
        return row
    out = dict(row)
    if out.get("id") not in (None, ""):
        out["id"] = f"{out['id']}~{copy}"
    if out.get("url"):
        out["url"] = f"{out['url']}#copy-{copy}"
    out["published"] = _shifted(out.get("published"), copy)
    return out


def _rows(source: Path, docs: int | None) -> Iterator[dict]:
    opener = gzip.open if source.name.endswith(".gz") else open
    with opener(source, "rt", encoding="utf-8") as fh:
        yield from (json.loads(line) for line in itertools.islice(fh, docs) if line.strip())


def multiply_corpus(source: Path, factor: int, dest: Path, *, docs: int | None = None) -> Path:
    """Write ``dest`` (``.jsonl.gz`` or ``.jsonl``): ``factor`` copies, one after the other, of the
    first ``docs`` documents (all by default) of the JSONL corpus ``source``. Returns ``dest``."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    opener = (lambda p: gzip.open(p, "wt", encoding="utf-8", compresslevel=1)) \
        if dest.name.endswith(".gz") else (lambda p: open(p, "w", encoding="utf-8"))
    rows = list(_rows(source, docs))
    with opener(dest) as out:
        for copy in range(factor):
            for row in rows:
                out.write(json.dumps(copy_row(row, copy), ensure_ascii=False) + "\n")
    return dest


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("factor", type=int, help="how many copies (1 = the corpus itself, rewritten)")
    ap.add_argument("dest", type=Path, help="the corpus to write (.jsonl.gz or .jsonl)")
    ap.add_argument("--corpus", type=Path, default=WHITEHOUSE, help="the JSONL corpus to copy")
    ap.add_argument("--docs", type=int, default=None, help="copy only the first N documents")
    args = ap.parse_args()
    if not args.corpus.is_file():
        print(f"skipped: {args.corpus} not found (the shared corpus is not beside the checkout)")
        return 0
    multiply_corpus(args.corpus, args.factor, args.dest, docs=args.docs)
    print(args.dest)
    return 0


if __name__ == "__main__":
    sys.exit(main())
