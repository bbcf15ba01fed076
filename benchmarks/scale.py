"""Scale: the main job on the White House corpus x1 and xN (copies with new ids and shifted dates).

    PYTHONPATH=. .venv/bin/python benchmarks/scale.py [--factors 1 4] [--jobs 2] [--docs N]

For each factor, the corpus is written N times into a temporary folder (copy k: every document gets
the id ``<id>~k``, the url ``<url>#copy-k`` and a publication date 52*k weeks later, the weekday
kept, so the copies are new documents whose figures become new facts: the approach of the Dask
engine's ``benchmarks/corpus_copies.py``), then ``run_job`` runs on it in a child process (``--jobs``
worker processes, a fresh --out). Measured: the wall time, the peak resident memory of the whole
process tree (sampled every 0.1 s) and of the main process alone, the time of each phase (waiting for
extracted batches, storing them, bringing the facts up to date, writing the reports), the size of
``ledger.xlsx``; then the
ratios to x1 and a linear extrapolation to x10. Nothing is written into the project.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus_copies import multiply_corpus  # noqa: E402  (the copies the Dask engine's benchmark makes)
from corpus_run import WHITEHOUSE  # noqa: E402  (../shared, or $AID_LEDGER_SHARED)
from throughput import watched  # noqa: E402

#: What the child process runs: the main job, then its summary as one JSON line.
CHILD = """
import json, resource, sys
from pathlib import Path
from ledger.engine.job import run_job
s = run_job([sys.argv[1]], out=Path(sys.argv[2]), jobs=int(sys.argv[3]), progress=False)
print(json.dumps({"documents": s.documents, "mentions": s.mentions, "facts": s.facts,
                  "errors": len(s.errors), "phases": s.phases,
                  "main_peak": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024}))
"""


def measure(corpus: Path, jobs: int) -> dict:
    """One run of the main job on ``corpus`` in a child process, with its wall time and peak memory."""
    with tempfile.TemporaryDirectory() as out:
        cmd = [sys.executable, "-c", CHILD, str(corpus), out, str(jobs)]
        proc, wall, peak = watched(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        stdout, stderr = proc.communicate()
        if proc.returncode != 0:
            raise SystemExit(f"run failed (exit {proc.returncode}): {stderr.strip()[-2000:]}")
        result = json.loads(stdout.strip().splitlines()[-1])
        result.update(wall=wall, peak=peak, xlsx=(Path(out) / "ledger.xlsx").stat().st_size)
    return result


def report(results: dict[int, dict]) -> None:
    print("| corpus | documents | mentions | facts | wall s | peak memory (tree) | main process | extract s | "
          "store s | facts s | reports s | ledger.xlsx |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for factor, r in results.items():
        p = r["phases"]
        print(f"| x{factor} | {r['documents']:,} | {r['mentions']:,} | {r['facts']:,} | {r['wall']:.1f} | "
              f"{r['peak'] / 2**20:,.0f} MiB | {r['main_peak'] / 2**20:,.0f} MiB | {p['extract']:.1f} | "
              f"{p['store']:.1f} | {p['facts']:.1f} | "
              f"{p['reports']:.1f} | {r['xlsx'] / 2**20:,.0f} MB |")
    factors = sorted(results)
    lo, hi = factors[0], factors[-1]
    if hi == lo:
        return
    a, b = results[lo], results[hi]
    print(f"\nx{hi} / x{lo}: wall {b['wall'] / a['wall']:.2f}x, peak memory {b['peak'] / a['peak']:.2f}x")
    for name, key, unit in (("wall", "wall", 1), ("peak memory", "peak", 2**20)):
        slope = (b[key] - a[key]) / (hi - lo)
        print(f"x10 (linear through x{lo} and x{hi}): {name} ~{(a[key] + slope * (10 - lo)) / unit:,.0f}"
              f"{' s' if unit == 1 else ' MiB'}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--factors", type=int, nargs="+", default=[1, 4], help="corpus sizes to run (default 1 4)")
    ap.add_argument("--jobs", type=int, default=2, help="worker processes (default 2)")
    ap.add_argument("--docs", type=int, default=None, help="copy only the first N documents (a quick check)")
    ap.add_argument("--corpus", type=Path, default=WHITEHOUSE, help="the JSONL corpus to copy")
    args = ap.parse_args()
    if not args.corpus.is_file():
        print(f"skipped: {args.corpus} not found (the shared corpus is not beside the checkout)")
        return 0
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        for factor in args.factors:
            corpus = multiply_corpus(args.corpus, factor, Path(tmp) / f"corpus-x{factor}.jsonl.gz", docs=args.docs)
            results[factor] = measure(corpus, args.jobs)
            corpus.unlink()
            print(f"x{factor}: {json.dumps(results[factor])}", file=sys.stderr)
    report(results)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
