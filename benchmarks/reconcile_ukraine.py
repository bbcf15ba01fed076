"""Reconciliation on the White House documents about security assistance to Ukraine.

    PYTHONPATH=. .venv/bin/python benchmarks/reconcile_ukraine.py [--out DIR]

Takes the documents of ../shared/corpus/whitehouse.jsonl.gz that mention Ukraine and "security
assistance" (255), runs the main job on them, reconciles every cumulative claim with the US package
series of ../shared/datasets/us-packages as reference, and prints the verdicts and each claim that
disagrees with its window, kind of aid and sums, to be judged by hand in benchmarks/README.md.
"""
from __future__ import annotations

import argparse
import gzip
import json
import subprocess
import sys
import tempfile
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
CORPUS = SHARED / "corpus" / "whitehouse.jsonl.gz"
REFERENCE = SHARED / "datasets" / "us-packages" / "us-packages.csv"


def select(out: Path) -> Path:
    path = out / "ukraine.jsonl"
    with gzip.open(CORPUS, "rt", encoding="utf-8") as src, path.open("w", encoding="utf-8") as dst:
        for line in src:
            text = json.loads(line)["text"]
            if "Ukrain" in text and "security assistance" in text:
                dst.write(line)
    return path


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, help="folder for the store and reports (default: a temporary one)")
    args = ap.parse_args()
    if not CORPUS.is_file():
        print(f"skipped: {CORPUS} is absent", file=sys.stderr)
        return 0
    out = args.out or Path(tempfile.mkdtemp())
    out.mkdir(parents=True, exist_ok=True)
    docs = select(out)
    subprocess.run([sys.executable, "-m", "ledger", "run", str(docs), "--out", str(out / "reports"), "-q"],
                   check=True)
    import pandas as pd

    from ledger.analyse import load_reference, reconcile
    from ledger.store import Store

    with Store(out / "reports" / "ledger.sqlite") as store:
        table = reconcile(store.facts(), load_reference(REFERENCE))
    print(f"{sum(1 for _ in docs.open())} documents, {len(table)} cumulative claims")
    print(table["verdict"].value_counts().to_string())
    for r in table[table["verdict"] == "claim disagrees"].itertuples():
        window = f"{r.window_start:%Y-%m-%d}..{r.window_end:%Y-%m-%d}" if pd.notna(r.window_start) else "-"
        print(f"\n{r.claim_date:%Y-%m-%d} {r.donor} → {r.recipient} [{r.aid_type}] {' '.join(r.surface.split())} "
              f"{r.qualifier} | {window} {r.window_phrase!r} | corpus {r.corpus_sum:,.0f} ({r.n_packages} packages)"
              f" reference {r.reference_sum}\n    {' '.join(r.sentence.split())[:240]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
