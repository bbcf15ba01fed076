"""``export_review``: the review queue written as ``review.xlsx`` and ``review.csv``."""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from ledger.report.atomic import atomic_path
from ledger.report.flat import write_csv
from ledger.review.cells import Actors
from ledger.review.queue import review_queue
from ledger.review.workbook import write_review_workbook

REVIEW_FILES = ("review.xlsx", "review.csv")


def export_review(store, out: str | Path) -> tuple[list[Path], int]:
    """Write the store's review queue into ``out``; returns the files written and the rows."""
    mentions = store.mentions()
    rows = review_queue(store.facts(), mentions, store.corrections())
    actors = Actors(pd.concat([mentions["donor"], mentions["recipient"]]).dropna().unique().tolist()).names
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    paths = [out / name for name in REVIEW_FILES]
    with atomic_path(paths[0]) as tmp:
        write_review_workbook(tmp, rows, actors)
    with atomic_path(paths[1]) as tmp:
        write_csv(rows, tmp)
    return paths, len(rows)
