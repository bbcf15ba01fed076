"""What corrections cost: rebuilding the facts of a real store without and with them, and the review
export and import, timed in one process.

    PYTHONPATH=. .venv/bin/python benchmarks/review_speed.py [--store FILE] [--corrections 1000] [--repeat 3]
    PYTHONPATH=../other-checkout .venv/bin/python benchmarks/review_speed.py --rebuild-only   # the same step
                                                                                            # of another version

The store is copied for every measurement (a store of an older schema is migrated when opened; the
migration is not timed). Default store: the newest cached run of the White House corpus
(``benchmarks/.cache``, see ``corpus_run.py``). Exits 0 with a ``skip:`` line without one.
"""
from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent


def newest_store() -> Path | None:
    runs = sorted((ROOT / ".cache").glob("whitehouse-*/ledger.sqlite"), key=lambda p: p.stat().st_mtime)
    return runs[-1] if runs else None


def timed(call) -> tuple[float, object]:
    t0 = time.perf_counter()
    result = call()
    return time.perf_counter() - t0, result


def rebuild_seconds(source: Path, work: Path) -> float:
    from ledger.store import Store

    copy = work / "rebuild.sqlite"
    shutil.copy(source, copy)
    with Store(copy) as store:
        seconds, _ = timed(store.rebuild_facts)
    copy.unlink()
    return seconds


def review_seconds(source: Path, work: Path, n: int) -> dict[str, float]:
    """Export, an import of ``n`` edited rows (role → other), and a rebuild with those corrections."""
    import pandas as pd

    from ledger.review import export_review, import_review
    from ledger.store import Store

    shutil.copy(source, work / "ledger.sqlite")
    with Store(work / "ledger.sqlite") as store:
        store.rebuild_facts()
        export, (_, rows) = timed(lambda: export_review(store, work))
        queue = pd.read_csv(work / "review.csv", dtype=str, keep_default_na=False)
        queue.loc[queue.index[:n], "role"] = "other"
        queue.to_csv(work / "edited.csv", index=False)
        imported, summary = timed(lambda: import_review(store, work / "edited.csv"))
        rebuild, _ = timed(store.rebuild_facts)
    return {"rows": rows, "export": export, "import": imported, "rebuild with corrections": rebuild,
            "corrections": summary.saved.added}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, default=None, help="store to copy (default: newest cached run)")
    parser.add_argument("--corrections", type=int, default=1000, help="review rows edited (default 1000)")
    parser.add_argument("--repeat", type=int, default=3, help="rebuilds timed (default 3)")
    parser.add_argument("--rebuild-only", action="store_true", help="time the rebuild only (any version)")
    args = parser.parse_args()
    source = args.store or newest_store()
    if source is None or not source.exists():
        print(f"skip: no store ({args.store or 'no cached White House run in benchmarks/.cache'})")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        rebuilds = [rebuild_seconds(source, work) for _ in range(args.repeat)]
        print(f"rebuild_facts, no corrections: median {statistics.median(rebuilds):.2f} s "
              f"({', '.join(f'{s:.2f}' for s in rebuilds)})")
        if args.rebuild_only:
            return 0
        for name, value in review_seconds(source, work, args.corrections).items():
            print(f"{name}: {value:.2f} s" if isinstance(value, float) else f"{name}: {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
